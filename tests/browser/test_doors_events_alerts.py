"""The event join link and the Monitor alert "stop" link, walked in Chromium from the emails received.

Registering for the event plants the member's session (the test is about the
emailed link, not about registering); every emailed link is then opened in a
browser with no session, and the real buttons are pressed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from events.models import Registration, Status
from monitor.models import Alert
from tests.browser.doors import MEETING_HOST, fresh_page, link_in
from tests.events.builders import JOIN_URL, make_qa
from tests.factories import ArticleFactory, build_site
from tests.membership.cast import pro_member
from tests.smtp import smtp_server  # noqa: F401  (shared fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEETING_ROOM = "<!doctype html><title>Meeting room</title><h1>Welcome to the live Q&amp;A</h1>"


@pytest.fixture
def site_mail(live_server, settings, smtp_server):  # noqa: F811
    settings.SITE_URL = live_server.url
    return smtp_server


def _planted_page(browser: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_the_join_link_from_the_registration_and_reminder_emails_opens_the_event(browser, live_server, site_mail):
    member = pro_member("erin")
    event = make_qa(starts_in=dt.timedelta(minutes=50))

    # Set-up: the member registers with the real button (session planted).
    registering = _planted_page(browser, live_server, member)
    registering.goto(live_server.url + event.get_absolute_url())
    registering.get_by_role("button", name="Register in one click").click()
    registering.wait_for_load_state()
    assert Registration.objects.get(event=event, user=member).status == Status.CONFIRMED
    registering.context.close()

    [registered] = site_mail.wait_for(member.email)
    assert registered.message["Subject"] == f"Registered: {event.title}"
    call_command("send_event_reminders", stdout=io.StringIO())
    reminder = next(
        m for m in site_mail.wait_for(member.email, count=2) if m.message["Subject"].startswith("Reminder:")
    )

    join_page = live_server.url + f"/pro/events/{event.slug}/join/"
    for message in (registered, reminder):
        # The emails carry the site's join page, never the meeting link itself.
        assert JOIN_URL not in message.text + message.html
        assert link_in(message.text, join_page) == join_page

    # In another browser with no session, the emailed link asks the member to sign in, then opens the room.
    page = fresh_page(browser, stub={MEETING_HOST: MEETING_ROOM})
    page.goto(link_in(registered.text, join_page))
    page.locator("input[name=login]").fill(member.email)
    page.locator("input[name=password]").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(JOIN_URL)
    expect(page.get_by_role("heading", name="Welcome to the live Q&A")).to_be_visible()
    page.context.close()

    # The same link forwarded to a PRO member who did not register opens nothing.
    outsider = _planted_page(browser, live_server, pro_member("fritz"))
    outsider.goto(link_in(registered.text, join_page))
    expect(outsider.get_by_role("heading", name="The join link is for registered PRO members")).to_be_visible()
    assert outsider.url == join_page
    outsider.context.close()

    # The event page link in the same email: the member signs in and finds the join button there.
    page = fresh_page(browser, stub={MEETING_HOST: MEETING_ROOM})
    event_page = live_server.url + event.get_absolute_url()
    assert re.search(re.escape(event_page) + r"\s", registered.text), registered.text
    page.goto(event_page)
    page.get_by_role("link", name="Sign in").first.click()
    page.locator("input[name=login]").fill(member.email)
    page.locator("input[name=password]").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(live_server.url + event.get_absolute_url())
    assert "You are registered" in page.locator(".event-registration").inner_text()
    page.get_by_role("link", name="Join the live Q&A").click()
    page.wait_for_url(JOIN_URL)
    expect(page.get_by_role("heading", name="Welcome to the live Q&A")).to_be_visible()
    page.context.close()


def test_the_stop_link_in_an_alert_email_stops_the_alert_for_good(browser, live_server, site_mail):
    site = build_site()
    member = pro_member("priya")
    alert = Alert.objects.create(user=member, name="Belarus drones", words="Belarus", frequency="instant")

    ArticleFactory(parent=site.security, title="Drone plant plans in Belarus")
    [email] = site_mail.wait_for(member.email)
    assert "Drone plant plans in Belarus" in email.text
    assert email.message["Subject"].strip() == "Alert “Belarus drones”: Drone plant plans in Belarus"

    page = fresh_page(browser, stub={MEETING_HOST: MEETING_ROOM})
    stop = re.search(r"Stop this alert: (\S+)", email.text)
    assert stop and stop.group(1).startswith(live_server.url + "/monitor/alerts/"), email.text
    page.goto(stop.group(1))
    expect(page.get_by_role("heading", name="Stop the alert “Belarus drones”?")).to_be_visible()
    alert.refresh_from_db()
    assert alert.is_active, "opening the link (a mail scanner) must not stop the alert"
    page.get_by_role("button", name="Stop this alert").click()
    expect(page.get_by_role("heading", name="Alert stopped")).to_be_visible()
    alert.refresh_from_db()
    assert not alert.is_active

    # It stays stopped: another matching story sends nothing, and the link still says stopped.
    ArticleFactory(parent=site.security, title="Belarus opens a second drone line")
    page.reload()
    expect(page.get_by_role("heading", name="Alert stopped")).to_be_visible()
    assert len(site_mail.to(member.email)) == 1
    alert.refresh_from_db()
    assert not alert.is_active
    page.context.close()
