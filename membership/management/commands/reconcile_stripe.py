from typing import Any

from django.core.management.base import BaseCommand, CommandError

from membership.billing import stripe as billing
from membership.services import reconcile


class Command(BaseCommand):
    help = "Re-read every known subscription from Stripe, store its state, and apply events left unprocessed."

    def handle(self, *args: Any, **options: Any) -> None:
        if not billing.configured():
            raise CommandError("Billing is not configured (STRIPE_SECRET_KEY is not set).")
        counts = reconcile(stdout=self.stdout)
        self.stdout.write(
            f"reconcile_stripe: {counts['checked']} subscriptions checked, {counts['changed']} changed, "
            f"{counts['failed']} failed"
        )
