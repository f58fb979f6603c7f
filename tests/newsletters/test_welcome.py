import datetime as dt

import pytest
from freezegun import freeze_time

from newsletters.models import Newsletter, Subscription
from newsletters.services import subscriber_signup
from newsletters.tokens import confirm_token_make

pytestmark = pytest.mark.django_db

# A Monday. The Security Briefing goes out on Wednesdays at 08:00 in Dubai (04:00 UTC).
MONDAY = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def pending(security, gulf):
    return subscriber_signup(email="dana@example.org", newsletters=[security, gulf], source="test")


def confirm(client, subscriber, slugs):
    return client.post(f"/newsletters/confirm/{confirm_token_make(subscriber)}/", {"newsletters": slugs})


def test_confirming_lands_on_a_welcome_page_that_says_what_arrives_when(client, pending):
    response = confirm(client, pending, ["security"])
    assert response.status_code == 302 and response["Location"] == f"/newsletters/welcome/{pending.token}/"

    with freeze_time(MONDAY):
        page = client.get(response["Location"]).content.decode()
    assert "Welcome to your briefings" in page
    assert "Security Briefing" in page and "Every Wednesday at 04:00 UTC" in page
    assert "Wed 2 Dec 2026, 04:00 UTC" in page
    assert "Gulf Briefing" not in page, "a briefing the reader unticked is not welcomed"
    assert f"/newsletters/manage/{pending.token}/" in page and 'href="/pro/"' in page


def test_the_welcome_page_gives_times_in_the_readers_zone_even_when_the_day_changes(client, pending):
    confirm(client, pending, ["security"])
    with freeze_time(MONDAY):
        new_york = client.get(f"/newsletters/welcome/{pending.token}/", {"tz": "America/New_York"})
        assert "Every Tuesday at 23:00 EST" in new_york.content.decode()
        assert new_york.cookies["tz"].value == "America/New_York"
        client.cookies["tz"] = "Asia/Dubai"  # what the events pages' zone picker keeps
        dubai = client.get(f"/newsletters/welcome/{pending.token}/").content.decode()
    assert "Every Wednesday at 08:00 GMT+4" in dubai and "Wed 2 Dec 2026, 08:00 GMT+4" in dubai


def test_a_daily_briefing_says_every_day_and_the_next_morning_after_todays_send(client, pending, security):
    Newsletter.objects.filter(pk=security.pk).update(cadence="daily", send_weekday=None, time_zone="UTC")
    confirm(client, pending, ["security"])
    with freeze_time(MONDAY):
        page = client.get(f"/newsletters/welcome/{pending.token}/").content.decode()
    assert "Every day at 08:00 UTC" in page and "Tue 1 Dec 2026, 08:00 UTC" in page


def test_the_welcome_page_is_never_kept_in_a_shared_cache_and_a_bad_zone_is_ignored(client, pending):
    confirm(client, pending, ["security", "gulf"])
    response = client.get(f"/newsletters/welcome/{pending.token}/", {"tz": "Not/AZone"})
    assert response.status_code == 200 and "in UTC time" in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_an_unknown_welcome_link_is_a_404(client, pending):
    assert client.get("/newsletters/welcome/nope/").status_code == 404
    assert client.get("/newsletters/welcome/" + "x" * 200 + "/").status_code == 404


def test_after_leaving_everything_the_welcome_page_says_so(client, pending):
    confirm(client, pending, ["security"])
    Subscription.objects.update(status=Subscription.Status.UNSUBSCRIBED)
    page = client.get(f"/newsletters/welcome/{pending.token}/").content.decode()
    assert "not subscribed to any briefing" in page
