"""The next event on the home page, and the personal parts of the event pages.

`event_registration`, `zone_picker` and `reader_time` render inside
`{% personal %}` fragments: from the request and plain arguments only, for
every request, so the rest of an event page is cached once per audience.
"""

import datetime as dt
from typing import Any

from django import template

from events.access import event_view, reader_time_text, request_zone, times, waitlist_position
from events.models import Event
from lib.dates import zone_choices

register = template.Library()


@register.inclusion_tag("components/events_next_event.html")
def next_event() -> dict[str, Any]:
    event = Event.objects.upcoming().first()
    return {"next_event": event, "when": times(event, None) if event else None}


@register.inclusion_tag("components/events_registration.html", takes_context=True)
def event_registration(context: Any, event_id: int) -> dict[str, Any]:
    """This member's registration box: register, "you are registered", the join link."""
    request = context.get("request")
    event = Event.objects.published().filter(pk=event_id).first()
    if event is None:
        return {"event": None}
    view = event_view(event=event, user=getattr(request, "user", None))
    return {
        "event": event,
        "view": view,
        "position": waitlist_position(view.registration) if view.registration else 0,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("components/events_zone_picker.html", takes_context=True)
def zone_picker(context: Any) -> dict[str, Any]:
    zone = request_zone(context["request"])
    return {"zone": zone, "zone_groups": zone_choices(zone.key if zone else "")}


@register.simple_tag(takes_context=True)
def reader_time(context: Any, starts: str, event_zone: str = "") -> str:
    """`starts` (ISO 8601) in the reader's chosen zone, or "" when they chose none or chose a
    zone the page already shows it in (UTC, or the event's own zone)."""
    zone = request_zone(context["request"])
    if zone is None or zone.key in {"UTC", "Etc/UTC", event_zone}:
        return ""
    try:
        return reader_time_text(dt.datetime.fromisoformat(starts), zone)
    except ValueError:
        return ""
