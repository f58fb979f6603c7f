import json
import time

import pytest
from django.core import mail
from django.test import Client

from membership.models import Membership, StripeEvent, SubscriptionStatus
from membership.services import checkout_attempt_create, checkout_start, default_plan
from tests.membership.stripe_fake import post_event, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def trial(dora, stripe_fake):
    attempt = checkout_attempt_create(user=dora, plan=default_plan())
    checkout_start(attempt_token=str(attempt.token), user=dora)
    session = next(iter(stripe_fake.sessions.values()))
    return stripe_fake.complete(session["id"])


def test_a_verified_event_is_applied_and_stored_by_id(dora, stripe_fake, trial):
    event = stripe_fake.event("customer.subscription.created", trial)
    response = post_event(Client(), event)
    assert response.status_code == 200
    assert Membership.objects.get(user=dora).status == SubscriptionStatus.TRIALING
    assert StripeEvent.objects.get(event_id=event["id"]).processed_at


def test_a_repeated_event_is_ignored(dora, stripe_fake, trial):
    event = stripe_fake.event("customer.subscription.created", trial)
    post_event(Client(), event)
    again = post_event(Client(), event)
    assert again.json()["outcome"] == "duplicate"
    assert StripeEvent.objects.count() == 1


@pytest.mark.parametrize(
    "tamper",
    ["forged_signature", "stale_timestamp", "no_signature", "malformed_body", "wrong_secret"],
)
def test_a_bad_webhook_gets_400_and_writes_nothing(dora, stripe_fake, trial, tamper):
    event = stripe_fake.event("customer.subscription.created", trial)
    payload = json.dumps(event).encode()
    headers = {"HTTP_STRIPE_SIGNATURE": sign(payload)}
    if tamper == "forged_signature":
        headers["HTTP_STRIPE_SIGNATURE"] = sign(payload).replace("v1=", "v1=0")
    elif tamper == "stale_timestamp":
        headers["HTTP_STRIPE_SIGNATURE"] = sign(payload, timestamp=int(time.time()) - 301)
    elif tamper == "no_signature":
        headers = {}
    elif tamper == "malformed_body":
        payload = b"{not json"
        headers["HTTP_STRIPE_SIGNATURE"] = sign(payload)
    elif tamper == "wrong_secret":
        headers["HTTP_STRIPE_SIGNATURE"] = sign(payload, secret="whsec_other")
    response = Client().post("/stripe/webhook/", data=payload, content_type="application/json", **headers)
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0
    assert Membership.objects.get(user=dora).status == SubscriptionStatus.NONE


def test_a_replayed_body_with_a_new_payload_fails_the_signature(dora, stripe_fake, trial):
    event = stripe_fake.event("customer.subscription.created", trial)
    payload = json.dumps(event).encode()
    signature = sign(payload)
    forged = payload.replace(b"trialing", b"active__")
    response = Client().post(
        "/stripe/webhook/", data=forged, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )
    assert response.status_code == 400


def test_when_stripe_cannot_be_read_back_the_webhook_asks_for_a_retry(dora, stripe_fake, trial):
    stripe_fake.down = True
    response = post_event(Client(), stripe_fake.event("customer.subscription.updated", trial))
    assert response.status_code == 503
    stripe_fake.down = False
    event = StripeEvent.objects.get()
    assert event.processed_at is None


def test_trial_will_end_emails_a_reminder_once(dora, stripe_fake, trial):
    for _ in range(2):
        post_event(Client(), stripe_fake.event("customer.subscription.trial_will_end", trial))
    reminders = [m for m in mail.outbox if "free week of PRO ends" in m.subject]
    assert len(reminders) == 1
    assert reminders[0].to == [dora.email]


def test_cancelling_keeps_access_until_the_period_ends(dora, stripe_fake, trial):
    trial["status"] = "active"
    trial["cancel_at_period_end"] = True
    post_event(Client(), stripe_fake.event("customer.subscription.updated", trial))
    membership = Membership.objects.get(user=dora)
    assert membership.cancel_at_period_end and membership.is_pro()
    trial["status"] = "canceled"
    post_event(Client(), stripe_fake.event("customer.subscription.deleted", trial))
    assert not Membership.objects.get(user=dora).is_pro()
