"""The home page has a hierarchy: lead, secondary stories, a timed Latest list, analysis,
most read in the last 24 hours (counted on the server, without cookies) and a PRO rail."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from newsroom.models import ArticlePage, ArticleReads
from tests.factories import ArticleFactory, build_site

pytestmark = pytest.mark.django_db


def _story(site, n: int, **fields):
    return ArticleFactory(
        parent=site.security,
        title=f"Story number {n}",
        slug=f"story-{n}",
        published_at=timezone.now() - dt.timedelta(hours=n),
        **fields,
    )


def test_the_home_page_shows_latest_with_times_and_an_analysis_strip(client: Client) -> None:
    site = build_site()
    for n in range(1, 14):
        _story(site, n)
    _story(site, 20, kind=ArticlePage.Kind.ANALYSIS)
    body = client.get("/").content.decode()
    latest = body[body.index('id="latest-heading"') :].split("</ol>")[0]
    assert latest.count("<li>") == 8 and "<time datetime=" in latest
    analysis = body[body.index('id="analysis-heading"') :].split("</section>")[0]
    assert "Story number 20" in analysis and "Analysis" in analysis
    assert 'id="pro-rail-heading"' in body


def test_every_read_is_counted_without_cookies_and_ranks_most_read(client: Client) -> None:
    site = build_site()
    quiet, popular = _story(site, 1), _story(site, 2)
    for _ in range(3):
        assert Client().get(popular.url).status_code == 200  # anonymous: the page cache may answer
    Client().get(quiet.url)
    Client().get(popular.url, HTTP_USER_AGENT="Googlebot/2.1")  # crawlers are not readers
    assert ArticleReads.objects.get(article=popular).count == 3
    assert ArticleReads.objects.get(article=quiet).count == 1
    response = client.get("/")
    assert "sessionid" not in response.cookies
    most_read = response.content.decode().split('id="most-read-heading"')[1].split("</ol>")[0]
    assert most_read.index("Story number 2") < most_read.index("Story number 1")


def test_reads_older_than_a_day_do_not_count(client: Client) -> None:
    site = build_site()
    story = _story(site, 1)
    ArticleReads.objects.create(article=story, hour=timezone.now() - dt.timedelta(hours=30), count=50)
    assert 'id="most-read-heading"' not in client.get("/").content.decode()
