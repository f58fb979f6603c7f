from typing import Any

from django.core.management.base import BaseCommand

from newsletters.services import issues_send_due


class Command(BaseCommand):
    help = "Start scheduled issues whose time has come and restart sends whose workers died (run every minute)."

    def handle(self, *args: Any, **options: Any) -> None:
        started, resumed = issues_send_due()
        self.stdout.write(f"Started {started} scheduled issue(s); restarted {resumed} stalled send(s).")
