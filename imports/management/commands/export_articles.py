from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from imports.exports import articles_ghost_write, articles_json_write


class Command(BaseCommand):
    help = "Export every live story as JSON (full body blocks), or as a Ghost import file with --format=ghost."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", default="-", help="File to write, or - for standard output.")
        parser.add_argument("--format", choices=["json", "ghost"], default="json")

    def handle(self, *args: Any, output: str, format: str, **options: Any) -> None:
        write = articles_ghost_write if format == "ghost" else articles_json_write
        if output == "-":
            count = write(stream=self.stdout)  # type: ignore[arg-type]
            self.stderr.write(f"Exported {count} stories.")
            return
        with Path(output).open("w", encoding="utf-8") as stream:
            count = write(stream=stream)
        self.stdout.write(f"Exported {count} stories to {output}.")
