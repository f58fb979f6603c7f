from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from monitor.alerts import alert_digests_send


class Command(BaseCommand):
    help = "Email each daily alert's new matches (at most one digest per alert a day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Send even if a digest went out in the last day.")

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        emails, articles = alert_digests_send(force=force)
        self.stdout.write(f"Sent {emails} alert digest(s) covering {articles} article(s).")
