"""`manage.py move_database --to postgres://...`: copy this install's SQLite database into PostgreSQL.

The site may keep running: the copy is taken from an online snapshot of the
SQLite file. The target is migrated, emptied of what the migrations created,
and loaded with every row under the same ids; its sequences are then reset.
Afterwards set DATABASE_URL to the target and restart the processes.
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections

from core.backups import row_counts, search_index_labels

SNAPSHOT = "move_snapshot"
# Run in the target's own process: migrate, drop what the migrations created, load every row,
# rebuild the search index.
LOAD = """
import json, os
from django.conf import settings
from django.core.management import call_command
from core.backups import row_counts
call_command("migrate", interactive=False, verbosity=0)
call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
call_command("loaddata", os.environ["MOVE_DATABASE_DUMP"], verbosity=0)
call_command("update_index", verbosity=0)
print(json.dumps(row_counts()))
"""


class Command(BaseCommand):
    help = "Copy the SQLite database into an empty PostgreSQL database (given by URL), keeping every id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", required=True, dest="url", help="postgres://user:password@host:5432/name")

    def handle(self, *args: Any, url: str, **options: Any) -> None:
        if connection.vendor != "sqlite":
            raise CommandError("This install is not on SQLite; move_database copies SQLite into PostgreSQL.")
        if "postgresql" not in dj_database_url.parse(url)["ENGINE"]:
            raise CommandError("--to must be a postgres:// URL.")
        with tempfile.TemporaryDirectory(prefix="newsdesk-move-") as work:
            snapshot_file, dump = Path(work) / "snapshot.sqlite3", Path(work) / "data.json"
            connection.ensure_connection()
            snapshot = sqlite3.connect(snapshot_file)
            with snapshot:
                connection.connection.backup(snapshot)  # consistent while the site keeps writing
            snapshot.close()
            connections.databases[SNAPSHOT] = {**connections.databases["default"], "NAME": str(snapshot_file)}
            try:
                self.stdout.write("== copying rows out of a snapshot")
                # The search index is left out: its model exists only on SQLite (an FTS5 table)
                # and the target rebuilds its own with update_index.
                call_command(
                    "dumpdata", database=SNAPSHOT, output=str(dump), exclude=search_index_labels(), verbosity=0
                )
                before = row_counts(SNAPSHOT)
            finally:
                connections[SNAPSHOT].close()
            # The target is set up by a process of its own whose default database it is, so
            # data migrations and signal handlers write there and nowhere else.
            self.stdout.write("== migrating the target, emptying it and loading the rows")
            env = {**os.environ, "DATABASE_URL": url, "MOVE_DATABASE_DUMP": str(dump)}
            result = subprocess.run(  # noqa: S603
                [sys.executable, str(settings.BASE_DIR / "manage.py"), "shell", "-c", LOAD],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise CommandError(f"Loading into PostgreSQL failed:\n{result.stderr[-3000:]}")
            after = json.loads(result.stdout.strip().splitlines()[-1])
        differ = {table: (n, after.get(table)) for table, n in before.items() if after.get(table) != n}
        if differ:
            raise CommandError(f"Row counts differ after the copy: {differ}")
        self.stdout.write(
            self.style.SUCCESS(f"Copied {sum(before.values()):,} rows in {len(before)} tables. Now set DATABASE_URL.")
        )
