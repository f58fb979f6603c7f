"""Reference data has one source: each app's idempotent `ensure_*`, run after every migrate."""

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal

from membership.models import Plan, PlanTier
from newsletters.briefings import BRIEFINGS
from newsletters.models import Newsletter

pytestmark = pytest.mark.django_db


def _editor_codenames() -> set[str]:
    return set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))


def test_a_migrated_database_has_the_plans_briefings_and_editor_grants():
    assert set(Plan.objects.values_list("slug", flat=True)) == {"pro-annual", "pro-team-annual"}
    assert PlanTier.objects.count() == 2
    assert Newsletter.objects.count() == len(BRIEFINGS)
    assert {"add_event", "view_registration", "add_issue", "view_subscriber"} <= _editor_codenames()


def test_post_migrate_restores_what_is_missing_and_keeps_what_staff_changed():
    Plan.objects.filter(slug="pro-annual").update(annual_price_cents=36000)
    Plan.objects.filter(slug="pro-team-annual").delete()
    Newsletter.objects.filter(slug="security").delete()
    Group.objects.get(name="Editors").permissions.clear()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # twice: nothing doubles

    assert Plan.objects.get(slug="pro-annual").annual_price_cents == 36000
    assert Plan.objects.filter(slug="pro-team-annual").count() == 1
    assert PlanTier.objects.count() == 2
    assert Newsletter.objects.filter(slug="security").count() == 1
    assert Newsletter.objects.count() == len(BRIEFINGS)
    assert {"add_event", "change_registration", "add_issue", "change_newsletter"} <= _editor_codenames()
