"""What a story page built with nothing cached still gets right: listings leave out
restricted pages, sections route to their stories and feeds, and every URL on the page
is the story's own."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from newsroom.models import ArticlePage, RelatedArticle, latest_articles, related_articles
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_listings_leave_out_stories_behind_a_view_restriction(site):
    open_story = ArticleFactory(parent=site.gulf, title="Open story", topics=[site.iran])
    hidden = ArticleFactory(parent=site.security, title="Behind a sign-in", topics=[site.iran])
    own = ArticleFactory(parent=site.gulf, title="Restricted itself", topics=[site.iran])
    PageViewRestriction.objects.create(page=site.security, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=own, restriction_type=PageViewRestriction.LOGIN)
    listed = {a.pk for a in latest_articles()}
    assert open_story.pk in listed
    assert hidden.pk not in listed and own.pk not in listed
    reader_story = ArticleFactory(parent=site.gulf, title="Reader", topics=[site.iran])
    assert {a.pk for a in related_articles(reader_story)} == {open_story.pk}


def test_a_section_routes_to_its_stories_and_its_feed(client, site):
    story = ArticleFactory(parent=site.security, title="Routed in one query")
    assert "Routed in one query" in client.get(story.url).content.decode()
    assert client.get(f"{site.security.url}feed/").status_code == 200
    assert client.get(f"{site.security.url}no-such-story/").status_code == 404
    ArticlePage.objects.filter(pk=story.pk).update(live=False)
    assert client.get(story.url).status_code == 404


def test_every_url_on_the_story_page_is_its_own(site):
    story = ArticleFactory(parent=site.security, title="Links", topics=[site.iran], authors=[site.reporter])
    body = Client().get(story.url).content.decode()
    assert f'<link rel="canonical" href="{story.full_url}">' in body
    assert f'<meta property="og:url" content="{story.full_url}">' in body
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.DOTALL).group(1))
    assert data["url"] == story.full_url
    assert data["author"][0]["url"] == site.reporter.full_url
    assert story.full_url.startswith(data["publisher"]["url"])
    assert f'href="{site.iran.url}"' in body  # the topic, in the story's entity list


def test_editor_picked_related_stories_cost_one_query_however_many(site):
    story = ArticleFactory(parent=site.security, title="With picks")
    picks = [ArticleFactory(parent=site.gulf, title=f"Pick {n}") for n in range(3)]

    def cost(count: int) -> int:
        RelatedArticle.objects.filter(page=story).delete()
        for order, pick in enumerate(picks[:count]):
            RelatedArticle.objects.create(page=story, article=pick, sort_order=order)
        fresh = ArticlePage.objects.get(pk=story.pk)
        with CaptureQueriesContext(connection) as queries:
            related = related_articles(fresh)
        assert [a.pk for a in related[:count]] == [p.pk for p in picks[:count]]
        return len(queries)

    assert cost(2) == cost(3)
