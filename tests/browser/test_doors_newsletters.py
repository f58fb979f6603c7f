"""Every door the newsletters email opens, walked in Chromium with no session planted.

Each link is read from the message the SMTP server received and opened in a
fresh browser (as a reader's mail client would), and the real buttons are pressed.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from newsletters.models import Newsletter, Subscriber, Subscription
from tests.browser.doors import fresh_page, link_in, security_briefing_with_story
from tests.smtp import SMTPSink, smtp_server  # noqa: F401  (shared fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READER = "dana.reader@example.org"
OTHER = "omar.reader@example.org"


@pytest.fixture
def briefings(live_server, settings, smtp_server):  # noqa: F811
    _story, security = security_briefing_with_story(settings, live_server.url)
    return security


def _status(email: str, slug: str) -> str:
    return Subscription.objects.get(subscriber__email=email, newsletter__slug=slug).status


def _sent_issue(smtp_server: SMTPSink, *subscribers: str) -> dict[str, Any]:  # noqa: F811
    """Subscribe each address (confirmed) to the Security Briefing, send an issue, return what arrived."""
    security = Newsletter.objects.get(slug="security")
    for email in subscribers:
        subscriber = Subscriber.objects.create(email=email)
        Subscription.objects.create(subscriber=subscriber, newsletter=security, status=Subscription.Status.ACTIVE)
    call_command("send_newsletter", "security", "--no-progress", stdout=io.StringIO())
    return {email: smtp_server.wait_for(email)[-1] for email in subscribers}


def test_a_reader_signs_up_and_confirms_from_the_emailed_link(browser, page, live_server, briefings, smtp_server):  # noqa: F811
    page.goto(live_server.url + "/newsletters/")
    form = page.locator("form.signup-form")
    form.get_by_label("Security Briefing").check()
    form.get_by_label("Email address").fill(READER)
    form.get_by_role("button", name="Subscribe for free").click()
    # The form posts to /newsletters/subscribe/#signup-errors (so a bad submit lands on the
    # error summary); the browser carries that fragment across the redirect.
    page.wait_for_url(re.compile(r"/newsletters/subscribe/check-your-inbox/(#signup-errors)?$"))
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert _status(READER, "security") == "pending"

    [confirmation] = smtp_server.wait_for(READER)
    inbox = fresh_page(browser)
    inbox.goto(link_in(confirmation.text, live_server.url + "/newsletters/confirm/"))
    assert _status(READER, "security") == "pending", "opening the link alone must confirm nothing"
    inbox.get_by_role("button", name="Confirm my subscription").click()

    # The welcome page: each confirmed briefing and when it arrives, then where to go next.
    inbox.wait_for_url("**/newsletters/welcome/**")
    expect(inbox.get_by_role("heading", name="Welcome to your briefings")).to_be_visible()
    assert _status(READER, "security") == "active"
    card = inbox.locator(".welcome-list li", has_text="Security Briefing")
    expect(card).to_contain_text("Every Wednesday at 04:00 UTC")  # 08:00 in Dubai, the briefing's own zone
    expect(card).to_contain_text("Your first issue: Wed ")
    inbox.get_by_label("Show times in").select_option("Asia/Dubai")
    inbox.get_by_role("button", name="Show", exact=True).click()
    expect(card).to_contain_text("Every Wednesday at 08:00 GMT+4")
    expect(inbox.get_by_role("link", name="Try PRO free for a week")).to_have_attribute("href", "/pro/")
    inbox.get_by_role("link", name="Manage your subscriptions").click()
    expect(inbox.get_by_role("heading", name="Your newsletters")).to_be_visible()
    assert inbox.get_by_label("Security Briefing").is_checked()
    inbox.context.close()


def test_the_manage_link_in_an_issue_changes_the_briefings(browser, live_server, briefings, smtp_server):  # noqa: F811
    issue = _sent_issue(smtp_server, READER)[READER]

    page = fresh_page(browser)
    page.goto(link_in(issue.text, live_server.url + "/newsletters/manage/"))
    expect(page.get_by_role("heading", name="Your newsletters")).to_be_visible()
    assert page.get_by_label("Security Briefing").is_checked()
    page.get_by_label("Security Briefing").uncheck()
    page.get_by_label("Gulf Briefing").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_load_state()
    assert "Your choices are saved." in page.locator(".messages").inner_text()
    assert _status(READER, "security") == "unsubscribed"
    assert _status(READER, "gulf") == "active"

    page.reload()  # what the page shows is what is stored
    assert page.get_by_label("Gulf Briefing").is_checked()
    assert not page.get_by_label("Security Briefing").is_checked()
    page.context.close()


def test_the_unsubscribe_link_in_an_issue_opens_a_page_whose_button_unsubscribes(
    browser,
    live_server,
    briefings,
    smtp_server,  # noqa: F811
):
    issue = _sent_issue(smtp_server, READER)[READER]

    page = fresh_page(browser)
    page.goto(link_in(issue.text, live_server.url + "/newsletters/unsubscribe/"))
    expect(page.get_by_role("heading", name="Unsubscribe from the Security Briefing?")).to_be_visible()
    assert _status(READER, "security") == "active", "a GET (a mail scanner) must not unsubscribe"
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You have left the Security Briefing")).to_be_visible()
    assert _status(READER, "security") == "unsubscribed"
    page.context.close()


def test_the_one_click_list_unsubscribe_post_works_with_no_cookies(browser, live_server, briefings, smtp_server):  # noqa: F811
    issue = _sent_issue(smtp_server, OTHER)[OTHER]
    assert issue.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [https_url] = re.findall(r"<(https?://[^>]+)>", issue.message["List-Unsubscribe"])
    assert https_url.startswith(live_server.url + "/newsletters/unsubscribe/")

    # What the mailbox provider does (RFC 8058): a cookieless POST with the one-click body.
    context = browser.new_context()
    assert context.request.get(https_url).ok
    assert _status(OTHER, "security") == "active"
    response = context.request.post(https_url, form={"List-Unsubscribe": "One-Click"})
    assert response.status == 200
    assert _status(OTHER, "security") == "unsubscribed"
    context.close()
