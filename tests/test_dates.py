import datetime as dt

from django.template import Context, Template
from django.utils import timezone

from lib.dates import format_date, format_datetime, format_time, zone_choices

NOON = dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)


def test_dates_and_times_are_written_one_way_with_the_zone():
    assert format_datetime(NOON) == "30 Nov 2026, 14:00 UTC"
    assert format_date(NOON) == "30 Nov 2026"
    assert format_date(dt.date(2023, 8, 3)) == "3 Aug 2023"
    assert format_time(NOON, "Asia/Dubai") == "18:00 GMT+4"
    assert format_time(NOON, "Asia/Tehran") == "17:30 GMT+3:30"
    assert format_datetime(NOON, "Europe/London") == "30 Nov 2026, 14:00 GMT"
    assert format_datetime(NOON, "America/New_York") == "30 Nov 2026, 09:00 EST"
    assert format_datetime(None) == "" and format_date("") == ""


def test_the_template_filters_use_the_same_format():
    source = '{{ t|newsdesk_datetime }} | {{ t|newsdesk_date }} | {{ t|newsdesk_time:"Asia/Dubai" }}'
    html = Template("{% load newsdesk_dates %}" + source).render(Context({"t": NOON}))
    assert html == "30 Nov 2026, 14:00 UTC | 30 Nov 2026 | 18:00 GMT+4"
    with timezone.override("Asia/Riyadh"):
        assert Template("{% load newsdesk_dates %}{{ t|newsdesk_datetime }}").render(Context({"t": NOON})) == (
            "30 Nov 2026, 17:00 GMT+3"
        )


def test_the_zone_picker_groups_common_zones_and_keeps_an_unlisted_choice():
    groups = dict(zone_choices())
    assert ("Asia/Dubai", "Dubai (GMT+4)") in groups["Middle East"]
    assert "Other" not in groups
    assert dict(zone_choices("Asia/Ulaanbaatar"))["Other"] == [("Asia/Ulaanbaatar", "Ulaanbaatar (GMT+8)")]
