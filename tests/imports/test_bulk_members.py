"""Member lists go in a batch at a time, in a few statements, with the same once-only and rollback rules as stories."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

import imports.articles
import imports.members
from imports.mailchimp import mailchimp_import
from imports.models import ImportedItem
from newsletters.models import Consent, Newsletter, Subscriber, Subscription, Suppression
from tests.imports.samples import write_mailchimp

pytestmark = pytest.mark.django_db


@pytest.fixture
def security(db):
    return Newsletter.objects.get_or_create(
        slug="security", defaults={"name": "Security Briefing", "description": "x"}
    )[0]


def _rows(count: int) -> list[str]:
    return [f"reader{n}@example.com,Reader,{n},2,2022-03-01 10:00:00,2022-03-01 10:05:00," for n in range(count)]


def test_a_batch_of_members_costs_the_same_few_statements_as_a_handful(tmp_path, security):
    def queries_for(count: int) -> int:
        Subscriber.objects.all().delete()
        ImportedItem.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            report = mailchimp_import(
                path=write_mailchimp(tmp_path / f"mc{count}.csv", _rows(count)), newsletter=security
            )
        assert (report.created, report.errors) == (count, [])
        return len(queries)

    small, full = queries_for(5), queries_for(100)  # one batch each
    assert full == small and full <= 15, (small, full)
    assert Subscription.objects.filter(newsletter=security, status=Subscription.Status.ACTIVE).count() == 100
    assert Consent.objects.filter(action=Consent.Action.IMPORTED).count() == 100


def test_a_suppressed_address_is_kept_but_never_subscribed(tmp_path, security):
    Suppression.objects.create(email="reader1@example.com", reason=Suppression.Reason.BOUNCED)
    report = mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv", _rows(3)), newsletter=security)
    assert report.created == 3 and report.counts["suppressed addresses (not subscribed)"] == 1
    assert not Subscription.objects.filter(subscriber__email="reader1@example.com").exists()
    assert Subscription.objects.filter(subscriber__email="reader2@example.com").exists()


def test_a_failed_member_batch_rolls_back_alone_and_a_second_run_resumes(tmp_path, security, monkeypatch):
    monkeypatch.setattr(imports.articles, "BATCH_SIZE", 2)
    path = write_mailchimp(tmp_path / "mc.csv", _rows(6))
    real = imports.members._subscriptions
    calls = {"n": 0}

    def second_batch_fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise DatabaseError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(imports.members, "_subscriptions", second_batch_fails)
    report = mailchimp_import(path=path, newsletter=security)
    assert report.created == 4 and report.counts["subscriptions"] == 4
    assert any("rolled back" in e and "disk full" in e for e in report.errors)
    assert not Subscriber.objects.filter(email__in=["reader2@example.com", "reader3@example.com"]).exists()

    monkeypatch.setattr(imports.members, "_subscriptions", real)
    again = mailchimp_import(path=path, newsletter=security)
    assert (again.created, again.skipped, again.errors) == (2, 4, [])
    assert Subscription.objects.filter(newsletter=security).count() == 6
    third = mailchimp_import(path=path, newsletter=security)
    assert (third.created, third.skipped) == (0, 6) and Consent.objects.count() == 6


def test_a_bad_row_is_reported_by_line_and_the_rest_of_its_batch_goes_in(tmp_path, security):
    rows = [*_rows(2), "broken address,No,One,2,,,", "reader9@example.com,Late,,2,not a date,,"]
    report = mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv", rows), newsletter=security)
    assert report.created == 2 and len(report.errors) == 2
    assert report.errors[0].startswith("line 4 ('broken address')") and "valid email" in report.errors[0]
    assert "line 5" in report.errors[1] and "not a date" in report.errors[1]
