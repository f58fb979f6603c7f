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


Zone = dt.tzinfo | str | None


def in_zone(moment: dt.datetime, zone: Zone = None) -> dt.datetime:
    """The moment in `zone` (a tzinfo or an IANA name), else in the zone active for this request."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt.UTC)
    if isinstance(zone, str) and zone:
        try:
            zone = zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
    return moment.astimezone(zone) if isinstance(zone, dt.tzinfo) else timezone.localtime(moment)


def format_date(value: dt.date | dt.datetime | None, zone: Zone = None) -> str:
    if not isinstance(value, dt.date):  # a missing value in a template: write nothing
        return ""
    if isinstance(value, dt.datetime):
        value = in_zone(value, zone)
    return f"{value.day} {value:%b %Y}"


def format_time(value: dt.datetime | None, zone: Zone = None) -> str:
    if not isinstance(value, dt.datetime):
        return ""
    moment = in_zone(value, zone)
    return f"{moment:%H:%M} {zone_abbreviation(moment)}"


def format_datetime(value: dt.datetime | None, zone: Zone = None) -> str:
    if not isinstance(value, dt.datetime):
        return ""
    moment = in_zone(value, zone)
    return f"{format_date(moment, moment.tzinfo)}, {format_time(moment, moment.tzinfo)}"


def format_weekday_datetime(value: dt.datetime | None, zone: Zone = None) -> str:
    """For events, where the day of the week matters: "Mon 30 Nov 2026, 14:00 UTC"."""
    if not isinstance(value, dt.datetime):
        return ""
    moment = in_zone(value, zone)
    return f"{moment:%a} {format_datetime(moment, moment.tzinfo)}"


# The zones offered by the zone picker, grouped by region (any IANA name still works in ?tz=).
COMMON_ZONES: list[tuple[str, list[str]]] = [
    ("Universal", ["UTC"]),
    (
        "Middle East",
        [
            "Asia/Dubai",
            "Asia/Riyadh",
            "Asia/Qatar",
            "Asia/Kuwait",
            "Asia/Bahrain",
            "Asia/Muscat",
            "Asia/Tehran",
            "Asia/Baghdad",
            "Asia/Jerusalem",
            "Asia/Beirut",
            "Asia/Amman",
            "Asia/Damascus",
            "Europe/Istanbul",
            "Africa/Cairo",
        ],
    ),
    (
        "Europe",
        [
            "Europe/London",
            "Europe/Dublin",
            "Europe/Paris",
            "Europe/Berlin",
            "Europe/Brussels",
            "Europe/Rome",
            "Europe/Athens",
            "Europe/Kyiv",
            "Europe/Minsk",
            "Europe/Moscow",
        ],
    ),
    (
        "Americas",
        [
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/Toronto",
            "America/Mexico_City",
            "America/Sao_Paulo",
        ],
    ),
    (
        "Asia and Pacific",
        [
            "Asia/Karachi",
            "Asia/Kolkata",
            "Asia/Dhaka",
            "Asia/Singapore",
            "Asia/Hong_Kong",
            "Asia/Shanghai",
            "Asia/Tokyo",
            "Australia/Sydney",
        ],
    ),
    ("Africa", ["Africa/Casablanca", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg"]),
]


def zone_place(name: str) -> str:
    """ "Asia/Dubai" → "Dubai", "America/New_York" → "New York"."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


def zone_choices(chosen: str = "") -> list[tuple[str, list[tuple[str, str]]]]:
    """(region, [(zone name, "Dubai (GMT+4)"), …]) for a <select>; a chosen zone not listed is added."""
    now = timezone.now()

    def label(name: str) -> str:
        abbreviation = zone_abbreviation(now.astimezone(zoneinfo.ZoneInfo(name)))
        return f"{zone_place(name)} ({abbreviation})" if "/" in name else name

    groups = [(region, [(name, label(name)) for name in names]) for region, names in COMMON_ZONES]
    listed = {name for _, names in COMMON_ZONES for name in names}
    if chosen and chosen not in listed:
        groups.append(("Other", [(chosen, label(chosen))]))
    return groups
