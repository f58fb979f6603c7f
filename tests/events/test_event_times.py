import datetime as dt

import pytest
from django.utils import timezone

from tests.events.builders import make_qa

pytestmark = pytest.mark.django_db


@pytest.fixture
def noon_event(db):
    start = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0) + dt.timedelta(days=5)
    return make_qa(slug="noon", starts_at=start)


def test_the_page_shows_utc_the_event_zone_and_a_machine_readable_time(client, noon_event):
    body = client.get("/pro/events/noon/").content.decode()
    assert f"{noon_event.starts_at:%a} {noon_event.starts_at.day} {noon_event.starts_at:%b %Y}, 12:00 UTC" in body
    assert "15:30 GMT+3:30 in Tehran, event time" in body
    assert f'datetime="{noon_event.starts_at.astimezone(dt.UTC).isoformat()}"' in body
    assert "js/events" in body


def test_a_reader_chooses_their_zone_with_tz(client, noon_event):
    body = client.get("/pro/events/noon/?tz=America/New_York").content.decode()
    assert ("07:00 EST in New York, your choice" in body) or ("08:00 EDT in New York, your choice" in body)
    # The picker offers common zones by region, the chosen one selected.
    assert '<optgroup label="Middle East">' in body
    assert '<option value="America/New_York" selected>New York (' in body


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "x" * 300, "<script>"])
def test_a_bad_time_zone_is_a_clear_400(client, noon_event, zone):
    for url in ("/pro/events/noon/", "/pro/events/"):
        response = client.get(url, {"tz": zone})
        assert response.status_code == 400
        assert b"Unknown time zone" in response.content
        assert b"<script>" not in response.content


def test_the_editor_cannot_save_an_unknown_event_zone(noon_event):
    from django.core.exceptions import ValidationError

    noon_event.time_zone = "Middle/Earth"
    with pytest.raises(ValidationError):
        noon_event.full_clean()


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tehran"])
def test_a_zone_the_page_already_shows_is_not_repeated_as_the_readers_choice(client, noon_event, zone):
    # A browser set to UTC, or to the event's own zone, sends that zone in the tz cookie.
    client.cookies["tz"] = zone
    body = client.get("/pro/events/noon/").content.decode()
    assert "your choice" not in body
    client.cookies["tz"] = "Asia/Tokyo"
    assert "21:00 JST in Tokyo, your choice" in client.get("/pro/events/noon/").content.decode()


def test_a_signed_in_reader_keeps_their_chosen_zone(client, noon_event, alice):
    client.force_login(alice)
    client.get("/pro/events/noon/?tz=Asia/Tokyo")
    assert "in Tokyo, your choice" in client.get("/pro/events/noon/").content.decode()
    client.get("/pro/events/noon/?tz=")
    assert "your choice" not in client.get("/pro/events/noon/").content.decode()


def test_a_zone_chosen_in_the_picker_is_remembered_in_a_cookie(client, noon_event):
    response = client.get("/pro/events/noon/", {"tz": "Asia/Dubai"})
    assert response.cookies["tz"].value == "Asia/Dubai"
    assert "16:00 GMT+4 in Dubai, your choice" in client.get("/pro/events/").content.decode()
    client.cookies["tz"] = "Not/AZone"
    response = client.get("/pro/events/noon/")
    assert response.status_code == 200 and "your choice" not in response.content.decode()
