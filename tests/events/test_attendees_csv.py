import csv
import io

import pytest

from events.services import registration_create

pytestmark = pytest.mark.django_db


def test_staff_download_the_attendee_list_for_check_in(client, gathering, alice, erin, frank, bob):
    registration_create(event=gathering, user=alice, question="")
    registration_create(event=gathering, user=erin)
    registration_create(event=gathering, user=frank)
    client.force_login(bob)
    response = client.get(f"/pro/events/{gathering.slug}/attendees.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["name", "email", "status"]
    assert [(r[1], r[2]) for r in rows[1:]] == [
        ("alice@example.com", "Confirmed"),
        ("erin@example.com", "Confirmed"),
        ("frank@example.com", "On the waitlist"),
    ]


def test_members_cannot_download_the_attendee_list(client, gathering, alice, bob):
    registration_create(event=gathering, user=alice)
    registration_create(event=gathering, user=bob)
    for user in (None, alice):
        if user:
            client.force_login(user)
        response = client.get(f"/pro/events/{gathering.slug}/attendees.csv")
        assert response.status_code == 403
        # No other attendee's address (a signed-in member's page shows only their own, in the account menu).
        assert bob.email.encode() not in response.content
