"""A story's related stories are worked out when it is published and stored, so a view
reads them in one query; stories leaving the site leave the lists at once and the lists
are filled again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from newsroom.models import (
    RELATED_SHOWN,
    RELATED_STORED,
    ArticlePage,
    RelatedStory,
    related_articles,
    related_choice,
    related_stories_refresh,
)
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _stored(story: ArticlePage) -> list[int]:
    return list(RelatedStory.objects.filter(article=story).order_by("position").values_list("related_id", flat=True))


def _related_section(client: Client, story: ArticlePage) -> str:
    return client.get(story.url).content.decode().split("Related stories", 1)[1]


@pytest.fixture
def belarus(site):
    return TopicFactory(parent=site.topics, title="Belarus", slug="belarus")


def test_publishing_a_story_stores_the_stories_a_view_would_choose(site, belarus):
    others = [ArticleFactory(parent=site.gulf, title=f"On Iran {n}", topics=[site.iran]) for n in range(3)]
    closest = ArticleFactory(parent=site.gulf, title="On Iran and Belarus", topics=[site.iran, belarus])
    story = ArticleFactory(parent=site.security, title="Iran and Belarus sign", topics=[site.iran, belarus])
    stored = _stored(story)
    assert stored[0] == closest.pk  # the rarer topic shared counts most
    assert set(stored) == {closest.pk, *(o.pk for o in others)}
    assert [a.pk for a in related_articles(story)] == [a.pk for a in related_choice(story, RELATED_SHOWN)]


def test_a_view_lists_the_stored_stories_in_their_stored_order(client, site):
    story = ArticleFactory(parent=site.security, title="Reader story", topics=[site.iran])
    unrelated = [ArticleFactory(parent=site.gulf, title=f"Nothing in common {n}") for n in range(2)]
    RelatedStory.objects.filter(article=story).delete()
    for place, other in enumerate(reversed(unrelated)):
        RelatedStory.objects.create(article=story, related=other, position=place)
    assert [a.pk for a in related_articles(story)] == [unrelated[1].pk, unrelated[0].pk]
    section = _related_section(client, story)
    assert section.index("Nothing in common 1") < section.index("Nothing in common 0")


def test_a_story_with_none_stored_has_them_worked_out(client, site):
    story = ArticleFactory(parent=site.security, title="Old story", topics=[site.iran])
    sibling = ArticleFactory(parent=site.gulf, title="Sibling on Iran", topics=[site.iran])
    RelatedStory.objects.filter(article=story).delete()
    assert [a.pk for a in related_articles(story)] == [sibling.pk]
    assert "Sibling on Iran" in _related_section(client, story)


def test_a_new_story_joins_the_lists_of_the_stories_it_is_related_to(site, belarus, django_capture_on_commit_callbacks):
    story = ArticleFactory(parent=site.security, title="First on Belarus", topics=[belarus])
    ArticleFactory(parent=site.gulf, title="Elsewhere", topics=[site.iran])
    assert _stored(story) == []
    with django_capture_on_commit_callbacks(execute=True):
        later = ArticleFactory(parent=site.gulf, title="Second on Belarus", topics=[belarus])
    assert _stored(later)[0] == story.pk
    assert _stored(story)[0] == later.pk


def test_an_unpublished_story_leaves_the_lists_at_once_and_they_are_filled_again(
    client, site, django_capture_on_commit_callbacks
):
    candidates = [ArticleFactory(parent=site.gulf, title=f"Candidate {n}", topics=[site.iran]) for n in range(6)]
    story = ArticleFactory(parent=site.security, title="Reader story", topics=[site.iran])
    shown = [a.pk for a in related_articles(story)]
    assert len(shown) == RELATED_SHOWN
    gone = ArticlePage.objects.get(pk=shown[0])
    spare = next(c for c in candidates if c.pk not in shown)

    # Before any list is worked out again: the view reads live stories only, and a spare steps in.
    ArticlePage.objects.filter(pk=gone.pk).update(live=False)
    assert gone.pk not in [a.pk for a in related_articles(story)]
    assert spare.pk in [a.pk for a in related_articles(story)]
    assert gone.title not in _related_section(client, story)

    ArticlePage.objects.filter(pk=gone.pk).update(live=True)
    gone.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
    assert gone.pk not in _stored(story)
    assert len([a for a in related_articles(story)]) == RELATED_SHOWN


def test_a_story_put_behind_a_view_restriction_leaves_the_lists(site, django_capture_on_commit_callbacks):
    hidden = ArticleFactory(parent=site.gulf, title="Soon behind a sign-in", topics=[site.iran])
    story = ArticleFactory(parent=site.security, title="Reader story", topics=[site.iran])
    assert _stored(story) == [hidden.pk]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=site.gulf, restriction_type=PageViewRestriction.LOGIN)
    assert hidden.pk not in [a.pk for a in related_articles(story)]
    assert hidden.pk not in _stored(story)


def test_refreshing_drops_the_lists_of_stories_no_longer_live(site):
    story = ArticleFactory(parent=site.security, title="Reader story", topics=[site.iran])
    ArticleFactory(parent=site.gulf, title="Sibling", topics=[site.iran])
    related_stories_refresh(article_ids=[story.pk])
    assert _stored(story)
    ArticlePage.objects.filter(pk=story.pk).update(live=False)
    related_stories_refresh(article_ids=[story.pk])
    assert _stored(story) == []


def test_stored_related_stories_cost_two_queries_whatever_the_archive(site, belarus):
    story = ArticleFactory(parent=site.security, title="Reader story", topics=[site.iran, belarus])
    for n in range(6):
        ArticleFactory(parent=site.gulf, title=f"Candidate {n}", topics=[site.iran, belarus][: 1 + n % 2])
    related_stories_refresh(article_ids=[story.pk])

    def cost() -> int:
        fresh = ArticlePage.objects.get(pk=story.pk)
        with CaptureQueriesContext(connection) as queries:
            assert len(related_articles(fresh)) == RELATED_SHOWN
        return len(queries)

    stored = cost()
    RelatedStory.objects.filter(article=story).delete()
    worked_out = cost()
    assert stored == 2  # the cards, then their sections
    assert worked_out > stored + 2


def test_a_deleted_story_leaves_the_lists_and_they_are_filled_again(site, django_capture_on_commit_callbacks):
    for n in range(RELATED_STORED + 2):
        ArticleFactory(parent=site.gulf, title=f"Candidate {n}", topics=[site.iran])
    story = ArticleFactory(parent=site.security, title="Reader story", topics=[site.iran])
    assert len(_stored(story)) == RELATED_STORED
    gone = ArticlePage.objects.get(pk=_stored(story)[0])
    with django_capture_on_commit_callbacks(execute=True):
        gone.delete()
    assert gone.pk not in _stored(story)
    assert len(_stored(story)) == RELATED_STORED  # a spare took its place in the stored list too
    assert len(related_articles(story)) == RELATED_SHOWN
