"""`manage.py backup`: one dated archive of the database, media, documents and secret key."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.backups import BackupError, backup_create, backup_prune


class Command(BaseCommand):
    help = "Write a dated archive (database, media, private documents, secret key) into BACKUP_DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="Folder for the archive (default: BACKUP_DIR).")
        parser.add_argument("--keep", type=int, default=None, help="Keep only the newest N archives there.")

    def handle(self, *args: Any, output: Path | None, keep: int | None, **options: Any) -> None:
        folder = output or Path(settings.BACKUP_DIR)
        try:
            archive = backup_create(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written: {archive} ({archive.stat().st_size:,} bytes)")
        keep = settings.BACKUP_KEEP if keep is None else keep
        for old in backup_prune(folder, keep):
            self.stdout.write(f"Deleted old backup {old.name}")
