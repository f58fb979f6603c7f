"""The PRO rule, per reader and in bulk, agrees for every member of the standing cast."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from core.entitlement import entitlement_for, pro_user_ids, user_is_pro
from membership.models import Membership, Seat, SubscriptionStatus
from tests import factories
from tests.membership.cast import lapsed_member, live_team, pro_member, verified_user

pytestmark = pytest.mark.django_db


def _subscriber(username: str, status: str, period_end_days: float) -> object:
    user = verified_user(username)
    Membership.objects.create(
        user=user, status=status, current_period_end=timezone.now() + dt.timedelta(days=period_end_days)
    )
    return user


def _team_member(username: str, status: str) -> object:
    admin = verified_user(f"{username}-admin")
    team = live_team(admin, name=f"{username} Ltd", status=status)
    user = verified_user(username)
    Seat.objects.create(team=team, user=user)
    return user


@pytest.fixture
def cast(settings):
    settings.PRO_PAST_DUE_GRACE_DAYS = 7
    return {
        # who: (user, is PRO, why)
        "staff": (factories.UserFactory(username="staff", is_staff=True), True, "staff"),
        "complimentary": (pro_member("comp"), True, "complimentary"),
        "trialing": (_subscriber("trialing", SubscriptionStatus.TRIALING, 5), True, "subscription"),
        "active": (_subscriber("active", SubscriptionStatus.ACTIVE, 300), True, "subscription"),
        "past due, in grace": (_subscriber("graced", SubscriptionStatus.PAST_DUE, -3), True, "subscription"),
        "past due, out of grace": (_subscriber("overdue", SubscriptionStatus.PAST_DUE, -10), False, ""),
        "team seat": (_team_member("seated", SubscriptionStatus.ACTIVE), True, "team"),
        "seat on a lapsed team": (_team_member("unseated", SubscriptionStatus.CANCELED), False, ""),
        "lapsed": (lapsed_member("lapsed"), False, ""),
        "free account": (verified_user("free"), False, ""),
        "deactivated staff": (factories.UserFactory(username="gone", is_staff=True, is_active=False), False, ""),
    }


def test_each_reader_is_pro_for_the_expected_reason(cast):
    for who, (user, is_pro, source) in cast.items():
        entitlement = entitlement_for(user)
        assert (entitlement.is_pro, entitlement.source) == (is_pro, source), who


def test_the_bulk_form_agrees_with_the_per_reader_form(cast):
    bulk = pro_user_ids()
    for who, (user, _is_pro, _source) in cast.items():
        assert (user.pk in bulk) == user_is_pro(user), who
    assert bulk == {user.pk for user, is_pro, _ in cast.values() if is_pro}


def test_the_bulk_form_can_be_asked_about_some_readers_only(cast):
    staff, lapsed = cast["staff"][0], cast["lapsed"][0]
    assert pro_user_ids([staff.pk, lapsed.pk]) == {staff.pk}


def test_anonymous_and_missing_readers_are_not_pro():
    assert not user_is_pro(AnonymousUser())
    assert not user_is_pro(None)
    assert entitlement_for(AnonymousUser()).level == "anonymous"
