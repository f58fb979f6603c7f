"""What of an event each reader receives: the one place the join link,
recording and summary are let out, and the times in the reader's zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent

from core.entitlement import user_is_pro
from events.models import Event, Registration, Status
from lib.dates import format_time, format_weekday_datetime, zone_place
from membership.teams import team_has_member

# Where a reader's chosen zone is kept: on a signed-in reader's session, and in a
# cookie set by the zone picker or by events.js from the browser's own zone.
TZ_SESSION_KEY = "events_tz"
TZ_COOKIE = "tz"


class BadTimeZone(ValueError):
    pass


def reader_zone(name: str | None) -> zoneinfo.ZoneInfo | None:
    """The zone a reader asked for with ?tz=Area/City; BadTimeZone if unknown."""
    if not name:
        return None
    name = name.strip()
    if len(name) > 64 or name not in zoneinfo.available_timezones():
        raise BadTimeZone(name)
    return zoneinfo.ZoneInfo(name)


def request_zone(request: HttpRequest) -> zoneinfo.ZoneInfo | None:
    """The zone this reader chose: ?tz=, else (signed in) the one kept on their session,
    else the `tz` cookie. It only reads, and an unknown name counts as none: the personal
    parts of a cached event page call it on every request, after the view has turned a
    bad ?tz= away."""
    user = getattr(request, "user", None)
    if "tz" in request.GET:
        name = request.GET["tz"]
    elif user is not None and user.is_authenticated and TZ_SESSION_KEY in request.session:
        name = request.session[TZ_SESSION_KEY]
    else:
        name = request.COOKIES.get(TZ_COOKIE, "")
    try:
        return reader_zone(name)
    except BadTimeZone:
        return None


def registration_for(*, event: Event, user: Any) -> Registration | None:
    if user is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).exclude(status=Status.CANCELLED).first()


def may_join(*, event: Event, user: Any, registration: Registration | None = None) -> bool:
    """The join link: a confirmed registration and PRO, both now."""
    if not event.is_qa or not event.join_url or event.is_past:
        return False
    registration = registration if registration is not None else registration_for(event=event, user=user)
    return registration is not None and registration.status == Status.CONFIRMED and user_is_pro(user)


def is_invited(*, event: Event, user: Any) -> bool:
    if not event.invitation_only:
        return True
    if user.is_staff:
        return True
    if user.email and user.email.lower() in event.invited_addresses():
        return True
    if event.invited_team_id is not None:
        return team_has_member(team_id=event.invited_team_id, user=user)
    return False


def waitlist_position(registration: Registration) -> int:
    if registration.status != Status.WAITLISTED or registration.waitlisted_at is None:
        return 0
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Status.WAITLISTED, waitlisted_at__lt=registration.waitlisted_at
    ).count()
    return ahead + 1


@dataclass(frozen=True)
class EventView:
    """One member's side of an event: the personal part of its page."""

    event: Event
    registration: Registration | None
    is_pro: bool
    join_url: str  # "" unless may_join
    invited: bool  # False only for an invitation-only event this member is not on the list of


def event_view(*, event: Event, user: Any) -> EventView:
    registration = registration_for(event=event, user=user)
    return EventView(
        event=event,
        registration=registration,
        is_pro=user_is_pro(user),
        join_url=event.join_url if may_join(event=event, user=user, registration=registration) else "",
        invited=not event.invitation_only
        or (user is not None and user.is_authenticated and is_invited(event=event, user=user)),
    )


@dataclass(frozen=True)
class EventArchive:
    """The recording and summary of a past event: the same for every reader of an audience."""

    shown: bool
    recording_url: str
    summary: str


def event_archive(*, event: Event, user: Any) -> EventArchive:
    shown = event.is_past and bool(event.recording_url or event.summary) and user_is_pro(user)
    return EventArchive(
        shown=shown, recording_url=event.recording_url if shown else "", summary=event.summary if shown else ""
    )


def _in_place(zone: Any) -> str:
    """ " in Tehran" for Asia/Tehran; nothing for UTC."""
    name = str(zone)
    return f" in {zone_place(name)}" if "/" in name else ""


@dataclass(frozen=True)
class Times:
    utc: dt.datetime
    event_local: dt.datetime
    reader_local: dt.datetime | None
    end_utc: dt.datetime

    # Formatted here, each in its own zone: Django's date filter would convert to the server's zone.
    @property
    def utc_text(self) -> str:
        return format_weekday_datetime(self.utc, dt.UTC)

    @property
    def event_zone_name(self) -> str:
        return str(self.event_local.tzinfo)

    @property
    def event_text(self) -> str:
        zone = self.event_local.tzinfo
        return format_time(self.event_local, zone) + _in_place(zone)

    @property
    def event_day_text(self) -> str:
        zone = self.event_local.tzinfo
        return format_weekday_datetime(self.event_local, zone) + _in_place(zone)

    @property
    def reader_text(self) -> str:
        return reader_time_text(self.utc, self.reader_local.tzinfo) if self.reader_local else ""


def reader_time_text(moment: dt.datetime, zone: Any) -> str:
    """ "Sat 5 Dec 2026, 07:00 EST in New York": a moment in the reader's zone."""
    return format_weekday_datetime(moment, zone) + _in_place(zone)


def times(event: Event, zone: zoneinfo.ZoneInfo | None) -> Times:
    return Times(
        utc=event.starts_at.astimezone(dt.UTC),
        event_local=event.starts_at.astimezone(event.zone),
        reader_local=event.starts_at.astimezone(zone) if zone else None,
        end_utc=event.ends_at.astimezone(dt.UTC),
    )


def location(event: Event) -> str:
    if event.is_qa:
        return "Online (live video)"
    return ", ".join(p for p in (event.venue, event.address, event.city) if p)


def google_calendar_url(event: Event) -> str:
    """An add-to-calendar link with public details only."""
    fmt = "%Y%m%dT%H%M%SZ"
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{event.starts_at.astimezone(dt.UTC):{fmt}}/{event.ends_at.astimezone(dt.UTC):{fmt}}",
        "details": f"{event.teaser}\n{settings.SITE_URL}{event.get_absolute_url()}",
        "location": location(event),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)


def join_page_url(event: Event) -> str:
    """The site's own join page: it checks access on every visit, so a forwarded
    email or calendar entry opens nothing for someone who may not join."""
    return f"{settings.SITE_URL}{reverse('events:join', args=[event.slug])}"


def build_ics(*, event: Event, user: Any) -> bytes:
    page = f"{settings.SITE_URL}{event.get_absolute_url()}"
    calendar = Calendar()
    calendar.add("prodid", "-//Newsdesk//PRO events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = VEvent()
    entry.add("uid", f"{event.uid}@{settings.SITE_HOST}")
    entry.add("dtstamp", event.created_at.astimezone(dt.UTC))
    entry.add("dtstart", event.starts_at.astimezone(dt.UTC))
    entry.add("dtend", event.ends_at.astimezone(dt.UTC))
    entry.add("summary", event.title)
    entry.add("url", page)
    description = [event.teaser, "", strip_tags(event.description).strip(), "", page]
    where = location(event)
    if may_join(event=event, user=user):
        description += ["", f"Join: {join_page_url(event)}"]
        where = join_page_url(event)
    entry.add("description", "\n".join(line for line in description if line is not None).strip())
    if where:
        entry.add("location", where)
    calendar.add_component(entry)
    return calendar.to_ical()  # type: ignore[no-any-return]


def email_context(*, registration: Registration) -> dict[str, Any]:
    event = registration.event
    return {
        "event": event,
        "registration": registration,
        "when": times(event, None),
        "where": location(event),
        "event_url": f"{settings.SITE_URL}{event.get_absolute_url()}",
        "join_url": join_page_url(event)
        if may_join(event=event, user=registration.user, registration=registration)
        else "",
        "position": waitlist_position(registration),
        "speakers": list(event.speakers.all()),
    }
