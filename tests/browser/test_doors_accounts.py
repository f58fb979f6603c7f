"""Every emailed door into an account, walked in Chromium as a person would:
the link or code is read from the message the SMTP sink received and the real
buttons are pressed. No test here plants a session."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from membership.models import Membership, Plan, Seat, SubscriptionStatus, Team
from membership.services import team_invite, trial_reminder_send
from tests.factories import build_site
from tests.membership.cast import live_team, verified_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6,8})\s*$", re.MULTILINE)


@pytest.fixture
def doors(live_server, smtp_server, settings) -> Any:
    settings.SITE_URL = live_server.url
    build_site()
    return smtp_server


def _last_message(sink: Any, address: str, count: int = 1) -> Any:
    return sink.wait_for(address, count=count)[-1]


def _link(message: Any, path: str) -> str:
    found = re.search(rf"https?://\S+{re.escape(path)}[\w-]+/", message.text)
    assert found, message.text
    return found.group(0)


def _code(message: Any) -> str:
    found = CODE.search(message.text)
    assert found, message.text
    return found.group(1)


def _sign_in_by_link(page: Any, sink: Any, email: str, count: int = 1) -> None:
    """From a page offering 'Email me a link': ask, open the emailed link, press Sign in."""
    page.locator("main").get_by_label("Email address").first.fill(email)
    page.locator("main").get_by_role("button", name="Email me a link").first.click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    page.goto(_link(_last_message(sink, email, count), "/accounts/link/"))
    expect(page.get_by_role("heading", name=f"Sign in as {email}")).to_be_visible()
    page.get_by_role("button", name="Sign in").click()


def _signed_in(page: Any) -> None:
    """The header's account menu (a <details>) replaces "Sign in"; opened, it offers "Sign out"."""
    menu = page.locator("header details.account-menu")
    expect(menu).to_be_visible()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_have_count(0)
    menu.locator("summary").click()
    expect(menu.get_by_role("button", name="Sign out")).to_be_visible()


def _team() -> Team:
    admin = verified_user("teamadmin", email="admin@gulfanalytics.com")
    return live_team(admin, stripe_subscription_id="sub_team")


def test_sign_in_by_emailed_link(page, live_server, doors):
    verified_user("dora")
    page.goto(live_server.url + "/accounts/link/")
    _sign_in_by_link(page, doors, "dora@example.com")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.locator("main").get_by_text("Signed in as dora@example.com")).to_be_visible()


def test_sign_in_by_emailed_code(page, live_server, doors):
    verified_user("dora")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("link", name="Send me a six-character code instead").click()
    page.locator("main").get_by_label("Email").fill("dora@example.com")
    page.locator("main").get_by_role("button", name="Request Code").click()
    page.get_by_label("Code").fill(_code(_last_message(doors, "dora@example.com")))
    page.locator("main").get_by_role("button", name=re.compile("Confirm|Sign In")).click()
    _signed_in(page)
    page.goto(live_server.url + "/account/")
    expect(page.locator("main").get_by_text("Signed in as dora@example.com")).to_be_visible()


def test_sign_up_with_an_email_address_alone(page, live_server, doors):
    page.goto(live_server.url + "/accounts/signup/")
    expect(page.locator("main input[type=password]")).to_have_count(0)
    page.locator("main").get_by_label("Email").fill("newcomer@example.com")
    page.locator("main").get_by_role("button", name="Create my account").click()
    page.get_by_label("Code").fill(_code(_last_message(doors, "newcomer@example.com")))
    page.locator("main").get_by_role("button", name="Confirm").click()
    _signed_in(page)
    page.goto(live_server.url + "/account/")
    expect(page.locator("main").get_by_text("Signed in as newcomer@example.com")).to_be_visible()
    expect(page.get_by_role("link", name="Set a password")).to_be_visible()


def test_a_team_invitation_for_someone_without_an_account(page, live_server, doors):
    team = _team()
    team_invite(team=team, emails=["newhire@gulfanalytics.com"], invited_by=team.admin)
    page.goto(_link(_last_message(doors, "newhire@gulfanalytics.com"), "/team/join/"))
    expect(page.get_by_role("heading", name="Join Gulf Analytics on PRO")).to_be_visible()
    page.get_by_role("link", name="Create an account").click()
    page.locator("main").get_by_label("Email").fill("newhire@gulfanalytics.com")
    page.locator("main").get_by_role("button", name="Create my account").click()
    page.get_by_label("Code").fill(_code(_last_message(doors, "newhire@gulfanalytics.com", count=2)))
    page.locator("main").get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Join Gulf Analytics on PRO")).to_be_visible()
    page.get_by_role("button", name="Take my seat").click()
    expect(page.get_by_text("You have a seat on Gulf Analytics")).to_be_visible()
    assert Seat.objects.filter(team=team, user__email="newhire@gulfanalytics.com").exists()


def test_a_team_invitation_for_an_existing_account_holder(page, live_server, doors):
    verified_user("analyst", email="analyst@gulfanalytics.com")
    team = _team()
    team_invite(team=team, emails=["analyst@gulfanalytics.com"], invited_by=team.admin)
    page.goto(_link(_last_message(doors, "analyst@gulfanalytics.com"), "/team/join/"))
    page.get_by_role("link", name="Sign in", exact=True).last.click()
    _sign_in_by_link(page, doors, "analyst@gulfanalytics.com", count=2)
    expect(page.get_by_role("heading", name="Join Gulf Analytics on PRO")).to_be_visible()
    page.get_by_role("button", name="Take my seat").click()
    expect(page.get_by_text("You have a seat on Gulf Analytics")).to_be_visible()
    assert Seat.objects.filter(team=team, user__email="analyst@gulfanalytics.com").exists()


def test_every_link_in_the_trial_ending_email_opens_a_working_page(page, live_server, doors):
    member = verified_user("trialist")
    membership = Membership.objects.create(
        user=member,
        plan=Plan.objects.get(kind=Plan.Kind.INDIVIDUAL),
        status=SubscriptionStatus.TRIALING,
        source=Membership.Source.STRIPE,
        stripe_subscription_id="sub_trial",
        trial_end=timezone.now() + dt.timedelta(days=3),
        current_period_end=timezone.now() + dt.timedelta(days=3),
    )
    assert trial_reminder_send(membership=membership)
    message = _last_message(doors, member.email)
    links = set(re.findall(r"https?://[^\s\"'<>]+", message.text)) | set(
        re.findall(r'href="(https?://[^"]+)"', message.html)
    )
    assert links, message.text
    sign_ins = 0
    for url in sorted(links):
        assert url.startswith(live_server.url), url
        response = page.goto(url)
        assert response is not None and response.status < 400, url
        if page.get_by_role("heading", name="Sign in").count():
            sign_ins += 1
            _sign_in_by_link(page, doors, member.email, count=1 + sign_ins)
        expect(page.get_by_role("heading", name="Your account")).to_be_visible()
        expect(page.get_by_text("Free week until")).to_be_visible()
