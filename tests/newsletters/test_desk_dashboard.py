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


def _dashboard_line(page: str, title: str) -> str:
    start = page.index(f">{title}</a>")
    return page[start : page.index("</li>", start)]


def test_stories_of_the_last_24_hours_show_their_most_read_rank(client, bob, site):
    from newsroom.models import ArticleReads
    from tests.factories import ArticleFactory

    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    older = ArticleFactory(parent=site.security, title="Older but most read")
    older.first_published_at = timezone.now() - dt.timedelta(days=3)
    older.save(update_fields=["first_published_at"])
    fresh = ArticleFactory(parent=site.security, title="Fresh and read")
    quiet = ArticleFactory(parent=site.security, title="Fresh and unread")
    ArticleReads.objects.create(article=older, hour=hour, count=40)
    ArticleReads.objects.create(article=fresh, hour=hour, count=7)
    ArticleReads.objects.create(article=fresh, hour=hour - dt.timedelta(hours=2), count=5)
    ArticleReads.objects.create(article=quiet, hour=hour - dt.timedelta(hours=30), count=99)  # too long ago
    client.force_login(bob)
    page = client.get("/admin/").content.decode()
    assert "<strong>No. 2</strong> most read (12 reads)" in _dashboard_line(page, "Fresh and read")
    assert "no reads yet" in _dashboard_line(page, "Fresh and unread")
    assert "Older but most read" not in page.split("Published in the last 24 hours")[1].split("</ul>")[0]


def test_the_dashboard_counts_pro_trials_started_and_converted_this_week(client, bob):
    from membership.models import Membership, SubscriptionStatus, TrialClaim
    from tests.factories import UserFactory

    now = timezone.now()
    TrialClaim.objects.create(email="one@example.org")
    TrialClaim.objects.create(email="two@example.org")
    TrialClaim.objects.filter(email="two@example.org").update(claimed_at=now - dt.timedelta(days=8))  # last week
    TrialClaim.objects.create(email="three@example.org")
    for name, status in [("paid", SubscriptionStatus.ACTIVE), ("gone", SubscriptionStatus.CANCELED)]:
        Membership.objects.update_or_create(
            user=UserFactory(username=name), defaults={"status": status, "trial_end": now - dt.timedelta(seconds=1)}
        )
    client.force_login(bob)
    page = client.get("/admin/").content.decode()
    assert "<strong>2</strong> trials started, <strong>1</strong> converted to a paid membership" in page


def test_the_dashboard_lists_stories_scheduled_today_and_drafts_awaiting_review(client, bob, site):
    from wagtail.models import Workflow

    from tests.factories import ArticleFactory

    scheduled = ArticleFactory(parent=site.security, title="Embargoed: the budget", publish=False)
    scheduled.save_revision(user=bob, approved_go_live_at=timezone.now() + dt.timedelta(minutes=1))
    later = ArticleFactory(parent=site.security, title="Embargoed: next week", publish=False)
    later.save_revision(user=bob, approved_go_live_at=timezone.now() + dt.timedelta(days=7))
    waiting = ArticleFactory(parent=site.gulf, title="Draft for the desk", publish=False)
    waiting.save_revision(user=bob)
    Workflow.objects.get(name="Moderators approval").start(waiting, bob)
    client.force_login(bob)
    page = client.get("/admin/").content.decode()
    today = page.split("Scheduled for today (1)")[1].split("</ul>")[0]
    assert "Embargoed: the budget" in today and "next week" not in today
    assert "Draft for the desk" in page.split("Awaiting review (1)")[1].split("</ul>")[0]


def test_the_last_sends_show_delivered_bounced_and_unsubscribed(client, bob, security):
    readers = make_subscribers(security, 3)
    sent = Issue.objects.create(newsletter=security, subject="Earlier", status="sent", started_at=timezone.now())
    for n, reader in enumerate(readers):
        Delivery.objects.create(
            issue=sent,
            subscriber=reader,
            subscription=reader.subscriptions.get(),
            email=reader.email,
            state="sent",
            bounced_at=timezone.now() if n == 0 else None,
        )
    client.force_login(bob)
    page = client.get("/admin/").content.decode()
    row = page.split(f"Security Briefing No. {sent.number}</a>")[1].split("</tr>")[0]
    cells = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
    assert cells[1:4] == ["3", "2", "1"]  # recipients, delivered, bounced
