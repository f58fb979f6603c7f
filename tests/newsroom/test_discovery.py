import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from core.access import Access
from tests.factories import ArticleFactory, make_image, paragraphs

pytestmark = pytest.mark.django_db

PREMIUM = "Sentinel premium sentence that must stay behind the paywall."


@pytest.fixture
def stories(site):
    free = ArticleFactory(
        parent=site.security,
        title="Iran and Belarus sign defence memorandum",
        dek="The two governments agreed to deepen military ties.",
        hero_image=make_image("Hero"),
        hero_caption="Leaders meet in Tehran.",
        body=paragraphs("Open paragraph about Belarus."),
        topics=[site.iran],
        authors=[site.reporter],
        published_at=timezone.now() - dt.timedelta(hours=3),
    )
    old = ArticleFactory(
        parent=site.gulf,
        title="An older Gulf story",
        published_at=timezone.now() - dt.timedelta(days=30),
    )
    pro = ArticleFactory(
        parent=site.security,
        title="PRO analysis of drone plants",
        access=Access.PRO,
        body=paragraphs("Teaser paragraph anyone may read.", PREMIUM),
        topics=[site.iran],
        authors=[site.reporter],
    )
    return {"free": free, "old": old, "pro": pro}


@pytest.mark.parametrize("path", ["/feed/", "/security/feed/", "/topics/iran/feed/", "/authors/dana-reporter/feed/"])
def test_rss_feeds_list_the_right_stories(client, stories, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert "Iran and Belarus sign defence memorandum" in titles
    assert "PRO analysis of drone plants [PRO]" in titles
    assert PREMIUM not in response.content.decode()


def test_section_feed_holds_only_its_section(client, stories):
    titles = [i.findtext("title") for i in ET.fromstring(client.get("/gulf/feed/").content).iter("item")]
    assert titles == ["An older Gulf story"]


def test_atom_feed_is_valid_atom(client, stories):
    response = client.get("/security/feed/atom/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) == 2


def test_sitemap_lists_live_articles(client, stories):
    assert "http://localhost/sitemap-1.xml" in client.get("/sitemap.xml").content.decode()
    response = client.get("/sitemap-1.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert stories["free"].full_url in body
    assert stories["old"].full_url in body


def test_news_sitemap_holds_only_the_last_48_hours(client, stories):
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert stories["free"].full_url in body
    assert stories["old"].full_url not in body
    assert "<news:title>Iran and Belarus sign defence memorandum</news:title>" in body
    ET.fromstring(response.content)


def test_robots_txt_points_at_the_sitemaps(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_article_carries_newsarticle_jsonld_and_share_tags(client, stories):
    html = client.get(stories["free"].url).content.decode()
    data = _jsonld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Iran and Belarus sign defence memorandum"
    assert data["author"][0]["name"] == "Dana Reporter"
    assert data["isAccessibleForFree"] is True
    assert data["image"][0].startswith("http://")
    assert '<meta property="og:title" content="Iran and Belarus sign defence memorandum">' in html
    assert '<meta property="og:description" content="The two governments agreed to deepen military ties.">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<link rel="canonical" href="{stories["free"].full_url}">' in html


def test_premium_article_is_marked_and_its_body_withheld(client, stories):
    html = client.get(stories["pro"].url).content.decode()
    data = _jsonld(html)
    assert data["isAccessibleForFree"] is False
    assert "articleBody" not in data
    assert "Teaser paragraph anyone may read." in html
    assert PREMIUM not in html
    assert "Start your free week" in html
    assert 'class="badge badge--pro"' in html


def test_staff_read_the_whole_premium_article(client, stories, bob):
    client.force_login(bob)
    html = client.get(stories["pro"].url).content.decode()
    assert PREMIUM in html
    assert "Start your free week" not in html


def test_registered_articles_ask_for_a_free_account(client, site, charlie):
    story = ArticleFactory(
        parent=site.gulf, access=Access.REGISTERED, body=paragraphs("Opening.", "Members-only detail.")
    )
    html = client.get(story.url).content.decode()
    assert "Members-only detail." not in html
    assert "Create a free account" in html
    client.force_login(charlie)
    assert "Members-only detail." in client.get(story.url).content.decode()


def test_jsonld_cannot_be_broken_out_of_by_a_headline(client, site):
    story = ArticleFactory(parent=site.gulf, title="</script><script>alert(1)</script>")
    html = client.get(story.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    _jsonld(html)
