from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from imports.commands import add_common, default_section, run
from imports.substack import substack_import


class Command(BaseCommand):
    help = "Import a Substack export folder: posts.csv with posts/*.html, and email_list*.csv subscribers."

    def add_arguments(self, parser: CommandParser) -> None:
        add_common(parser)
        parser.add_argument("--newsletter", default="", help="Subscribe the list to this newsletter (slug).")

    def handle(self, *args: Any, **options: Any) -> None:
        run(self, substack_import, folder=Path(options["path"]), section=default_section(options["section"]),
            newsletter_slug=options["newsletter"], dry_run=options["dry_run"])  # fmt: skip
