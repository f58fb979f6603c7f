from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from membership.services import MembershipError, complimentary_grant


class Command(BaseCommand):
    help = "Give a reader complimentary PRO for a number of days, without Stripe."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="Address of an existing account.")
        parser.add_argument("--days", type=int, default=365, help="How long (default 365); extends a current grant.")
        parser.add_argument("--note", default="", help="Why, for the staff list, e.g. 'Press partner'.")

    def handle(self, *args: Any, email: str, days: int, note: str, **options: Any) -> None:
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the address {email}. The reader signs up first (or use the admin).")
        try:
            membership = complimentary_grant(user=user, days=days, note=note)
        except MembershipError as error:
            raise CommandError(str(error)) from None
        until = membership.complimentary_until
        self.stdout.write(f"{user.email}: complimentary PRO until {until:%Y-%m-%d %H:%M} UTC")
