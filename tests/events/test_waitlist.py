import uuid

import pytest
from django.core import mail

from events.emails import promotion_send
from events.models import Registration, Status
from events.services import registration_cancel, registration_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _committed(monkeypatch):
    # Run on_commit work (emails) at once, as after a real commit.
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def test_rsvps_beyond_capacity_join_the_waitlist_with_a_clear_message(client, gathering, alice, erin, frank):
    registration_create(event=gathering, user=alice)
    registration_create(event=gathering, user=erin)
    client.force_login(frank)
    response = client.post(f"/pro/events/{gathering.slug}/register/", follow=True)
    assert b"you are number 1 on the waitlist" in response.content
    assert Registration.objects.get(user=frank).status == Status.WAITLISTED
    assert Registration.objects.filter(event=gathering, status=Status.CONFIRMED).count() == 2
    assert mail.outbox[-1].subject.startswith("Waitlisted:")


def test_cancelling_promotes_the_first_on_the_waitlist_and_emails_them(client, gathering, alice, erin, frank):
    first = registration_create(event=gathering, user=alice).registration
    registration_create(event=gathering, user=erin)
    registration_create(event=gathering, user=frank)
    mail.outbox.clear()
    client.force_login(alice)
    response = client.post(f"/pro/events/registrations/{first.uid}/cancel/")
    assert response.status_code == 302
    promoted = Registration.objects.get(user=frank)
    assert promoted.status == Status.CONFIRMED and promoted.promoted_at is not None
    assert [m.to for m in mail.outbox] == [["frank@example.com"]]
    assert mail.outbox[0].subject.startswith("A place freed up")


def test_the_promotion_email_goes_out_once_however_often_the_task_runs(gathering, alice, erin, frank):
    first = registration_create(event=gathering, user=alice).registration
    registration_create(event=gathering, user=erin)
    registration_create(event=gathering, user=frank)
    promoted = registration_cancel(registration=first)
    assert promoted is not None
    count = len(mail.outbox)
    assert promotion_send(registration_id=promoted.pk) is False
    assert len(mail.outbox) == count


def test_cancelling_a_waitlisted_place_promotes_nobody(gathering, alice, erin, frank):
    registration_create(event=gathering, user=alice)
    registration_create(event=gathering, user=erin)
    waiting = registration_create(event=gathering, user=frank).registration
    assert registration_cancel(registration=waiting) is None
    assert Registration.objects.filter(event=gathering, status=Status.CONFIRMED).count() == 2


def test_a_forged_or_someone_elses_registration_id_is_a_404(client, gathering, alice, erin):
    theirs = registration_create(event=gathering, user=erin).registration
    client.force_login(alice)
    assert client.post(f"/pro/events/registrations/{uuid.uuid4()}/cancel/").status_code == 404
    assert client.post(f"/pro/events/registrations/{theirs.uid}/cancel/").status_code == 404
    assert client.post("/pro/events/registrations/not-a-uuid/cancel/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.CONFIRMED


def test_cancelling_twice_is_a_409(client, gathering, alice):
    mine = registration_create(event=gathering, user=alice).registration
    client.force_login(alice)
    client.post(f"/pro/events/registrations/{mine.uid}/cancel/")
    assert client.post(f"/pro/events/registrations/{mine.uid}/cancel/").status_code == 409
