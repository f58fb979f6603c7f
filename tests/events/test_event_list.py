import datetime as dt

import pytest

from tests.events.builders import make_qa

pytestmark = pytest.mark.django_db


def test_the_listing_shows_upcoming_and_past_events_with_speakers(client, qa, gathering):
    past = make_qa(slug="last-month", title="Last month’s session", starts_in=-dt.timedelta(days=30))
    body = client.get("/pro/events/").content.decode()
    upcoming_part, past_part = body.split("Past events")
    assert qa.title.replace("&", "&amp;") in upcoming_part and gathering.title in upcoming_part
    assert past.title in past_part
    assert "Dana Reporter" in body
    assert "Start your free week" in body


def test_the_home_page_shows_the_next_event(client, site, qa, gathering):
    body = client.get("/").content.decode()
    assert "Next PRO event" in body
    assert qa.get_absolute_url() in body
    assert gathering.get_absolute_url() not in body


def test_the_home_page_says_nothing_when_no_event_is_coming(client, site):
    assert "Next PRO event" not in client.get("/").content.decode()


def test_the_pro_landing_links_to_the_products(client, site):
    body = client.get("/pro/").content.decode()
    for url in ("/pro/memos/", "/pro/reports/", "/pro/events/"):
        assert url in body
