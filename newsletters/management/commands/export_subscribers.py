from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsletters.importing import subscribers_export
from newsletters.models import Newsletter


class Command(BaseCommand):
    help = "Export subscribers as CSV (email, name, newsletters, consent_date, status), the format import reads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", default="-", help="File to write, or - for standard output.")
        parser.add_argument("--newsletter", help="Only subscribers of this newsletter (slug).")
        parser.add_argument("--all", action="store_true", help="Include people who left every newsletter.")

    def handle(self, *args: Any, output: str, newsletter: str | None, all: bool, **options: Any) -> None:
        chosen = None
        if newsletter:
            chosen = Newsletter.objects.filter(slug=newsletter).first()
            if chosen is None:
                raise CommandError(f"No newsletter {newsletter!r}.")
        if output == "-":
            written = subscribers_export(stream=self.stdout, newsletter=chosen, everyone=all)  # type: ignore[arg-type]
            self.stderr.write(f"Exported {written} subscribers.")
            return
        with Path(output).open("w", encoding="utf-8", newline="") as stream:
            written = subscribers_export(stream=stream, newsletter=chosen, everyone=all)
        self.stdout.write(f"Exported {written} subscribers to {output}.")
