"""Date and time filters for every template: `{% load newsdesk_dates %}`, then
`{{ when|newsdesk_datetime }}` → "30 Nov 2026, 14:00 UTC", `{{ when|newsdesk_date }}` → "30 Nov 2026",
`{{ when|newsdesk_time:"Asia/Dubai" }}` → "18:00 GMT+4". An optional argument names the zone;
without it the zone active for the request is used."""

from __future__ import annotations

import datetime as dt

from django import template

from lib.dates import Zone, format_date, format_datetime, format_time, format_weekday_datetime

register = template.Library()


@register.filter
def newsdesk_datetime(value: dt.datetime | None, zone: Zone = None) -> str:
    return format_datetime(value, zone)


@register.filter
def newsdesk_date(value: dt.date | dt.datetime | None, zone: Zone = None) -> str:
    return format_date(value, zone)


@register.filter
def newsdesk_time(value: dt.datetime | None, zone: Zone = None) -> str:
    return format_time(value, zone)


@register.filter
def newsdesk_day_datetime(value: dt.datetime | None, zone: Zone = None) -> str:
    return format_weekday_datetime(value, zone)
