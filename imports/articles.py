"""Placing imported stories in the page tree, once, with their authors, topics and old URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.access import Access
from imports.models import ImportedItem
from newsroom.blocks import html_text
from newsroom.models import ArticlePage, AuthorIndexPage, AuthorPage, SectionPage, TopicIndexPage, TopicPage

BATCH_SIZE = 100
T = TypeVar("T")


class BadExport(ValueError):
    """The file cannot be read as the export it claims to be; nothing was written."""


@dataclass
class Report:
    source: str
    dry_run: bool = False
    seen: int = 0
    created: int = 0
    skipped: int = 0  # imported before
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def summary(self) -> str:
        mode = "Dry run (nothing saved)" if self.dry_run else "Imported"
        parts = [f"{mode} from {self.source}: {self.seen} items read, {self.created} new, {self.skipped} already here"]
        parts += [f"{n} {what}" for what, n in sorted(self.counts.items())]
        if self.errors:
            parts.append(f"{len(self.errors)} problems")
        return "; ".join(parts) + "."


@dataclass
class Story:
    external_id: str
    kind: str  # post | page
    title: str
    slug: str
    blocks: list[Any]
    dek: str = ""
    published_at: dt.datetime | None = None
    authors: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)
    topics: list[tuple[str, str]] = field(default_factory=list)
    section_slug: str = ""
    access: str = Access.FREE
    old_url: str = ""
    hero_caption: str = ""


def already(source: str, kind: str, external_id: str) -> int | None:
    return (
        ImportedItem.objects.filter(source=source, kind=kind, external_id=external_id)
        .values_list("object_id", flat=True)
        .first()
    )


def remember(source: str, kind: str, external_id: str, object_id: int) -> None:
    ImportedItem.objects.create(source=source, kind=kind, external_id=external_id, object_id=object_id)


def _child_slug(parent: Page, slug: str) -> str:
    base = slugify(slug)[:200] or "story"
    candidate, n = base, 1
    while parent.get_children().filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def author_page(slug: str, name: str) -> AuthorPage:
    found = AuthorPage.objects.filter(slug=slugify(slug)).first()
    if found:
        return found
    index = AuthorIndexPage.objects.first()
    if index is None:
        raise ValidationError("The site has no author index page to add authors to.")
    author = AuthorPage(title=name[:255] or slug, slug=_child_slug(index, slug))
    index.add_child(instance=author)
    author.save_revision().publish()
    return author


def topic_page(slug: str, name: str) -> TopicPage:
    found = TopicPage.objects.filter(slug=slugify(slug)).first()
    if found:
        return found
    index = TopicIndexPage.objects.first()
    if index is None:
        raise ValidationError("The site has no topic index page to add topics to.")
    topic = TopicPage(title=name[:255] or slug, slug=_child_slug(index, slug))
    index.add_child(instance=topic)
    topic.save_revision().publish()
    return topic


def section_for(slug: str, default: SectionPage) -> SectionPage:
    return SectionPage.objects.filter(slug=slugify(slug)).first() or default if slug else default


def _dek(story: Story) -> str:
    """The standfirst, or else the first paragraph (the part every reader sees), cut at a word."""
    if story.dek.strip():
        return story.dek.strip()[:300]
    first = next((html_text(v.source) for kind, v in story.blocks if kind == "paragraph"), "") or story.title
    words = " ".join(first.split())
    return words if len(words) <= 300 else words[:297].rsplit(" ", 1)[0] + "…"


def story_import(*, source: str, story: Story, default_section: SectionPage, report: Report) -> ArticlePage | None:
    if already(source, story.kind, story.external_id) is not None:
        report.skipped += 1
        return None
    if not story.title.strip():
        raise ValidationError("it has no title")
    section = section_for(story.section_slug, default_section)
    article = ArticlePage(
        title=story.title.strip()[:255],
        slug=_child_slug(section, story.slug or story.title),
        dek=_dek(story),
        body=story.blocks,
        access=story.access,
        published_at=story.published_at,
        hero_caption=story.hero_caption[:300],
    )
    article.authors = [author_page(slug, name) for slug, name in story.authors]
    article.topics = [topic_page(slug, name) for slug, name in story.topics]
    section.add_child(instance=article)
    article.save_revision().publish()
    remember(source, story.kind, story.external_id, article.pk)
    if story.old_url:
        path = Redirect.normalise_path(story.old_url)
        if path not in ("", "/") and not Redirect.objects.filter(old_path=path).exists():
            Redirect.objects.create(old_path=path, redirect_page=article)
            report.count("redirects")
    report.created += 1
    report.count(f"{story.kind}s")
    return article


def batches(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_in_batches(
    items: Iterable[T],
    handle: Callable[[T], None],
    *,
    report: Report,
    label: Callable[[T], str],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Each batch commits on its own; a bad item is reported and skipped; a failed batch rolls back alone."""
    for batch in batches(items):
        try:
            with transaction.atomic():
                for item in batch:
                    report.seen += 1
                    try:
                        with transaction.atomic():
                            handle(item)
                    except (ValidationError, ValueError, KeyError, TypeError) as error:
                        message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                        report.errors.append(f"{label(item)}: {message}")
                if report.dry_run:
                    transaction.set_rollback(True)
        except DatabaseError as error:
            report.errors.append(f"A batch of {len(batch)} was rolled back ({error}); run the import again to resume.")
        if progress:
            progress(len(batch))
