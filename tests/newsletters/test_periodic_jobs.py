import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from newsletters.models import Issue, Newsletter
from newsletters.services import issue_draft, issue_schedule
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


def test_send_due_issues_sends_a_scheduled_issue_once_its_time_comes(
    security, security_story, smtp_server, django_capture_on_commit_callbacks
):
    make_subscribers(security, 2)
    issue = issue_schedule(issue=issue_draft(newsletter=security), when=timezone.now() + dt.timedelta(hours=1))
    out = io.StringIO()
    call_command("send_due_issues", stdout=out)
    assert "Started 0" in out.getvalue() and Issue.objects.get(pk=issue.pk).status == "scheduled"
    with freeze_time(timezone.now() + dt.timedelta(hours=2)), django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_issues", stdout=out)
    assert Issue.objects.get(pk=issue.pk).status == "sent" and len(smtp_server.messages) == 2


def test_daily_briefings_are_drafted_an_hour_before_send_time_and_only_once(site, security_story):
    minute = Newsletter.objects.get(slug="middle-east-minute")  # 06:30 Asia/Dubai = 02:30 UTC
    with freeze_time("2026-03-02 01:00:00"):
        call_command("draft_daily_issues", stdout=io.StringIO())
        assert not minute.issues.exists()
    with freeze_time("2026-03-02 01:45:00"):
        call_command("draft_daily_issues", stdout=io.StringIO())
        call_command("draft_daily_issues", stdout=io.StringIO())
    assert minute.issues.count() == 1 and minute.issues.get().status == "draft"


def test_send_newsletter_drafts_and_sends_from_the_command_line(security, security_story, smtp_server):
    make_subscribers(security, 3)
    out = io.StringIO()
    call_command("send_newsletter", "security", "--no-progress", stdout=out, stderr=io.StringIO())
    assert "sent 3" in out.getvalue() and len(smtp_server.messages) == 3
    assert Issue.objects.get().status == "sent"


def test_send_newsletter_names_the_choices_for_an_unknown_slug(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Choose from: takeaway"):
        call_command("send_newsletter", "nope")


def test_the_ten_briefings_exist_on_every_install(db):
    assert set(Newsletter.objects.values_list("slug", flat=True)) == {
        "takeaway", "middle-east-minute", "daily-briefing", "business-tech", "security",
        "gulf", "israel", "palestine", "turkey", "iraq",
    }  # fmt: skip
