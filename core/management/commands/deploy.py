"""Everything a release needs before its processes start; safe to run on every deploy."""

from typing import Any

from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from lib.s3_storage import S3MediaStorage, s3_bucket_prepare

# Folders anyone may read (as config/urls.py serves them from local disk).
PUBLIC_MEDIA_FOLDERS = ("images", "original_images")

STEPS = [
    ("migrate", {"interactive": False}),
    ("collectstatic", {"interactive": False}),
    # A fresh install starts with an empty entity registry; editors' changes are kept.
    ("seed_entities", {}),
    ("update_index", {}),
]


class Command(BaseCommand):
    help = "Migrate, collect static files, seed Monitor's entity registry and rebuild the search index."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--skip", action="append", default=[], help="Leave out a step (repeatable).")

    def handle(self, *args: Any, skip: list[str], **options: Any) -> None:
        verbosity = options.get("verbosity", 1)
        for name, kwargs in STEPS:
            if name in skip:
                continue
            self.stdout.write(f"== {name}")
            call_command(name, verbosity=max(0, verbosity - 1), **kwargs)
        storage = storages["default"]
        if isinstance(storage, S3MediaStorage) and "media_bucket" not in skip:
            self.stdout.write("== media_bucket")
            self.stdout.write(s3_bucket_prepare(storage, PUBLIC_MEDIA_FOLDERS))
        self.stdout.write(self.style.SUCCESS("Ready: start the web, worker and scheduler processes."))
