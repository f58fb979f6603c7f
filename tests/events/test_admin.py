import datetime as dt

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import Event

pytestmark = pytest.mark.django_db


def _event_form(**overrides):
    start = timezone.now() + dt.timedelta(days=4)
    data = {
        "kind": "qa",
        "title": "Editors schedule a live Q&A",
        "slug": "editors-schedule",
        "teaser": "Put your questions to our Gulf correspondent.",
        "description": rich_text("<p>Ask anything.</p>"),
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "duration_minutes": "60",
        "time_zone": "Asia/Dubai",
        "speakers": inline_formset([{"name": "Dana Reporter", "role": "Gulf correspondent", "bio": "Based in Dubai."}]),
        "join_url": "https://meet.example.com/room",
        "recording_url": "",
        "summary": rich_text(""),
        "venue": "",
        "address": "",
        "city": "",
        "capacity": "",
        "invited_emails": "",
        "invited_team": "",
        "published": "on",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_creates_a_qa_with_speakers_in_the_admin(client, bob):
    client.force_login(bob)
    response = client.post("/admin/snippets/events/event/add/", _event_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="editors-schedule")
    assert [s.name for s in event.speakers.all()] == ["Dana Reporter"]
    assert event.ends_at - event.starts_at == dt.timedelta(hours=1)
    assert "Dana Reporter" in client.get("/pro/events/editors-schedule/").content.decode()


def test_a_bad_time_zone_in_the_admin_is_a_form_error(client, bob):
    client.force_login(bob)
    response = client.post("/admin/snippets/events/event/add/", _event_form(time_zone="Nowhere/Land"))
    assert response.status_code == 200
    assert "is not a time zone name" in response.content.decode()
    assert not Event.objects.exists()


def test_staff_list_events_and_registrations_in_the_admin(client, bob, qa):
    client.force_login(bob)
    body = client.get("/admin/snippets/events/event/").content.decode()
    assert qa.title.replace("&", "&amp;") in body and "attendees.csv" in body
    assert client.get("/admin/snippets/events/registration/").status_code == 200


def test_saving_an_event_in_the_admin_refreshes_cached_pages(client, bob, django_capture_on_commit_callbacks):
    from lib.page_cache import generation

    before = generation()
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/snippets/events/event/add/", _event_form())
    assert generation() > before
