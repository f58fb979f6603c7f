"""A full lifecycle replayed in order, twice over, and shuffled: same final state.

Trial → active → past_due → canceled for a member, and a team buying seats
then changing its seat count. Each event snapshot is what Stripe would send at
that moment; the fake ends in the final state, as Stripe would when the events
are (re)delivered late.
"""

import copy
import random

import pytest
from django.test import Client

from membership.models import Membership, Plan, StripeEvent, Team
from membership.services import checkout_attempt_create, checkout_start, default_plan
from tests.membership.cast import verified_user
from tests.membership.stripe_fake import post_event

pytestmark = pytest.mark.django_db


def _state() -> list[tuple]:
    members = Membership.objects.order_by("pk").values_list(
        "user__username", "status", "current_period_end", "trial_end", "cancel_at_period_end"
    )
    teams = Team.objects.order_by("pk").values_list("name", "status", "seats", "current_period_end")
    return [*members, *teams]


def _reset() -> None:
    StripeEvent.objects.all().delete()
    Membership.objects.update(status="none", current_period_end=None, trial_end=None, cancel_at_period_end=False)
    Team.objects.update(status="none", seats=0, current_period_end=None)


@pytest.fixture
def lifecycle(dora, stripe_fake):
    member_attempt = checkout_attempt_create(user=dora, plan=default_plan())
    checkout_start(attempt_token=str(member_attempt.token), user=dora)
    admin = verified_user("teamadmin")
    team_attempt = checkout_attempt_create(
        user=admin, plan=default_plan(Plan.Kind.TEAM), seats=5, team_name="Gulf Analytics"
    )
    checkout_start(attempt_token=str(team_attempt.token), user=admin)
    member_session, team_session = list(stripe_fake.sessions.values())
    events = []
    sub = stripe_fake.complete(member_session["id"])
    team_sub = stripe_fake.complete(team_session["id"])

    def snap(kind, obj):
        events.append(stripe_fake.event(kind, copy.deepcopy(obj)))

    snap("checkout.session.completed", {**member_session, "subscription": sub["id"], "status": "complete"})
    snap("customer.subscription.created", sub)
    sub["status"] = "active"
    sub["trial_end"] = None
    snap("invoice.paid", {"id": "in_1", "object": "invoice", "subscription": sub["id"]})
    snap("customer.subscription.updated", sub)
    sub["status"] = "past_due"
    snap("invoice.payment_failed", {"id": "in_2", "object": "invoice", "subscription": sub["id"]})
    snap("customer.subscription.updated", sub)
    sub["status"] = "canceled"
    snap("customer.subscription.deleted", sub)
    snap("checkout.session.completed", {**team_session, "subscription": team_sub["id"], "status": "complete"})
    snap("customer.subscription.created", team_sub)
    team_sub["items"]["data"][0]["quantity"] = 8
    snap("customer.subscription.updated", team_sub)
    return events


def _replay(events) -> list[tuple]:
    _reset()
    client = Client()
    for event in events:
        assert post_event(client, event).status_code == 200
    return _state()


def test_in_order_twice_and_shuffled_replays_end_in_the_same_state(lifecycle):
    in_order = _replay(lifecycle)
    assert in_order[0][1] == "canceled"
    assert in_order[-1][1:3] == ("active", 8)
    assert _replay([e for e in lifecycle for _ in range(2)]) == in_order
    assert _replay(lifecycle + lifecycle) == in_order
    for seed in range(5):
        shuffled = list(lifecycle)
        random.Random(seed).shuffle(shuffled)
        assert _replay(shuffled) == in_order, f"seed {seed}"
    assert _replay(list(reversed(lifecycle))) == in_order


def test_the_team_admin_takes_a_seat_when_the_team_starts(lifecycle):
    _replay(lifecycle)
    team = Team.objects.get()
    assert team.members.filter(user__username="teamadmin").exists()
