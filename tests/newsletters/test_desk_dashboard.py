"""The admin's first screen: stories, sends and trials of the day, and quick actions."""

import datetime as dt

import pytest
from django.utils import timezone

from newsletters.models import Delivery, Issue
from newsletters.services import issue_draft, issue_schedule
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_the_days_stories_sends_and_quick_actions(client, bob, security, security_story):
    scheduled = issue_draft(newsletter=security)
    issue_schedule(issue=scheduled, when=timezone.now() + dt.timedelta(seconds=30))
    [reader] = make_subscribers(security, 1)
    sent = Issue.objects.create(newsletter=security, subject="Earlier", status="sent", started_at=timezone.now())
    Delivery.objects.create(
        issue=sent,
        subscriber=reader,
        subscription=reader.subscriptions.get(),
        email=reader.email,
        state="sent",
        bounced_at=timezone.now(),
    )
    client.force_login(bob)
    page = client.get("/admin/").content.decode()
    assert "Stories today" in page and security_story.title in page  # published in the last 24 hours
    assert f"Security Briefing No. {scheduled.number}</a> at " in page
    assert f"Security Briefing No. {sent.number}" in page
    assert 'aria-label="New issue of Security Briefing"' in page
    assert "/admin/pages/add/newsroom/articlepage/" in page
    assert "PRO this week" in page
    assert "gravatar.com" not in page


def test_a_send_scheduled_for_tomorrow_is_not_listed_as_today(client, bob, security, security_story):
    issue = issue_draft(newsletter=security)
    issue_schedule(issue=issue, when=timezone.now() + dt.timedelta(days=2))
    client.force_login(bob)
    assert "No sends scheduled for today." in client.get("/admin/").content.decode()
