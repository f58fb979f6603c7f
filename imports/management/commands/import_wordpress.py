from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from imports.commands import add_common, default_section, run
from imports.wordpress import wordpress_import


class Command(BaseCommand):
    help = (
        "Import published posts and pages from a WordPress export (WXR), with featured images and redirects from "
        "their old URLs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_common(parser, images=True)

    def handle(self, *args: Any, **options: Any) -> None:
        run(self, wordpress_import, path=Path(options["path"]), section=default_section(options["section"]),
            dry_run=options["dry_run"], images=not options["no_images"])  # fmt: skip
