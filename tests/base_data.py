"""The rows migrations create, put back for tests that run in real transactions.

A transactional test (live server, threads) ends by emptying every table, so
the next one would start without the home page, the root collection, the
newsroom roles, the default plans or the ten briefings. `restore()` recreates
them: the home page through the test factories, everything else by running
our apps' data migrations again (each one is written to be idempotent).
"""

from __future__ import annotations

from typing import Any, cast

from django.apps import apps
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython

# newsroom's own data migration replaces the placeholder page; home_page() covers it.
SKIPPED_APPS = {"newsroom"}
PROJECT_APPS = ("membership", "newsletters", "monitor", "pro", "events")


def restore() -> None:
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import home_page

    ContentType.objects.clear_cache()  # ids from before the flush are gone
    home_page()  # locale, root page and collection, home page, site, roles
    # What apps set up after migrating (permissions, groups' grants) needs the
    # rows above, so it runs again now that they exist.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    for (app_label, _name), migration in sorted(loader.disk_migrations.items()):
        if app_label in SKIPPED_APPS or app_label not in PROJECT_APPS:
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(cast(Any, apps), cast(Any, None))
