"""The site's one way of writing dates and times: "30 Nov 2026, 14:00 UTC" and "30 Nov 2026".

Templates use the filters in core/templatetags/newsdesk_dates.py; Python code (emails, exports)
calls these functions. A time always carries its zone's abbreviation, so it is never ambiguous.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone


def zone_abbreviation(moment: dt.datetime) -> str:
    """ "UTC", "GMT", "CET", "EST"…; zones without a common abbreviation read "GMT+4" or "GMT+5:30"."""
    name = moment.strftime("%Z")
    if name and name[0] not in "+-":
        return name
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"GMT{sign}{hours}" + (f":{rest:02d}" if rest else "")


def in_zone(moment: dt.datetime, zone: zoneinfo.ZoneInfo | str | None = None) -> dt.datetime:
    """The moment in `zone` (a ZoneInfo or an IANA name), else in the zone active for this request."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt.UTC)
    if isinstance(zone, str) and zone:
        try:
            zone = zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
    return moment.astimezone(zone) if isinstance(zone, zoneinfo.ZoneInfo) else timezone.localtime(moment)


def format_date(value: dt.date | dt.datetime | None, zone: zoneinfo.ZoneInfo | str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = in_zone(value, zone)
    return f"{value.day} {value:%b %Y}"


def format_time(value: dt.datetime | None, zone: zoneinfo.ZoneInfo | str | None = None) -> str:
    if value is None:
        return ""
    moment = in_zone(value, zone)
    return f"{moment:%H:%M} {zone_abbreviation(moment)}"


def format_datetime(value: dt.datetime | None, zone: zoneinfo.ZoneInfo | str | None = None) -> str:
    if value is None:
        return ""
    moment = in_zone(value, zone)
    return f"{format_date(moment)}, {format_time(moment)}"


def format_weekday_datetime(value: dt.datetime | None, zone: zoneinfo.ZoneInfo | str | None = None) -> str:
    """For events, where the day of the week matters: "Mon 30 Nov 2026, 14:00 UTC"."""
    if value is None:
        return ""
    moment = in_zone(value, zone)
    return f"{moment:%a} {format_datetime(moment)}"
