from typing import Any

from django.core.management.base import BaseCommand

from webhooks.receivers import pro_lapses_announce
from webhooks.tasks import webhooks_due_enqueue


class Command(BaseCommand):
    help = "Queue every webhook delivery that is due, and announce PRO memberships that ran out (every minute)."

    def handle(self, *args: Any, **options: Any) -> None:
        lapsed = pro_lapses_announce()
        self.stdout.write(f"{webhooks_due_enqueue()} webhook deliveries queued; {lapsed} PRO memberships ran out.")
