"""Monitor's part of a member's "download my data" (listed in settings.PERSONAL_DATA)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from monitor.models import Alert, BriefingFolder, Follow


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def monitor_personal_data(user: Any) -> dict[str, Any]:
    """Monitor alerts, followed entities, and briefing books with their clips."""
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
        "followed_entities": [
            {"name": follow.entity.name, "since": _iso(follow.created_at)}
            for follow in Follow.objects.filter(user=user).select_related("entity")
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
