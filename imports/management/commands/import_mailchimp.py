from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imports.commands import add_common, run
from imports.mailchimp import mailchimp_import
from newsletters.models import Newsletter


class Command(BaseCommand):
    help = "Import a Mailchimp audience CSV (subscribed members) into one newsletter, keeping consent dates."

    def add_arguments(self, parser: CommandParser) -> None:
        add_common(parser, section=False)
        parser.add_argument("--newsletter", required=True, help="Slug of the newsletter, e.g. “security”.")

    def handle(self, *args: Any, **options: Any) -> None:
        newsletter = Newsletter.objects.filter(slug=options["newsletter"]).first()
        if newsletter is None:
            raise CommandError(f"No newsletter {options['newsletter']!r}.")
        run(self, mailchimp_import, path=Path(options["path"]), newsletter=newsletter, dry_run=options["dry_run"])
