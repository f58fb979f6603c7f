"""Events' part of a member's "download my data" (listed in settings.PERSONAL_DATA)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from events.models import Registration


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def events_personal_data(user: Any) -> dict[str, Any]:
    """Event registrations, with the question sent in advance."""
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
