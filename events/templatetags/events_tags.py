from typing import Any

from django import template

from events.access import times
from events.models import Event

register = template.Library()


@register.inclusion_tag("components/events_next_event.html")
def next_event() -> dict[str, Any]:
    event = Event.objects.upcoming().first()
    return {"next_event": event, "when": times(event, None) if event else None}
