"""Placing imported stories in the page tree, once, with their authors, topics and old URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from wagtail.models import Page

from core.access import Access
from imports.images import Hero, heroes_attach
from imports.models import ImportedItem
from imports.pages import article_check, articles_create, redirects_create
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
    hero_url: str = ""  # fetched after the story's batch commits (imports.images)
    hero_caption: str = ""
    hero_alt: str = ""


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


def stories_import(
    *, source: str, stories: list[Story], default_section: SectionPage, report: Report,
    heroes: list[Hero] | None = None,
) -> list[ArticlePage]:  # fmt: skip
    """Publish the batch's new stories together (see `imports.pages`); one imported before is skipped.

    A story with bad fields is reported and left out; the rest of the batch goes in. Each story
    (new or imported before) that names a hero image is added to `heroes`, to be fetched once the
    batch has committed."""
    recorded = {
        (kind, external_id): object_id
        for kind, external_id, object_id in ImportedItem.objects.filter(
            source=source, external_id__in=[s.external_id for s in stories]
        ).values_list("kind", "external_id", "object_id")
    }
    seen = set(recorded)
    wants_hero = heroes if heroes is not None else []
    people: dict[tuple[str, str], AuthorPage] = {}
    topics: dict[tuple[str, str], TopicPage] = {}
    by_section: dict[int, tuple[SectionPage, list[tuple[Story, ArticlePage]]]] = {}
    for story in stories:
        key = (story.kind, story.external_id)
        if key in seen:
            report.skipped += 1
            if story.hero_url and key in recorded:
                wants_hero.append(Hero(page_id=recorded[key], url=story.hero_url, label=f"“{story.title}”"))
            continue
        seen.add(key)
        try:
            article = ArticlePage(
                title=story.title.strip()[:255],
                slug=story.slug or story.title,
                dek=_dek(story) if story.title.strip() else "",
                body=story.blocks,
                access=story.access,
                published_at=story.published_at,
                hero_caption=story.hero_caption[:300],
                hero_alt=story.hero_alt[:250],
            )
            article_check(article)
            article.authors = [_cached(people, author_page, pair) for pair in story.authors]
            article.topics = [_cached(topics, topic_page, pair) for pair in story.topics]
        except ValidationError as error:
            report.errors.append(f"“{story.title}”: {'; '.join(error.messages)}")
            continue
        section = section_for(story.section_slug, default_section)
        by_section.setdefault(section.pk, (section, []))[1].append((story, article))
    created: list[ArticlePage] = []
    for section, pairs in by_section.values():
        articles = articles_create(parent=section, articles=[a for _, a in pairs])
        redirects = redirects_create((s.old_url, a) for s, a in pairs if s.old_url)
        if redirects:
            report.count("redirects", redirects)
        ImportedItem.objects.bulk_create(
            ImportedItem(source=source, kind=s.kind, external_id=s.external_id, object_id=a.pk) for s, a in pairs
        )
        for story, article in pairs:
            report.count(f"{story.kind}s")
            if story.hero_url:
                wants_hero.append(Hero(page_id=article.pk, url=story.hero_url, label=f"“{story.title}”"))
        report.created += len(articles)
        created += articles
    return created


def _heroes_attach(source: str, heroes: list[Hero], report: Report) -> None:
    try:
        counts = heroes_attach(source=source, heroes=heroes, errors=report.errors)
    except DatabaseError as error:
        report.errors.append(f"The hero images of a batch of {len(heroes)} were not set ({error}); run again.")
        return
    for what, n in counts.items():
        report.count(what, n)


def _cached(cache: dict[tuple[str, str], T], make: Callable[[str, str], T], pair: tuple[str, str]) -> T:
    if pair not in cache:
        cache[pair] = make(*pair)
    return cache[pair]


def batches(items: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    size = size or BATCH_SIZE
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_story_batches(
    items: Iterable[T],
    to_story: Callable[[T], Story],
    *,
    source: str,
    default_section: SectionPage,
    report: Report,
    label: Callable[[T], str],
    progress: Callable[[int], None] | None = None,
    images: bool = True,
) -> None:
    """Stories a batch at a time: each batch is read, then published in a few statements and committed
    on its own; an unreadable item is reported and skipped; a failed batch rolls back alone. Once a
    batch has committed, its hero images are fetched (unless `images` is false); an image that
    cannot be had is reported and never undoes the batch."""
    for batch in batches(items):
        stories: list[Story] = []
        for item in batch:
            report.seen += 1
            try:
                stories.append(to_story(item))
            except (ValidationError, ValueError, KeyError, TypeError) as error:
                message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                report.errors.append(f"{label(item)}: {message}")
        before = (report.created, report.skipped, dict(report.counts))
        heroes: list[Hero] = []
        try:
            with transaction.atomic():
                stories_import(
                    source=source, stories=stories, default_section=default_section, report=report, heroes=heroes
                )
                if report.dry_run:
                    transaction.set_rollback(True)
        except DatabaseError as error:
            report.created, report.skipped, report.counts = before
            report.errors.append(f"A batch of {len(batch)} was rolled back ({error}); run the import again to resume.")
            heroes = []
        if heroes and images and not report.dry_run:
            _heroes_attach(source, heroes, report)
        elif heroes and report.dry_run:
            report.count("hero images named (a dry run fetches none)", len({h.url for h in heroes}))
        if progress:
            progress(len(batch))
