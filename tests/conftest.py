"""Shared test set-up: a standing cast, a small site, and fast settings.

Tests hit the real database (SQLite, or PostgreSQL when DATABASE_URL is set);
only the outside world is faked, at its edge.
"""

import os

import pytest
from django.contrib.auth.models import Group

from tests import factories

TEST_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SECURE_SSL_REDIRECT = False


def _service_lines() -> list[str]:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    lines = [f"newsdesk: database={engine}"]
    if not os.environ.get("DATABASE_URL"):
        lines.append("newsdesk: DATABASE_URL not set: PostgreSQL-only tests were skipped (SQLite run)")
    if not os.environ.get("REDIS_URL"):
        lines.append(
            "newsdesk: REDIS_URL not set: Redis tests (cache, page-cache invalidation, RQ settings) were skipped"
        )
    if not os.path.exists("/usr/bin/chromium"):
        lines.append("newsdesk: /usr/bin/chromium not found: browser tests were skipped")
    from lib.pdf import missing_libraries

    if missing_libraries():
        lines.append(f"newsdesk: {', '.join(missing_libraries())} not found: PDF tests were skipped")
    return lines


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from lib.pdf import missing_message

    reason = missing_message()
    if reason:
        for item in items:
            if item.get_closest_marker("pdf"):
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_report_header(config: pytest.Config) -> list[str]:
    return _service_lines()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Printed at the end too, since -q hides the header.
    for line in _service_lines():
        terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = TEST_STORAGES
    # One in-process cache shared by the test and live-server threads, emptied
    # around every test (_fresh_cache below).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    # Whole-page caching is tested on its own (tests/newsroom/test_page_cache.py).
    settings.PAGE_CACHE_SECONDS = 0
    # Background tasks run inline so a test sees their effect at once.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # The scheduler's nightly backup never falls due in a test (tests/ops/test_backup.py runs it on purpose).
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_HOUR = 24


@pytest.fixture(autouse=True)
def _fresh_cache(_isolated_files):
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_on(settings):
    """The whole-page cache switched on, as in production (tests run with it off)."""
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Transactional tests start from what the migrations made, like all others."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if transactional or "live_server" in request.fixturenames:
        request.getfixturevalue("_django_db_helper")
        from tests import base_data

        base_data.restore()


@pytest.fixture
def site(db):
    """Home page with two sections, topic and author indexes."""
    return factories.build_site()


@pytest.fixture
def alice(db):
    """A PRO member (complimentary PRO, so no Stripe is needed)."""
    from tests.membership.cast import pro_member

    return pro_member("alice")


@pytest.fixture
def dora(db):
    """A free member with a verified address."""
    from tests.membership.cast import verified_user

    return verified_user("dora")


@pytest.fixture
def lapsed(db):
    """A former PRO member whose subscription and grant both ended."""
    from tests.membership.cast import lapsed_member

    return lapsed_member("lapsed")


@pytest.fixture
def bob(db):
    """An editor: staff, in the Editors group."""
    user = factories.UserFactory(username="bob", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def charlie(db):
    """An outsider with a free account."""
    return factories.UserFactory(username="charlie")
