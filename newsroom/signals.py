"""Keeps the reader-facing publication date, the search texts, the stored related stories
and the page cache in step with what is published."""

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import OutletSettings
from lib.page_cache import invalidate_all
from newsroom.models import ArticlePage, ArticleSearchText, related_stories_dependants, related_stories_store
from newsroom.search import article_search_texts_refresh
from newsroom.tasks import refresh_related_stories_task


def fill_publication_date(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    # An editor may set the date by hand (e.g. for a back-dated import); when
    # they leave it blank, the story carries the moment it first went live.
    if instance.published_at is None:
        when = instance.first_published_at or instance.last_published_at
        ArticlePage.objects.filter(pk=instance.pk, published_at__isnull=True).update(published_at=when)
        instance.published_at = when


page_published.connect(fill_publication_date, sender=ArticlePage)


def refresh_search_texts(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    # After the publication date is filled in: the rows carry it for "newest first".

    article_search_texts_refresh(article=instance)


def drop_search_texts(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    # Also sent just before a live story is deleted, while it still reads as live.

    ArticleSearchText.objects.filter(article_id=instance.pk).delete()


page_published.connect(refresh_search_texts, sender=ArticlePage, dispatch_uid="search-texts-published")
page_unpublished.connect(drop_search_texts, sender=ArticlePage, dispatch_uid="search-texts-unpublished")


def store_related_stories(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    # Now, so the first view after publishing reads them; then, in the background, the
    # lists of the stories it chose, which it may now belong in. Monitor stores them
    # again once it has tagged the story (its entities weigh in).
    chosen = related_stories_store(article=instance)
    if chosen:
        transaction.on_commit(partial(refresh_related_stories_task.enqueue, chosen))


def refresh_dependants(article_ids: list[int] | QuerySet[Any]) -> None:
    dependants = related_stories_dependants(article_ids)
    if dependants:
        transaction.on_commit(partial(refresh_related_stories_task.enqueue, dependants, drop_cached=True))


def story_left(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    # Views stop listing it at once (they read live, unrestricted stories only); the
    # lists that held it are worked out again so they are full once more.
    refresh_dependants([instance.pk])


def stories_restricted(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:
        # A query, not a list: a section can hold more stories than a query takes parameters.
        refresh_dependants(ArticlePage.objects.filter(path__startswith=page.path).values("pk"))


page_published.connect(store_related_stories, sender=ArticlePage, dispatch_uid="related-stories-published")
page_unpublished.connect(story_left, sender=ArticlePage, dispatch_uid="related-stories-unpublished")
post_save.connect(stories_restricted, sender=PageViewRestriction, dispatch_uid="related-stories-restricted")


def drop_cached_pages(sender: type, **kwargs: Any) -> None:
    # Any published change can show on many pages (home, rails, feeds, related
    # stories), so the whole anonymous page cache starts afresh. A settings row
    # created with its defaults on first read changes nothing anyone saw.
    if kwargs.get("created"):
        return
    invalidate_all()


page_published.connect(drop_cached_pages, dispatch_uid="page-cache-published")
page_unpublished.connect(drop_cached_pages, dispatch_uid="page-cache-unpublished")
post_page_move.connect(drop_cached_pages, dispatch_uid="page-cache-moved")
post_delete.connect(drop_cached_pages, sender=Page, dispatch_uid="page-cache-deleted")
for model in (OutletSettings, Site):
    post_save.connect(drop_cached_pages, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
