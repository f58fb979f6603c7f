"""Imported stories placed in the page tree a batch at a time.

Wagtail's own path (`add_child`, `save_revision`, `publish`) costs about ninety
queries a story: it locks the parent, reads the last sibling, saves the page
twice, writes a revision, a log entry and the many-to-many rows one by one,
and queues a search and a reference-index update for each save. An archive of
tens of thousands of stories needs the same rows written together, so this
module writes, per batch:

- the tree paths of the new children, computed from the parent's last child
  under a lock on the parent (as treebeard does for one child);
- the `Page` rows and the `ArticlePage` rows, each as one insert;
- one revision per page, set as both latest and live revision, and one
  "published" log entry;
- the bylines and topics, the search-text rows, the search index and the
  redirects from old URLs, each in one statement.

The pages are the ones `add_child` + `save_revision().publish()` would make:
live, with their url_path, first/last published dates, a revision and a log
entry; the tree stays valid (`Page.find_problems()` reports nothing). Tagging
and the reference index are queued for the batch after it commits, as the
signals would for each story, and `articles_imported` (newsroom.models; instead of one `page_published` each)
lets webhooks announce the batch with one insert.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.tasks import update_reference_index_task

from lib.page_cache import invalidate_all
from monitor.tasks import tag_article_task
from newsroom.models import ArticlePage, ArticleSearchText, articles_imported
from newsroom.search import search_text_rows_for

# Fields the tree, the publish step or the database fill in, not the story's own values.
NOT_VALIDATED = [
    "path", "depth", "numchild", "url_path", "content_type", "page_ptr", "latest_revision", "live_revision",
    "locale", "translation_key", "draft_title", "authors", "topics",
]  # fmt: skip


def _free_slugs(parent: Page, wanted: Sequence[str]) -> list[str]:
    """Slugs unique among the parent's children and within the batch, as `_child_slug` would pick them."""
    bases = [slugify(s)[:200] or "story" for s in wanted]
    taken = set(parent.get_children().filter(slug__in=set(bases)).values_list("slug", flat=True))
    chosen: list[str] = []
    used: set[str] = set()
    for base in bases:
        candidate, n = base, 1
        while candidate in used or candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
            if candidate not in used and parent.get_children().filter(slug=candidate).exists():
                taken.add(candidate)
        used.add(candidate)
        chosen.append(candidate)
    return chosen


def _child_paths(parent: Page, count: int) -> list[str]:
    """The next `count` paths under `parent` (the parent row is locked by the caller)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    start = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    return [Page._get_path(parent.path, parent.depth + 1, start + i) for i in range(count)]


def _insert_rows(model: type[Any], objs: list[Any]) -> None:
    """One INSERT per chunk of the model's own table (Django's `bulk_create` refuses multi-table children)."""
    fields = list(model._meta.local_concrete_fields)
    size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), size):
        model._base_manager._insert(objs[start : start + size], fields=fields, using=connection.alias)


def articles_create(*, parent: Page, articles: list[ArticlePage]) -> list[ArticlePage]:
    """Publish unsaved `articles` (authors and topics set in memory) as the last children of `parent`."""
    if not articles:
        return []
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    for article, path, slug in zip(
        articles, _child_paths(parent, len(articles)), _free_slugs(parent, [a.slug for a in articles]), strict=True
    ):
        article.path, article.depth, article.numchild, article.slug = path, parent.depth + 1, 0, slug
        article.url_path = f"{parent.url_path}{slug}/"
        article._cached_parent_obj = parent  # treebeard's get_parent() reads it
        article.content_type = article_type
        article.locale_id = parent.locale_id
        article.draft_title = article.title
        article.live, article.has_unpublished_changes, article.expired = True, False, False
        article.first_published_at = article.last_published_at = article.latest_revision_created_at = now
        article.published_at = article.published_at or now
    for relation in get_all_child_relations(ArticlePage):
        for article in articles:  # new pages have no related links etc.: known without asking
            setattr(article, relation.get_accessor_name(), [])
    Page.objects.bulk_create(articles)  # the base rows; their ids come back
    for article in articles:
        article.page_ptr_id = article.id
        article._state.adding, article._state.db = False, connection.alias
    _insert_rows(ArticlePage, articles)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(articles))

    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(article.pk),
            content=article.serializable_data(),
            object_str=str(article),
            created_at=now,
        )
        for article in articles
    )
    for article, revision in zip(articles, revisions, strict=True):
        article.latest_revision, article.live_revision = revision, revision
    Page.objects.bulk_update(articles, ["latest_revision", "live_revision"])
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=article_type,
            label=article.get_admin_display_title(),
            action="wagtail.publish",
            timestamp=now,
            data={},
            revision=revision,
            content_changed=True,
            page_id=article.pk,
            uuid=uuid.uuid4(),
        )
        for article, revision in zip(articles, revisions, strict=True)
    )
    _relations_create(articles)
    ArticleSearchText.objects.bulk_create(search_text_rows_for(articles))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, articles)
    articles_imported.send(sender=ArticlePage, articles=articles)
    ids = [a.pk for a in articles]
    transaction.on_commit(lambda: _after_commit(ids))
    return articles


def _relations_create(articles: Iterable[ArticlePage]) -> None:
    for name in ("authors", "topics"):
        field = ArticlePage._meta.get_field(name)
        through = field.remote_field.through  # type: ignore[union-attr]
        source = field.m2m_field_name()  # type: ignore[attr-defined]
        target = field.m2m_reverse_field_name()  # type: ignore[attr-defined]
        rows = [
            through(**{f"{source}_id": article.pk, f"{target}_id": related.pk})
            for article in articles
            for related in getattr(article, name).all()
        ]
        through.objects.bulk_create(rows)


def _after_commit(ids: list[int]) -> None:
    """What the publish signals would queue (tagging, the reference index), as one task for the batch,
    and a fresh page cache."""
    imported_articles_follow_up_task.enqueue(ids)
    invalidate_all()


def redirects_create(pairs: Iterable[tuple[str, ArticlePage]]) -> int:
    """A redirect from each old URL not already taken (the first story to claim a path keeps it)."""
    wanted: dict[str, ArticlePage] = {}
    for old_url, article in pairs:
        path = Redirect.normalise_path(old_url)
        if path not in ("", "/"):
            wanted.setdefault(path, article)
    taken = set(Redirect.objects.filter(old_path__in=list(wanted)).values_list("old_path", flat=True))
    fresh = [Redirect(old_path=p, redirect_page=a) for p, a in wanted.items() if p not in taken]
    Redirect.objects.bulk_create(fresh)
    return len(fresh)


def article_check(article: ArticlePage) -> None:
    """The story's own fields, validated as saving it would (a ValidationError names what is wrong)."""
    article.clean_fields(exclude=NOT_VALIDATED)
    if not article.title.strip():
        raise ValidationError("it has no title")


@task()
def imported_articles_follow_up_task(page_ids: list[int]) -> None:
    """What publishing a story queues, done for an imported batch in one task: tagging (with any
    instant alerts) and Wagtail's reference index."""
    for page_id in page_ids:
        tag_article_task.call(page_id)
        update_reference_index_task.call("newsroom", "articlepage", str(page_id))
