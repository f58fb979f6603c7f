from typing import Any

from django.core.management.base import BaseCommand

from webhooks.tasks import webhooks_due_enqueue


class Command(BaseCommand):
    help = "Queue every webhook delivery whose next attempt is due (run every minute)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{webhooks_due_enqueue()} webhook deliveries queued.")
