"""The rows every install has, put back for tests that run in real transactions.

A transactional test (live server, threads) ends by emptying every table, so
the next one would start without the home page, the root collection, the
newsroom roles, the default plans or the ten briefings. `restore()` rebuilds
the home page and then sends `post_migrate`, whose handlers (each app's
idempotent `ensure_*`) recreate the rest, exactly as after `migrate`.
"""

from __future__ import annotations

from django.core.management.sql import emit_post_migrate_signal


def restore() -> None:
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import home_page

    ContentType.objects.clear_cache()  # ids from before the flush are gone
    home_page()  # locale, root page and collection, home page, site, roles
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
