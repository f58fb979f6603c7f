"""The demo edition's events: an upcoming and a past live Q&A, and a small breakfast."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from events.models import Event, Kind, Speaker

SPEAKERS = [
    ("Leila Farahani", "Security correspondent, Newsdesk", "Covers Iran’s defence industry and its exports."),
    ("Pavel Ostrovsky", "Regional analyst", "Writes on Belarus, Russia and their partners in the Middle East."),
]


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.now() + dt.timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def load_demo(stdout: Any) -> list[tuple[str, str]]:
    events = [
        {
            "slug": "drone-pipeline-live-qa",
            "kind": Kind.QA,
            "title": "Live Q&A: Iran, Belarus and the drone pipeline",
            "teaser": "Our security correspondent takes your questions on where the 2023 Iran–Belarus defence "
            "memorandum has led.",
            "description": "<p>An hour on what Tehran and Minsk agreed in August 2023, what they never said, and "
            "what it has meant for the war in Ukraine since. Send a question when you register.</p>",
            "starts_at": _at(5, 14),
            "time_zone": "Asia/Dubai",
            "join_url": "https://meet.example.com/newsdesk-pro-drone-qa",
        },
        {
            "slug": "lukashenko-visit-live-qa",
            "kind": Kind.QA,
            "title": "Live Q&A: after Lukashenko’s visit to Tehran",
            "teaser": "What the March 2023 agreements changed, a month on.",
            "description": "<p>Our analysts on the agreements signed during the visit.</p>",
            # A month after the March 2023 visit it discusses.
            "starts_at": dt.datetime(2023, 4, 12, 11, 30, tzinfo=dt.UTC),
            "time_zone": "Asia/Tehran",
            "join_url": "https://meet.example.com/newsdesk-pro-march-qa",
            "recording_url": "https://video.example.com/newsdesk-pro-march-qa",
            "summary": "<p>The speakers agreed the defence track would move fastest, and flagged SAIPA’s "
            "$497 million vehicle deal as the trade story to follow.</p>",
        },
        {
            "slug": "london-pro-breakfast",
            "kind": Kind.IN_PERSON,
            "title": "PRO breakfast: Gulf security after the drone deals",
            "teaser": "Coffee and a closed-door briefing for twelve PRO members.",
            "description": "<p>A small breakfast with our editors. Places are limited; "
            "later RSVPs join the waitlist.</p>",
            "starts_at": _at(14, 8),
            "duration_minutes": 90,
            "time_zone": "Europe/London",
            "venue": "The Reading Room",
            "address": "12 Example Street",
            "city": "London",
            "capacity": 12,
        },
    ]
    for fields in events:
        slug = fields.pop("slug")
        event, created = Event.objects.get_or_create(slug=slug, defaults={**fields, "published": True})
        if created:
            for order, (name, role, bio) in enumerate(SPEAKERS if event.kind == Kind.QA else SPEAKERS[:1]):
                Speaker.objects.create(event=event, sort_order=order, name=name, role=role, bio=bio)
    return []
