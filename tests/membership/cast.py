"""The membership cast, as plain functions so any test module can make them."""

import datetime as dt
from typing import Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from membership.models import Membership, SubscriptionStatus
from membership.services import complimentary_grant
from tests import factories


def verified_user(username: str, email: str | None = None, **fields: Any) -> Any:
    user = factories.UserFactory(username=username, email=email or f"{username}@example.com", **fields)
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def pro_member(username: str = "alice") -> Any:
    """A PRO member (complimentary, so no Stripe needed)."""
    user = verified_user(username)
    complimentary_grant(user=user, days=30)
    return user


def lapsed_member(username: str = "lapsed") -> Any:
    """A former PRO member whose subscription and grant both ended."""
    user = verified_user(username)
    Membership.objects.create(
        user=user,
        status=SubscriptionStatus.CANCELED,
        stripe_customer_id="cus_old",
        stripe_subscription_id="sub_old",
        current_period_end=timezone.now() - dt.timedelta(days=30),
        complimentary_until=timezone.now() - dt.timedelta(days=1),
    )
    return user


def live_team(admin: Any, *, name: str = "Gulf Analytics", seats: int = 3, **fields: Any) -> Any:
    """A paid-up team (three seats, renewing in 300 days) run by `admin`."""
    from membership.models import Plan, Team

    defaults: dict[str, Any] = {
        "plan": Plan.objects.get(kind=Plan.Kind.TEAM),
        "status": SubscriptionStatus.ACTIVE,
        "current_period_end": timezone.now() + dt.timedelta(days=300),
    }
    return Team.objects.create(name=name, admin=admin, seats=seats, **{**defaults, **fields})
