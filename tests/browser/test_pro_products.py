"""A PRO member uses each PRO product end to end in a real browser: reads a memo
and downloads its PDF, reads a trend report with its chart, registers for a
live Q&A and gets the reminder with the join link, RSVPs to a full event and is
promoted from the waitlist when someone cancels."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from events.models import Registration, Status
from events.services import registration_create
from tests.events.builders import JOIN_URL, make_gathering, make_qa
from tests.factories import build_site
from tests.membership.cast import pro_member
from tests.pro.builders import make_memo, make_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])


@pytest.fixture
def products(live_server, settings):
    settings.SITE_URL = live_server.url
    build_site()
    return {
        "memo": make_memo(),
        "report": make_report(),
        "qa": make_qa(starts_in=dt.timedelta(hours=3)),
        "gathering": make_gathering(capacity=1),
    }


@pytest.mark.pdf
def test_a_pro_member_uses_memos_reports_qa_and_events(page, browser, live_server, products, tmp_path):
    alice, erin = pro_member("alice"), pro_member("erin")
    _sign_in(page.context, live_server, alice)

    # A memo, and its PDF.
    page.goto(live_server.url + "/pro/memos/")
    page.get_by_role("link", name=products["memo"].title).click()
    expect(page.get_by_role("heading", name="Key judgements")).to_be_visible()
    expect(page.get_by_text("Tehran wants a second production base.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "memo.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    # A trend report with its chart, the data under "Show the numbers".
    page.goto(live_server.url + "/pro/reports/")
    page.get_by_role("link", name=products["report"].title).click()
    expect(page.get_by_role("img", name="Drone deliveries per quarter")).to_be_visible()
    page.get_by_text("Show the numbers").first.click()
    expect(page.get_by_role("table").first).to_contain_text("340")

    # A live Q&A: register with a question, see the join link, get the reminder.
    page.goto(live_server.url + "/pro/events/")
    page.get_by_role("link", name=products["qa"].title).click()
    page.get_by_label("A question for the speakers").fill("Will production move to Belarus?")
    page.get_by_role("button", name="Register in one click").click()
    expect(page.get_by_text("You are registered.", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Join the live Q&A")).to_have_attribute("href", JOIN_URL)
    call_command("send_event_reminders")
    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder:") and m.to == ["alice@example.com"]]
    assert len(reminders) == 1 and f"/pro/events/{products['qa'].slug}/join/" in reminders[0].body

    # A full event: waitlisted, then promoted when erin cancels in her own browser.
    registration_create(event=products["gathering"], user=erin)
    page.goto(live_server.url + products["gathering"].get_absolute_url())
    page.get_by_role("button", name="RSVP").click()
    expect(page.get_by_text("you are number 1 on the waitlist").first).to_be_visible()
    erin_context = browser.new_context()
    _sign_in(erin_context, live_server, erin)
    erin_page = erin_context.new_page()
    erin_page.goto(live_server.url + products["gathering"].get_absolute_url())
    erin_page.get_by_role("button", name="Cancel my RSVP").click()
    expect(erin_page.get_by_text("Your registration is cancelled.")).to_be_visible()
    erin_context.close()
    page.reload()
    expect(page.get_by_text("a place freed up for you")).to_be_visible()
    assert Registration.objects.get(user=alice, event=products["gathering"]).status == Status.CONFIRMED
    assert any(m.subject.startswith("A place freed up") and m.to == ["alice@example.com"] for m in mail.outbox)
