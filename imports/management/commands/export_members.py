from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from imports.exports import members_csv_write


class Command(BaseCommand):
    help = "Export members and subscribers as CSV: newsletters, PRO status and every consent record."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", default="-", help="File to write, or - for standard output.")

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        if output == "-":
            count = members_csv_write(stream=self.stdout)  # type: ignore[arg-type]
            self.stderr.write(f"Exported {count} subscribers.")
            return
        with Path(output).open("w", encoding="utf-8", newline="") as stream:
            count = members_csv_write(stream=stream)
        self.stdout.write(f"Exported {count} subscribers to {output}.")
