import pytest
from wagtail.models import Page

from core.access import Access
from core.models import OutletSettings
from tests.factories import ArticleFactory, paragraphs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

PREMIUM = "Only members may read this cached-page sentinel."


def test_cookieless_visitors_get_the_cached_page(client, site):
    story = ArticleFactory(parent=site.security, title="Cached story")
    first = client.get(story.url)
    second = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"]


def test_publishing_anything_refreshes_cached_pages(client, site):
    ArticleFactory(parent=site.security, title="Older story")
    assert "Older story" in client.get("/").content.decode()
    ArticleFactory(parent=site.gulf, title="Breaking story")
    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert "Breaking story" in home.content.decode()


def test_unpublishing_and_deleting_refresh_cached_pages(client, site):
    story = ArticleFactory(parent=site.security, title="Story to withdraw")
    assert "Story to withdraw" in client.get("/").content.decode()
    story.unpublish()
    assert "Story to withdraw" not in client.get("/").content.decode()
    other = ArticleFactory(parent=site.security, title="Story to delete")
    assert "Story to delete" in client.get("/").content.decode()
    Page.objects.get(pk=other.pk).delete()
    assert "Story to delete" not in client.get("/").content.decode()


def test_changing_outlet_settings_refreshes_cached_pages(client, site):
    client.get("/")
    outlet = OutletSettings.load()
    outlet.name = "The Renamed Desk"
    outlet.save()
    assert "The Renamed Desk" in client.get("/").content.decode()


def test_signed_in_readers_are_never_served_from_or_into_the_cache(client, site, bob):
    story = ArticleFactory(parent=site.security, access=Access.PRO, body=paragraphs("Teaser for everyone.", PREMIUM))
    assert PREMIUM not in client.get(story.url).content.decode()
    client.force_login(bob)
    staff_view = client.get(story.url)
    assert "X-Page-Cache" not in staff_view
    assert PREMIUM in staff_view.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = client.get(story.url)
    assert anonymous["X-Page-Cache"] == "hit"
    assert PREMIUM not in anonymous.content.decode()


def test_admin_and_error_pages_are_not_cached(client, site):
    assert "X-Page-Cache" not in client.get("/admin/login/")
    client.get("/no-such-page/")
    assert "X-Page-Cache" not in client.get("/no-such-page/")


def test_the_health_check_is_never_cached(client):
    assert client.get("/healthz").content == b"ok\n"
    response = client.get("/healthz")
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_the_cached_story_keeps_pro_tools_for_pro_readers_only(client, site, bob, charlie):
    story = ArticleFactory(parent=site.security, title="Free story with tools")
    client.force_login(charlie)
    assert "Clip to a briefing book" not in client.get(story.url).content.decode()
    client.force_login(bob)
    assert "Clip to a briefing book" in client.get(story.url).content.decode()
    client.force_login(charlie)
    assert "Clip to a briefing book" not in client.get(story.url).content.decode()
