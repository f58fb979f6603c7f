"""The sitemap index and its pages: every public live page once, in pages of bounded size."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from newsroom import sitemaps
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _page_locations(client) -> list[str]:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    root = ET.fromstring(index.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [loc.text or "" for loc in root.findall("s:sitemap/s:loc", NS)]


def _listed(client) -> list[str]:
    urls = []
    for location in _page_locations(client):
        response = client.get(location.removeprefix("http://localhost"))
        assert response.status_code == 200
        urls += [loc.text or "" for loc in ET.fromstring(response.content).findall("s:url/s:loc", NS)]
    return urls


def test_the_index_points_at_pages_that_list_every_live_page_once(client, site):
    stories = [ArticleFactory(parent=site.security, title=f"Story {n}") for n in range(3)]
    draft = ArticleFactory(parent=site.gulf, title="Draft story", publish=False)
    listed = _listed(client)
    assert len(listed) == len(set(listed))
    for story in stories:
        assert story.full_url in listed
    assert site.security.full_url in listed and site.home.full_url in listed
    assert draft.full_url not in listed


def test_the_urls_and_dates_match_what_wagtail_itself_would_list(client, site):
    story = ArticleFactory(parent=site.security, title="Dated story")
    body = client.get("/sitemap-1.xml").content.decode()
    expected = story.get_sitemap_urls()[0]
    assert f"<url><loc>{expected['location']}</loc><lastmod>{expected['lastmod'].isoformat(timespec='seconds')}" in body


def test_a_large_archive_is_split_into_pages_of_bounded_size(client, site, monkeypatch):
    monkeypatch.setattr(sitemaps, "SITEMAP_PAGE_SIZE", 4)
    stories = [ArticleFactory(parent=site.security, title=f"Story {n}") for n in range(9)]
    pages = _page_locations(client)
    assert len(pages) >= 3
    assert pages[0] == "http://localhost/sitemap-1.xml"
    for location in pages:
        body = client.get(location.removeprefix("http://localhost")).content
        assert len(ET.fromstring(body).findall("s:url", NS)) <= 4
    listed = _listed(client)
    assert len(listed) == len(set(listed))
    assert {story.full_url for story in stories} <= set(listed)


def test_a_page_costs_the_same_few_queries_however_many_stories(client, site):
    ArticleFactory(parent=site.security, title="First")
    client.get("/sitemap-1.xml")
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap-1.xml")
    for n in range(10):
        ArticleFactory(parent=site.gulf, title=f"More {n}")
    with CaptureQueriesContext(connection) as many:
        body = client.get("/sitemap-1.xml").content.decode()
    assert "More 9" not in body  # titles are not listed, only URLs
    assert len(many) == len(few)


def test_pages_behind_a_sign_in_are_left_out(client, site):
    open_story = ArticleFactory(parent=site.gulf, title="Open story")
    hidden = ArticleFactory(parent=site.security, title="Hidden story")
    PageViewRestriction.objects.create(page=site.security, restriction_type=PageViewRestriction.LOGIN)
    listed = _listed(client)
    assert open_story.full_url in listed
    assert hidden.full_url not in listed and site.security.full_url not in listed


@pytest.mark.parametrize("path", ["/sitemap-0.xml", "/sitemap-2.xml", "/sitemap-99999999999999999999999.xml"])
def test_a_page_past_the_end_is_not_found(client, site, path):
    assert client.get(path).status_code == 404


def test_robots_txt_names_the_index(client, site):
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in client.get("/robots.txt").content.decode()
