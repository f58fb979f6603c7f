"""The rows migrations create, put back for tests that run in real transactions.

A transactional test (live server, threads) ends by emptying every table, so
the next one would start without the home page, the root collection, the
newsroom roles or the default plans. `restore()` recreates them, once, cheaply.
"""

from __future__ import annotations

import importlib

from django.apps import apps


def restore() -> None:
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import home_page

    ContentType.objects.clear_cache()  # ids from before the flush are gone
    home_page()  # locale, root page and collection, home page, site, roles
    plans = importlib.import_module("membership.migrations.0002_default_plans")
    plans.create_plans(apps, None)
    editors = importlib.import_module("events.migrations.0002_editor_permissions")
    editors.grant(apps, None)
