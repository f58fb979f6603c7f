"""Newsletters' part of a member's "download my data" (listed in settings.PERSONAL_DATA)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from core.accounts import verified_addresses
from newsletters.models import Subscriber


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def newsletters_personal_data(user: Any) -> dict[str, Any]:
    """Subscriptions and the consent record of each, for the account and its proved addresses."""
    emails = verified_addresses(user)
    subscribers = (
        Subscriber.objects.filter(Q(user=user) | Q(email__in=emails))
        .prefetch_related("subscriptions__newsletter", "consents__newsletter")
        .order_by("email")
    )
    return {
        "newsletter_subscribers": [
            {
                "email": subscriber.email,
                "name": subscriber.name,
                "created_at": _iso(subscriber.created_at),
                "confirmed_at": _iso(subscriber.confirmed_at),
                "subscriptions": [
                    {
                        "newsletter": subscription.newsletter.name,
                        "status": subscription.status,
                        "source": subscription.source,
                        "created_at": _iso(subscription.created_at),
                        "confirmed_at": _iso(subscription.confirmed_at),
                        "unsubscribed_at": _iso(subscription.unsubscribed_at),
                    }
                    for subscription in subscriber.subscriptions.all()
                ],
                "consents": [
                    {
                        "newsletter": consent.newsletter.name if consent.newsletter else None,
                        "action": consent.action,
                        "at": _iso(consent.at),
                        "source": consent.source,
                        "ip": consent.ip,
                        "user_agent": consent.user_agent,
                    }
                    for consent in subscriber.consents.all()
                ],
            }
            for subscriber in subscribers
        ]
    }
