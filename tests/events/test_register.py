import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Registration, Status
from tests.events.builders import JOIN_URL, join_page, make_qa

pytestmark = pytest.mark.django_db


def _register(client, event, question=""):
    return client.post(f"/pro/events/{event.slug}/register/", {"question": question})


@pytest.fixture(autouse=True)
def _committed(django_capture_on_commit_callbacks, monkeypatch):
    # Run on_commit work (the confirmation email) at once, as after a real commit.
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def test_a_pro_member_registers_in_one_click_with_a_question(client, qa, alice):
    client.force_login(alice)
    response = _register(client, qa, "Will production move to Belarus?")
    assert response.status_code == 302
    registration = Registration.objects.get(event=qa, user=alice)
    assert registration.status == Status.CONFIRMED
    assert registration.question == "Will production move to Belarus?"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == f"Registered: {qa.title}"
    # The email links to the site's join page, which checks access: a forwarded email opens nothing.
    assert join_page(qa) in mail.outbox[0].body
    assert JOIN_URL not in mail.outbox[0].body


def test_registering_twice_is_a_409_and_keeps_the_first_registration(client, qa, alice):
    client.force_login(alice)
    _register(client, qa, "First question")
    response = _register(client, qa, "Second")
    assert response.status_code == 409
    assert b"already registered" in response.content
    assert Registration.objects.get(event=qa, user=alice).question == "First question"
    assert len(mail.outbox) == 1


def test_a_free_member_is_refused_with_the_offer(client, qa, dora):
    client.force_login(dora)
    response = _register(client, qa)
    assert response.status_code == 403
    assert b"for PRO members" in response.content
    assert not Registration.objects.exists()


def test_an_anonymous_visitor_is_asked_to_sign_in(client, qa):
    response = _register(client, qa)
    assert response.status_code == 401
    assert not Registration.objects.exists()


def test_a_past_event_cannot_be_registered_for(client, alice):
    past = make_qa(slug="old", starts_in=-dt.timedelta(days=2))
    client.force_login(alice)
    response = _register(client, past)
    assert response.status_code == 409
    assert b"registration is closed" in response.content
    assert not Registration.objects.exists()


def test_an_unpublished_event_is_a_404(client, alice):
    draft = make_qa(slug="draft", published=False)
    client.force_login(alice)
    assert _register(client, draft).status_code == 404
    assert client.get("/pro/events/draft/").status_code == 404


def test_registering_needs_a_post(client, qa, alice):
    client.force_login(alice)
    assert client.get(f"/pro/events/{qa.slug}/register/").status_code == 405


def test_a_member_changes_the_question_before_the_event(client, qa, alice):
    client.force_login(alice)
    _register(client, qa, "Old")
    registration = Registration.objects.get(user=alice)
    response = client.post(f"/pro/events/registrations/{registration.uid}/question/", {"question": "New one"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.question == "New one"


def test_a_cancelled_member_may_register_again(client, qa, alice):
    client.force_login(alice)
    _register(client, qa)
    registration = Registration.objects.get(user=alice)
    client.post(f"/pro/events/registrations/{registration.uid}/cancel/")
    assert _register(client, qa).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert Registration.objects.filter(user=alice).count() == 1
    assert timezone.now() < qa.starts_at
