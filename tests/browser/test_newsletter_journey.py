"""A reader subscribes on an article, confirms from the email, receives a scheduled issue, leaves in one click."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from playwright.sync_api import expect

from newsletters.models import Issue, Subscription
from newsletters.services import issue_draft
from tests.browser.doors import security_briefing_with_story
from tests.factories import UserFactory
from tests.smtp import smtp_server  # noqa: F401  (shared fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER = "dana.reader@example.org"


@pytest.fixture
def newsroom(live_server, settings, smtp_server):  # noqa: F811
    story, security = security_briefing_with_story(settings, live_server.url)
    from django.contrib.auth.models import Group

    editor = UserFactory(username="desk-editor", is_staff=True, email="desk@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    return story, security, editor


def link(text: str, pattern: str) -> str:
    match = re.search(pattern + r"[^\s\"'<>]*", text)
    assert match, f"no link matching {pattern} in:\n{text}"
    return match.group(0)


def test_a_reader_subscribes_confirms_receives_a_scheduled_issue_and_leaves_in_one_click(
    browser,
    page,
    live_server,
    newsroom,
    smtp_server,  # noqa: F811
):
    story, security, editor = newsroom

    # The reader signs up from the block under the story.
    page.goto(live_server.url + story.url)
    signup = page.locator("aside.signup form")
    signup.get_by_label("Security Briefing").check()
    signup.get_by_label("Email address").fill(READER)
    signup.get_by_role("button", name="Subscribe for free").click()
    page.wait_for_url("**/newsletters/subscribe/check-your-inbox/")
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    # Confirms from the email: opening the link alone confirms nothing.
    [confirmation] = smtp_server.wait_for(READER)
    page.goto(link(confirmation.text, re.escape(live_server.url) + "/newsletters/confirm/"))
    assert Subscription.objects.get(subscriber__email=READER).status == "pending"
    page.get_by_role("button", name="Confirm my subscription").click()
    page.wait_for_url("**/newsletters/welcome/**")
    expect(page.locator(".welcome-list li", has_text="Security Briefing")).to_contain_text("Every ")

    # An editor schedules the next issue from the desk.
    issue = issue_draft(newsletter=security)
    desk_context = browser.new_context()
    desk = desk_context.new_page()
    desk.goto(live_server.url + "/admin/login/")
    desk.get_by_label("Username").fill(editor.username)
    desk.get_by_label("Password").fill("correct horse battery staple")
    desk.get_by_role("button", name="Sign in").click()
    desk.wait_for_url(live_server.url + "/admin/")
    desk.goto(f"{live_server.url}/admin/newsletters/issue/{issue.pk}/desk/")
    when = timezone.localtime() + dt.timedelta(minutes=5)
    desk.locator("#id_when").fill(when.strftime("%Y-%m-%dT%H:%M"))
    desk.get_by_role("button", name="Schedule", exact=True).click()
    desk.wait_for_load_state()
    assert "Scheduled for" in desk.content()
    assert Issue.objects.get(pk=issue.pk).status == "scheduled"
    desk_context.close()  # no admin page left polling the server after the test

    # Its time comes; the scheduler's job sends it.
    with freeze_time(timezone.now() + dt.timedelta(minutes=10), tick=True):
        call_command("send_due_issues")
    received = smtp_server.wait_for(READER, count=2)[-1]
    assert received.message["Subject"].startswith("Security Briefing: Iran and Belarus")
    assert story.title in received.html
    assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The reader leaves with one click from the email.
    page.goto(link(received.text, re.escape(live_server.url) + "/newsletters/unsubscribe/"))
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You have left the Security Briefing")).to_be_visible()
    assert Subscription.objects.get(subscriber__email=READER).status == "unsubscribed"
