from typing import Any

from django.core.management.base import BaseCommand

from newsletters.services import daily_issues_draft


class Command(BaseCommand):
    help = "Draft today's issue of each auto-drafted newsletter an hour before its send time, for an editor to approve."

    def handle(self, *args: Any, **options: Any) -> None:
        drafted = daily_issues_draft()
        names = ", ".join(f"{i.newsletter.name} #{i.number} ({i.items.count()} articles)" for i in drafted)
        self.stdout.write(f"Drafted {len(drafted)} issue(s){': ' + names if names else ''}.")
