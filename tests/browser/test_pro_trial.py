"""A new visitor starts the free week from /pro/, reads a PRO article, cancels
in the billing portal and keeps PRO until the end of the period.

Stripe Checkout and the portal are the local fake's pages: Checkout pays at
once and redirects back; the portal cancels at period end and returns.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.access import Access
from tests.factories import ArticleFactory, build_site, paragraphs
from tests.membership.stripe_fake import WEBHOOK_SECRET, StripeFake

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTINEL = "Only members read that the depot holds thirty launchers."


@pytest.fixture
def pro_story(live_server, httpserver, settings):
    settings.SITE_URL = live_server.url
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = httpserver.url_for("").rstrip("/")
    StripeFake(httpserver)
    site = build_site()
    return ArticleFactory(
        parent=site.security,
        title="Inside the drone depot",
        slug="inside-the-drone-depot",
        access=Access.PRO,
        body=paragraphs("A teaser anyone may read.", SENTINEL),
    )


def test_a_visitor_starts_the_free_week_reads_pro_cancels_and_keeps_access(page, live_server, pro_story):
    page.goto(live_server.url + pro_story.url)
    expect(page.get_by_text(SENTINEL)).to_have_count(0)
    page.goto(live_server.url + "/pro/")
    page.get_by_role("link", name="Start your free week").first.click()
    page.locator("main").get_by_label("Email").fill("newcomer@example.com")
    page.locator("main").get_by_role("button", name="Create my account").click()
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", str(mail.outbox[-1].body), re.MULTILINE)
    assert code, mail.outbox[-1].body
    page.get_by_label("Code").fill(code.group(1))
    page.locator("main").get_by_role("button", name="Confirm").click()
    account_menu = page.locator("header details.account-menu")  # signed in: the header's menu
    account_menu.locator("summary").click()
    expect(account_menu.get_by_role("link", name="Your account")).to_be_visible()
    page.goto(live_server.url + "/pro/")
    page.get_by_role("button", name="Start your free week").click()
    expect(page.get_by_role("heading", name="Welcome to PRO")).to_be_visible()
    expect(page.get_by_text("Your free week has started")).to_be_visible()

    page.goto(live_server.url + pro_story.url)
    expect(
        page.get_by_role("article").get_by_text(SENTINEL)
    ).to_be_visible()  # not the "Paragraph" option of the members' form

    page.goto(live_server.url + "/account/")
    page.get_by_role("button", name="Billing: card, invoices, cancel").click()
    expect(page.get_by_text("cancelled, so it will not renew")).to_be_visible()

    page.goto(live_server.url + pro_story.url)
    expect(
        page.get_by_role("article").get_by_text(SENTINEL)
    ).to_be_visible()  # not the "Paragraph" option of the members' form
