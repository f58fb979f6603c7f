from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from imports.commands import add_common, default_section, run
from imports.ghost import ghost_import


class Command(BaseCommand):
    help = (
        "Import published posts (with feature images), authors, tags and members (with newsletters) from a Ghost "
        "JSON export."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_common(parser, images=True)
        parser.add_argument(
            "--site-url", default="", help="The old site's address, for images the export names as __GHOST_URL__/…"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run(self, ghost_import, path=Path(options["path"]), section=default_section(options["section"]),
            dry_run=options["dry_run"], images=not options["no_images"], site_url=options["site_url"])  # fmt: skip
