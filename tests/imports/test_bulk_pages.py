"""Imported stories are written a batch at a time, yet are the pages Wagtail's own publish makes."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.test import Client
from wagtail.models import Page, PageLogEntry

import imports.articles
from imports.models import ImportedItem
from imports.wordpress import wordpress_import
from newsroom.models import ArticlePage
from tests.factories import ArticleFactory
from tests.imports.samples import write_wxr, wxr_item

pytestmark = pytest.mark.django_db

SAME_AS_BY_HAND = ["live", "has_unpublished_changes", "expired", "locale_id", "depth", "content_type_id", "numchild"]


def _tree_is_valid() -> None:
    problems = Page.find_problems()
    assert all(not found for found in problems), problems


def test_imported_stories_are_the_pages_publishing_by_hand_makes(
    site, tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    tagged: list[int] = []
    monkeypatch.setattr("monitor.tasks.article_tag", lambda *, article: tagged.append(article.pk))
    by_hand = ArticleFactory(parent=site.security, title="Old story 1", slug="old-story-1")
    items = [wxr_item(1), wxr_item(2), wxr_item(3, slug="old-story-2", title="Same slug as story 2")]
    with django_capture_on_commit_callbacks(execute=True):
        report = wordpress_import(path=write_wxr(tmp_path / "wp.xml", items), section=site.gulf)
    assert report.created == 3, report.errors
    # Once the batch committed, its follow-up task tagged each story, as publishing one would.
    assert sorted(tagged) == sorted(ImportedItem.objects.filter(kind="post").values_list("object_id", flat=True))
    _tree_is_valid()
    by_hand.refresh_from_db()
    imported = list(
        ArticlePage.objects.filter(title__in=["Old story 1", "Same slug as story 2"]).exclude(pk=by_hand.pk)
    )
    assert len(imported) == 2
    for article in ArticlePage.objects.filter(pk__in=ImportedItem.objects.filter(kind="post").values("object_id")):
        for name in SAME_AS_BY_HAND:
            assert getattr(article, name) == getattr(by_hand, name), name
        assert article.url_path == f"{site.security.url_path}{article.slug}/"
        assert article.first_published_at and article.last_published_at and article.published_at
        assert article.latest_revision_id and article.live_revision_id == article.latest_revision_id
        assert article.latest_revision.as_object().title == article.title
        assert PageLogEntry.objects.filter(page=article, action="wagtail.publish").exists()
        assert [a.title for a in article.authors.all()] == ["Hana Haddad"]
        assert {t.slug for t in article.topics.all()} == {"drones"}
        assert Client().get(article.url).status_code == 200
    # Slugs never clash: with the story made by hand, and within the batch.
    slugs = sorted(ArticlePage.objects.filter(slug__startswith="old-story").values_list("slug", flat=True))
    assert slugs == ["old-story-1", "old-story-1-2", "old-story-2", "old-story-2-2"]
    assert site.security.get_children().count() == Page.objects.get(pk=site.security.pk).numchild
    # Searchable, in Wagtail's index and in the site search.
    found = ArticlePage.objects.live().search("Paragraph one of story 3")
    assert "Same slug as story 2" in {a.title for a in found}
    assert "Same slug as story 2" in Client().get("/search/", {"q": "paragraph"}).content.decode()
    # Editors can go on editing one: a new revision published the normal way keeps the tree valid.
    article = ArticlePage.objects.get(slug="old-story-2")
    article.title = "Old story 2, revised"
    article.save_revision().publish()
    _tree_is_valid()


def test_a_failed_batch_rolls_back_alone_and_a_second_run_resumes(site, tmp_path, monkeypatch):
    monkeypatch.setattr(imports.articles, "BATCH_SIZE", 2)
    path = write_wxr(tmp_path / "wp.xml", [wxr_item(n) for n in range(1, 7)])
    real = imports.articles.redirects_create
    calls = {"n": 0}

    def second_batch_fails(pairs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise DatabaseError("disk full")
        return real(pairs)

    monkeypatch.setattr(imports.articles, "redirects_create", second_batch_fails)
    report = wordpress_import(path=path, section=site.gulf)
    assert report.created == 4
    assert any("rolled back" in e and "disk full" in e for e in report.errors)
    assert set(ArticlePage.objects.values_list("slug", flat=True)) >= {"old-story-1", "old-story-2", "old-story-5"}
    assert not ArticlePage.objects.filter(slug__in=["old-story-3", "old-story-4"]).exists()
    _tree_is_valid()

    monkeypatch.setattr(imports.articles, "redirects_create", real)
    again = wordpress_import(path=path, section=site.gulf)
    assert (again.created, again.skipped, again.errors) == (2, 4, [])
    slugs = sorted(ArticlePage.objects.filter(slug__startswith="old-story").values_list("slug", flat=True))
    assert slugs == [f"old-story-{n}" for n in range(1, 7)]
    _tree_is_valid()
    third = wordpress_import(path=path, section=site.gulf)
    assert (third.created, third.skipped) == (0, 6)
