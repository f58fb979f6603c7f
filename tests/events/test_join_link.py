import datetime as dt

import pytest

from events.models import Registration, Status
from events.services import registration_create
from tests.events.builders import JOIN_URL, make_qa

pytestmark = pytest.mark.django_db


def _detail(client, event) -> str:
    response = client.get(f"/pro/events/{event.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_registered_pro_member_sees_and_follows_the_join_link(client, qa, alice):
    registration_create(event=qa, user=alice)
    client.force_login(alice)
    assert JOIN_URL in _detail(client, qa)
    response = client.get(f"/pro/events/{qa.slug}/join/")
    assert response.status_code == 302 and response["Location"] == JOIN_URL


def test_nobody_else_ever_receives_the_join_link(client, qa, alice, dora, lapsed, erin):
    # erin is PRO but not registered; lapsed was registered, then lost PRO.
    Registration.objects.create(event=qa, user=lapsed, status=Status.CONFIRMED)
    for user in (None, dora, lapsed, erin):
        client.logout()
        if user:
            client.force_login(user)
        for url in (f"/pro/events/{qa.slug}/", "/pro/events/", "/", f"/pro/events/{qa.slug}/event.ics"):
            assert JOIN_URL not in client.get(url).content.decode().replace("\r\n ", ""), (user, url)
        response = client.get(f"/pro/events/{qa.slug}/join/")
        assert JOIN_URL not in response.content.decode()
        if user is None:
            # A forwarded email's link: sign in first, then the page decides.
            assert response.status_code == 302
            assert response["Location"].startswith(f"/accounts/login/?next=/pro/events/{qa.slug}/join/")
        else:
            assert response.status_code == 403
            assert "Location" not in response


def test_a_waitlisted_member_gets_no_join_link(client, alice):
    event = make_qa(slug="tiny", capacity=0)
    registration_create(event=event, user=alice)
    client.force_login(alice)
    assert JOIN_URL not in _detail(client, event)
    assert client.get(f"/pro/events/{event.slug}/join/").status_code == 403


def test_after_the_session_pro_members_get_the_recording_and_summary(client, alice, dora):
    past = make_qa(
        slug="archive",
        starts_in=-dt.timedelta(days=7),
        recording_url="https://video.example.com/rec-991",
        summary="<p>Speakers agreed the Tatarstan plant is the real story.</p>",
    )
    client.force_login(alice)
    body = _detail(client, past)
    assert "rec-991" in body and "Tatarstan plant" in body
    assert JOIN_URL not in body  # the link is dead once it is over
    client.force_login(dora)
    body = _detail(client, past)
    assert "rec-991" not in body and "Tatarstan plant" not in body
    assert "Dana Reporter" in body  # the speakers still sell it
