"""The parts of "download my data" held by other apps (read here, never written)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def newsletters_export(*, user: Any, emails: set[str]) -> dict[str, Any]:
    """Subscriptions and the consent record of each, for the account and its proved addresses."""
    from newsletters.models import Subscriber

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


def monitor_export(*, user: Any) -> dict[str, Any]:
    """Monitor alerts, and briefing books with their clips."""
    from monitor.models import Alert, BriefingFolder

    alerts = Alert.objects.filter(user=user).prefetch_related("entities", "sections").order_by("created_at")
    folders = BriefingFolder.objects.filter(owner=user).prefetch_related("clips").order_by("created_at")
    return {
        "monitor_alerts": [
            {
                "name": alert.name,
                "words": alert.words,
                "names": [entity.name for entity in alert.entities.all()],
                "sections": [section.title for section in alert.sections.all()],
                "frequency": alert.frequency,
                "active": alert.is_active,
                "created_at": _iso(alert.created_at),
            }
            for alert in alerts
        ],
        "briefing_books": [
            {
                "name": folder.name,
                "shared": folder.share_token is not None,
                "created_at": _iso(folder.created_at),
                "clips": [
                    {
                        "title": clip.title,
                        "url": clip.url,
                        "published_at": _iso(clip.published_at),
                        "passage": clip.passage,
                        "note": clip.note,
                        "created_at": _iso(clip.created_at),
                    }
                    for clip in folder.clips.all()
                ],
            }
            for folder in folders
        ],
    }


def events_export(*, user: Any) -> dict[str, Any]:
    """Event registrations, with the question sent in advance."""
    from events.models import Registration

    registrations = Registration.objects.filter(user=user).select_related("event").order_by("created_at")
    return {
        "event_registrations": [
            {
                "event": registration.event.title,
                "starts_at": _iso(registration.event.starts_at),
                "status": registration.status,
                "question": registration.question,
                "registered_at": _iso(registration.created_at),
                "cancelled_at": _iso(registration.cancelled_at),
            }
            for registration in registrations
        ]
    }
