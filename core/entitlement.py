"""Who is PRO, and why: the one rule every app asks, per reader or in bulk.

Sources, in order: staff; complimentary PRO granted by staff; the member's own
live subscription; a seat on a live team. Anything else (anonymous, a free
account, a lapsed or unpaid subscription) is not PRO.

The rows live in membership (`Membership` as `user.membership`, `Seat` as
`user.seat`), but the rule lives here, below every app, so the paywall never
has to import upward. The per-reader form reads those relations; the bulk form
(`pro_user_ids`) is the same rule as one query, for sends and exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

ANONYMOUS = "anonymous"
REGISTERED = "registered"
PRO = "pro"

CACHE_ATTRIBUTE = "_newsdesk_entitlement"


class SubscriptionStatus(models.TextChoices):
    """Stripe's subscription states, plus `none` before any subscription."""

    NONE = "none", "No subscription"
    TRIALING = "trialing", "Free trial"
    ACTIVE = "active", "Active"
    PAST_DUE = "past_due", "Past due"
    CANCELED = "canceled", "Cancelled"
    UNPAID = "unpaid", "Unpaid"
    INCOMPLETE = "incomplete", "Incomplete"
    INCOMPLETE_EXPIRED = "incomplete_expired", "Incomplete (expired)"
    PAUSED = "paused", "Paused"


LIVE_STATUSES = {SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE}


def _grace() -> dt.timedelta:
    return dt.timedelta(days=settings.PRO_PAST_DUE_GRACE_DAYS)


def complimentary_live(until: dt.datetime | None, now: dt.datetime) -> bool:
    return bool(until and until > now)


def subscription_live(*, status: str, current_period_end: dt.datetime | None, now: dt.datetime) -> bool:
    """Trialing and active grant access; past due keeps it for a grace period after the paid-until date."""
    if status in LIVE_STATUSES:
        return True
    if status == SubscriptionStatus.PAST_DUE:
        return bool(current_period_end and current_period_end + _grace() > now)
    return False


def _complimentary_q(prefix: str, now: dt.datetime) -> Q:
    return Q(**{f"{prefix}complimentary_until__gt": now})


def _subscription_q(prefix: str, now: dt.datetime) -> Q:
    in_grace = Q(**{f"{prefix}status": SubscriptionStatus.PAST_DUE, f"{prefix}current_period_end__gt": now - _grace()})
    return Q(**{f"{prefix}status__in": list(LIVE_STATUSES)}) | in_grace


@dataclass(frozen=True)
class Entitlement:
    level: str  # anonymous | registered | pro
    source: str = ""  # staff | complimentary | subscription | team, when PRO

    @property
    def is_pro(self) -> bool:
        return self.level == PRO


_ROW_FIELDS = {
    "membership": ("membership__complimentary_until", "membership__status", "membership__current_period_end"),
    "team": ("seat__team__complimentary_until", "seat__team__status", "seat__team__current_period_end"),
}


def _compute(user: Any) -> Entitlement:
    if user is None or not user.is_authenticated or not user.is_active:
        return Entitlement(ANONYMOUS)
    if user.is_staff:
        return Entitlement(PRO, "staff")
    now = timezone.now()
    # One fresh read of the member's own subscription and their team's, both
    # one-to-one with the user, so a stale related object is never trusted.
    row = (
        get_user_model()
        ._default_manager.filter(pk=user.pk)
        .values_list(*_ROW_FIELDS["membership"], *_ROW_FIELDS["team"])
        .first()
    )
    if row is None:
        return Entitlement(REGISTERED)
    own_until, own_status, own_end, team_until, team_status, team_end = row
    if complimentary_live(own_until, now):
        return Entitlement(PRO, "complimentary")
    if subscription_live(status=own_status, current_period_end=own_end, now=now):
        return Entitlement(PRO, "subscription")
    if complimentary_live(team_until, now) or subscription_live(
        status=team_status, current_period_end=team_end, now=now
    ):
        return Entitlement(PRO, "team")
    return Entitlement(REGISTERED)


def team_live(team: Any, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return complimentary_live(team.complimentary_until, now) or subscription_live(
        status=team.status, current_period_end=team.current_period_end, now=now
    )


def entitlement_for(user: Any) -> Entitlement:
    """Computed once per request's user object; cheap to call per article."""
    cached = getattr(user, CACHE_ATTRIBUTE, None) if user is not None else None
    if cached is not None:
        return cached
    result = _compute(user)
    if user is not None and user.is_authenticated:
        setattr(user, CACHE_ATTRIBUTE, result)
    return result


def user_is_pro(user: Any) -> bool:
    return entitlement_for(user).is_pro


def pro_users_q(now: dt.datetime | None = None) -> Q:
    """The same rule as `entitlement_for`, as a filter on the user model."""
    now = now or timezone.now()
    return Q(is_active=True) & (
        Q(is_staff=True)
        | _complimentary_q("membership__", now)
        | _subscription_q("membership__", now)
        | _complimentary_q("seat__team__", now)
        | _subscription_q("seat__team__", now)
    )


def pro_users() -> QuerySet[Any]:
    """Every PRO reader, as one queryset (for sends and exports: no query per reader)."""
    return get_user_model()._default_manager.filter(pro_users_q()).distinct()


def pro_user_ids(user_ids: Iterable[int] | None = None) -> set[int]:
    """Ids of PRO readers (among `user_ids` when given), in one query."""
    users = pro_users()
    if user_ids is not None:
        users = users.filter(pk__in=list(user_ids))
    return set(users.values_list("pk", flat=True))


def page_audience(user: Any) -> str:
    """The audience a shared page is cached for: anonymous | registered | pro.

    Blank for editors: their pages carry the editing toolbar and are never cached.
    """
    if user is not None and (user.is_staff or _may_open_admin(user)):
        return ""
    return entitlement_for(user).level


def _may_open_admin(user: Any) -> bool:
    """`user.has_perm("wagtailadmin.access_admin")` in one small query. Asked on every
    member's request, where has_perm would read every permission the member and their
    groups hold (two queries) to find none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .filter(Q(user=user) | Q(group__user=user))
        .exists()
    )
