"""`manage.py move_database --to postgres://...`: copy this install's SQLite database into PostgreSQL.

The site may keep running: the copy is taken from an online snapshot of the
SQLite file. The target is migrated, emptied of what the migrations created,
and loaded with every row under the same ids; its sequences are then reset.
Afterwards set DATABASE_URL to the target and restart the processes.
"""

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections

from core.backups import row_counts

SNAPSHOT, TARGET = "move_snapshot", "move_target"


class Command(BaseCommand):
    help = "Copy the SQLite database into an empty PostgreSQL database (given by URL), keeping every id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", required=True, dest="url", help="postgres://user:password@host:5432/name")

    def handle(self, *args: Any, url: str, **options: Any) -> None:
        if connection.vendor != "sqlite":
            raise CommandError("This install is not on SQLite; move_database copies SQLite into PostgreSQL.")
        target = dj_database_url.parse(url)
        if "postgresql" not in target["ENGINE"]:
            raise CommandError("--to must be a postgres:// URL.")
        with tempfile.TemporaryDirectory(prefix="newsdesk-move-") as work:
            snapshot_file = Path(work) / "snapshot.sqlite3"
            connection.ensure_connection()
            snapshot = sqlite3.connect(snapshot_file)
            with snapshot:
                connection.connection.backup(snapshot)  # consistent while the site keeps writing
            snapshot.close()
            connections.databases[SNAPSHOT] = {**connections.databases["default"], "NAME": str(snapshot_file)}
            connections.databases[TARGET] = {**connections.databases["default"], **target, "OPTIONS": {}}
            connections.databases[TARGET]["CONN_MAX_AGE"] = 0
            try:
                self._copy(Path(work) / "data.json")
            finally:
                connections[SNAPSHOT].close()
                connections[TARGET].close()

    def _copy(self, dump: Path) -> None:
        self.stdout.write("== migrating the target")
        call_command("migrate", database=TARGET, interactive=False, verbosity=0)
        self.stdout.write("== emptying what the migrations created there")
        call_command("flush", database=TARGET, interactive=False, verbosity=0, inhibit_post_migrate=True)
        self.stdout.write("== copying rows")
        call_command("dumpdata", database=SNAPSHOT, output=str(dump), verbosity=0)
        call_command("loaddata", str(dump), database=TARGET, verbosity=0)
        before, after = row_counts(SNAPSHOT), row_counts(TARGET)
        differ = {table: (n, after.get(table)) for table, n in before.items() if after.get(table) != n}
        if differ:
            raise CommandError(f"Row counts differ after the copy: {differ}")
        self.stdout.write(
            self.style.SUCCESS(f"Copied {sum(before.values()):,} rows in {len(before)} tables. Now set DATABASE_URL.")
        )
