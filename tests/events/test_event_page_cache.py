"""Event pages come from one cached copy per audience; each member's registration,
join link and time zone are rendered for them alone."""

from __future__ import annotations

import pytest

from events.services import registration_create
from tests.clients import signed_in_client
from tests.events.builders import JOIN_URL
from tests.membership.cast import verified_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

REGISTERED = "You are registered"


def test_a_members_second_view_of_an_event_comes_from_the_cache(qa, erin):
    reader = signed_in_client(erin)
    for url in (f"/pro/events/{qa.slug}/", "/pro/events/"):
        assert reader.get(url)["X-Page-Cache"] == "miss"
        second = reader.get(url)
        assert second["X-Page-Cache"] == "hit"
        assert "Dana Reporter" in second.content.decode()


def test_a_second_member_never_sees_the_first_members_registration(qa, erin, frank, commit):
    with commit():
        registration_create(event=qa, user=erin, question="What about the drones?")
    url = f"/pro/events/{qa.slug}/"
    first = signed_in_client(erin).get(url).content.decode()
    assert REGISTERED in first and JOIN_URL in first and "What about the drones?" in first
    other = signed_in_client(frank).get(url)
    assert other["X-Page-Cache"] == "hit"
    page = other.content.decode()
    assert REGISTERED not in page
    assert JOIN_URL not in page
    assert "What about the drones?" not in page
    assert "Register in one click" in page
    # And the first member still gets their own state from the shared copy.
    again = signed_in_client(erin).get(url)
    assert again["X-Page-Cache"] == "hit"
    assert REGISTERED in again.content.decode()


def test_registering_shows_at_once_on_the_cached_page(qa, frank, commit):
    reader, url = signed_in_client(frank), f"/pro/events/{qa.slug}/"
    assert REGISTERED not in reader.get(url).content.decode()
    with commit():
        response = reader.post(f"{url}register/")
    assert response.status_code == 302
    page = reader.get(url)
    assert page["X-Page-Cache"] == "hit"
    assert REGISTERED in page.content.decode()
    assert JOIN_URL in page.content.decode()


def test_a_free_member_gets_the_offer_not_the_pro_copy(qa, erin):
    url = f"/pro/events/{qa.slug}/"
    assert "Register in one click" in signed_in_client(erin).get(url).content.decode()
    free = signed_in_client(verified_user("freya")).get(url)
    assert free["X-Page-Cache"] == "miss"  # a copy of its own, not the PRO one
    page = free.content.decode()
    assert "Register in one click" not in page
    assert "Join this event with PRO" in page


def test_each_member_sees_times_in_their_own_zone(qa, erin, frank):
    url = f"/pro/events/{qa.slug}/"
    tokyo = signed_in_client(erin)
    tokyo.cookies["tz"] = "Asia/Tokyo"
    assert "in Tokyo, your choice" in tokyo.get(url).content.decode()
    dubai = signed_in_client(frank)
    dubai.cookies["tz"] = "Asia/Dubai"
    page = dubai.get(url)
    assert page["X-Page-Cache"] == "hit"
    assert "in Dubai, your choice" in page.content.decode()
    assert "Tokyo, your choice" not in page.content.decode()
    assert '<option value="Asia/Dubai" selected>' in page.content.decode()


def test_editing_an_event_reaches_members_at_once(client, qa, erin, bob, django_capture_on_commit_callbacks):
    from tests.events.test_admin import _event_form

    reader, url = signed_in_client(erin), f"/pro/events/{qa.slug}/"
    reader.get(url)
    client.force_login(bob)
    form = _event_form(slug=qa.slug, title="The drone pipeline, moved to Thursday")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/snippets/events/event/edit/{qa.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = reader.get(url)
    assert page["X-Page-Cache"] == "miss"
    assert "The drone pipeline, moved to Thursday" in page.content.decode()
