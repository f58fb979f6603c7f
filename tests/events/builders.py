"""Events for tests, as plain functions any module can call."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from events.models import Event, Kind, Speaker

JOIN_URL = "https://meet.example.com/zq-7731-secret-room"


def join_page(event: Event) -> str:
    """What emails and calendar files carry instead of the meeting link itself."""
    from django.conf import settings

    return f"{settings.SITE_URL}/pro/events/{event.slug}/join/"


def make_qa(*, slug: str = "drone-pipeline-qa", starts_in: dt.timedelta = dt.timedelta(days=3), **fields: Any) -> Event:
    defaults: dict[str, Any] = {
        "kind": Kind.QA,
        "title": "Iran, Belarus and the drone pipeline: live Q&A",
        "teaser": "Our security correspondent answers your questions.",
        "description": "<p>An hour on the defence MOU and what it means.</p>",
        "starts_at": timezone.now() + starts_in,
        "duration_minutes": 60,
        "time_zone": "Asia/Tehran",
        "join_url": JOIN_URL,
        "published": True,
    }
    event = Event.objects.create(slug=slug, **{**defaults, **fields})
    Speaker.objects.create(event=event, name="Dana Reporter", role="Security correspondent", bio="Covers Iran.")
    return event


def make_gathering(*, slug: str = "london-briefing", capacity: int | None = 2, **fields: Any) -> Event:
    defaults: dict[str, Any] = {
        "kind": Kind.IN_PERSON,
        "title": "PRO breakfast briefing in London",
        "teaser": "Coffee and a closed-door briefing on Gulf security.",
        "starts_at": timezone.now() + dt.timedelta(days=10),
        "duration_minutes": 90,
        "time_zone": "Europe/London",
        "venue": "The Frontline Club",
        "address": "13 Norfolk Place",
        "city": "London",
        "capacity": capacity,
        "published": True,
    }
    return Event.objects.create(slug=slug, **{**defaults, **fields})
