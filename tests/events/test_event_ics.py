import pytest
from icalendar import Calendar

from events.services import registration_create
from tests.events.builders import JOIN_URL, join_page

pytestmark = pytest.mark.django_db


def _calendar(client, event):
    response = client.get(f"/pro/events/{event.slug}/event.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content), response.content.decode()


def test_anyone_gets_a_calendar_file_with_the_public_details(client, qa):
    calendar, text = _calendar(client, qa)
    entry = calendar.walk("VEVENT")[0]
    assert str(entry["summary"]) == qa.title
    assert entry.decoded("dtstart") == qa.starts_at.replace(microsecond=0)
    assert str(entry["location"]) == "Online (live video)"
    assert JOIN_URL not in text


def test_a_registered_pro_member_gets_the_join_link_in_the_calendar_file(client, qa, alice):
    registration_create(event=qa, user=alice)
    client.force_login(alice)
    calendar, text = _calendar(client, qa)
    assert str(calendar.walk("VEVENT")[0]["location"]) == join_page(qa)
    assert JOIN_URL not in text.replace("\r\n ", "")
    assert "no-store" in client.get(f"/pro/events/{qa.slug}/event.ics")["Cache-Control"]


def test_an_in_person_event_gives_its_venue(client, gathering):
    calendar, _ = _calendar(client, gathering)
    assert str(calendar.walk("VEVENT")[0]["location"]) == "The Frontline Club, 13 Norfolk Place, London"
