"""`manage.py restore ARCHIVE`: bring an install back from a `manage.py backup` archive."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.backups import BackupError, backup_restore, row_counts


class Command(BaseCommand):
    help = "Restore the database, media, private documents and secret key from a backup archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--force", action="store_true", help="Replace an install that already has accounts.")

    def handle(self, *args: Any, archive: Path, force: bool, **options: Any) -> None:
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            manifest = backup_restore(archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        restored = row_counts()
        wrong = {table: (n, restored.get(table)) for table, n in manifest["rows"].items() if restored.get(table) != n}
        if wrong:
            raise CommandError(f"Restored row counts differ from the backup's: {wrong}")
        rows = sum(manifest["rows"].values())
        files = sum(len(names) for names in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Restored {rows:,} rows and {files:,} files from {manifest['created_at']}.")
        )
        self.stdout.write("Unless SECRET_KEY is set in the environment, the backup's key is now in VAR_DIR/secret_key.")
