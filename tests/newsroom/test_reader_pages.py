import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Revision

from tests.factories import ArticleFactory, make_image

pytestmark = pytest.mark.django_db


def test_home_shows_the_pinned_lead_then_section_rails(client, site):
    pinned = ArticleFactory(parent=site.security, title="Pinned lead", hero_image=make_image("Lead"))
    pinned.published_at = timezone.now() - dt.timedelta(days=90)
    pinned.save_revision().publish()
    newer = ArticleFactory(parent=site.gulf, title="Newest Gulf story")
    site.home.lead_story = pinned
    site.home.save_revision().publish()
    html = client.get("/").content.decode()
    assert html.index("Pinned lead") < html.index("Newest Gulf story")
    assert "card card--lead" in html
    assert newer.title in html
    assert 'href="/security/"' in html


def test_home_without_stories_says_so(client, site):
    assert "No stories have been published yet." in client.get("/").content.decode()


def test_section_pages_paginate_and_answer_odd_page_numbers(client, site):
    for n in range(23):
        ArticleFactory(parent=site.gulf, title=f"Gulf story {n:02d}")
    first = client.get("/gulf/").content.decode()
    assert "Page 1 of 2" in first
    assert "Gulf story 00" in first
    second = client.get("/gulf/", {"page": "2"}).content.decode()
    assert "Gulf story 22" in second
    # Out of range: the nearest page that exists; not a number: a 400 that says so.
    for far, shown in [("3", "Page 2 of 2"), ("0", "Page 1 of 2"), ("-1", "Page 1 of 2"), ("9" * 30, "Page 2 of 2")]:
        response = client.get("/gulf/", {"page": far})
        assert response.status_code == 200 and shown in response.content.decode(), far
    for bad in ["abc", "1e3", "²", "١"]:
        response = client.get("/gulf/", {"page": bad})
        assert response.status_code == 400, bad
        assert "must be a whole number" in response.content.decode()


def test_topic_author_and_index_pages(client, site):
    story = ArticleFactory(parent=site.security, title="Topic story", topics=[site.iran], authors=[site.reporter])
    assert story.title in client.get("/topics/iran/").content.decode()
    assert story.title in client.get("/authors/dana-reporter/").content.decode()
    assert "Iran" in client.get("/topics/").content.decode()
    assert "Dana Reporter" in client.get("/authors/").content.decode()


def test_article_page_has_byline_date_topics_and_related(client, site):
    story = ArticleFactory(parent=site.security, title="Main story", topics=[site.iran], authors=[site.reporter])
    other = ArticleFactory(parent=site.gulf, title="Sibling on Iran", topics=[site.iran])
    html = client.get(story.url).content.decode()
    assert 'By <a href="/authors/dana-reporter/">Dana Reporter</a>' in html
    assert f'datetime="{story.date.isoformat()}"' in html or "<time datetime=" in html
    assert 'href="/topics/iran/"' in html
    assert other.title in html.split("Related stories", 1)[1]
    assert "Get our briefings" in html


def test_every_page_offers_sign_in_and_a_skip_link(client, site):
    html = client.get("/").content.decode()
    assert ">Sign in<" in html
    assert 'href="#main"' in html and 'id="main"' in html


@pytest.mark.parametrize(
    "path",
    ["/no-such-page/", "/security/no-such-story/", "/topics/nowhere/", "/%00/", "/security/feed/nope/"],
)
def test_unknown_urls_get_a_friendly_404(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_malformed_query_strings_do_not_fail(client, site):
    assert client.get("/?page=%FF%FE&x=%00").status_code == 200
    assert client.get("/gulf/?page=%FF").status_code == 400


def test_reader_pages_send_security_headers(client, site):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_scheduled_stories_go_live_when_the_scheduler_runs(client, site):
    story = ArticleFactory(parent=site.security, title="Embargoed story", publish=False, published_at=None)
    story.go_live_at = timezone.now() + dt.timedelta(minutes=5)
    revision = story.save_revision()
    revision.publish()
    story.refresh_from_db()
    assert not story.live
    assert client.get(story.url or "/security/embargoed/").status_code == 404
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None
    with freeze_time(timezone.now() + dt.timedelta(minutes=6)):
        call_command("run_scheduler", "--once")
    story.refresh_from_db()
    assert story.live
    assert story.published_at is not None
    assert client.get(story.url).status_code == 200
