"""Who is PRO, and why: the one function the paywall asks.

Sources, in order: staff; complimentary PRO granted by staff; the member's
own live subscription; a seat on a live team. Anything else (anonymous, a free
account, a lapsed or unpaid subscription) is not PRO.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from membership.models import Membership, Seat

ANONYMOUS = "anonymous"
REGISTERED = "registered"
PRO = "pro"

CACHE_ATTRIBUTE = "_newsdesk_entitlement"


@dataclass(frozen=True)
class Entitlement:
    level: str  # anonymous | registered | pro
    source: str = ""  # staff | complimentary | subscription | team, when PRO

    @property
    def is_pro(self) -> bool:
        return self.level == PRO


def _compute(user: Any) -> Entitlement:
    if user is None or not user.is_authenticated:
        return Entitlement(ANONYMOUS)
    if not user.is_active:
        return Entitlement(ANONYMOUS)
    if user.is_staff:
        return Entitlement(PRO, "staff")
    now = timezone.now()
    membership = Membership.objects.filter(user=user).first()
    if membership is not None:
        if membership.complimentary_live(now):
            return Entitlement(PRO, "complimentary")
        if membership.subscription_live(now):
            return Entitlement(PRO, "subscription")
    seat = Seat.objects.select_related("team").filter(user=user).first()
    if seat is not None and seat.team.is_live(now):
        return Entitlement(PRO, "team")
    return Entitlement(REGISTERED)


def entitlement_for(user: Any) -> Entitlement:
    """Computed once per request's user object; cheap to call per article."""
    cached = getattr(user, CACHE_ATTRIBUTE, None) if user is not None else None
    if cached is not None:
        return cached
    result = _compute(user)
    if user is not None and user.is_authenticated:
        setattr(user, CACHE_ATTRIBUTE, result)
    return result


def forget(user: Any) -> None:
    """Drop the per-object cache after a change to the user's access."""
    if user is not None and hasattr(user, CACHE_ATTRIBUTE):
        delattr(user, CACHE_ATTRIBUTE)


def user_is_pro(user: Any) -> bool:
    return entitlement_for(user).is_pro
