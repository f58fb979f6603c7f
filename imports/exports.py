"""Everything out again: stories as JSON (ours and Ghost's shape), readers as CSV with their consent."""

from __future__ import annotations

import html
import json
import time
from collections.abc import Generator, Iterator
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.rich_text import expand_db_html

from core.entitlement import pro_user_ids
from lib.csv import SafeWriter
from newsletters.models import Consent, Subscriber, Subscription
from newsroom.models import ArticlePage, attach_sections

CHUNK = 500
GHOST_VISIBILITY = {"free": "public", "registered": "members", "pro": "paid"}


def _articles() -> Iterator[ArticlePage]:
    """Every live story, a chunk at a time so memory stays flat."""
    last = 0
    while True:
        chunk = list(
            ArticlePage.objects.live().filter(pk__gt=last).order_by("pk").prefetch_related("authors", "topics")[:CHUNK]
        )
        if not chunk:
            return
        yield from attach_sections(chunk)
        last = chunk[-1].pk


def block_html(block: Any) -> str:
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return expand_db_html(value.source)
    if kind == "heading":
        return f"<h2>{html.escape(str(value))}</h2>"
    if kind == "quote":
        return f"<blockquote><p>{html.escape(str(value['text']))}</p></blockquote>"
    if kind in ("why_it_matters", "know_more"):
        return f"<h2>{html.escape(block.block.label)}</h2>{expand_db_html(value['body'].source)}"
    if kind == "image" and value["image"] is not None:
        caption = html.escape(value["caption"] or "")
        return f'<figure><img src="{html.escape(value["image"].file.url)}" alt="{html.escape(value["alt"] or "")}">' + (
            f"<figcaption>{caption}</figcaption></figure>" if caption else "</figure>"
        )
    return ""


def article_record(article: ArticlePage) -> dict[str, Any]:
    return {
        "id": article.pk,
        "title": article.title,
        "slug": article.slug,
        "dek": article.dek,
        "url": article.url,
        "section": article.section.slug if article.section else None,
        "access": article.access,
        "published_at": article.published_at,
        "updated_at": article.updated_at,
        "authors": [{"slug": a.slug, "name": a.title} for a in article.authors.all()],
        "topics": [{"slug": t.slug, "title": t.title} for t in article.topics.all()],
        "hero_caption": article.hero_caption,
        "body": article.body.get_prep_value(),
    }


class _Buffer:
    """What a writer (csv, json) wrote since last asked: lets the exports stream as generators."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        out = "".join(self.parts)
        self.parts.clear()
        return out


def drain(chunks: Generator[str, None, int], stream: IO[str]) -> int:
    """Write an export's chunks to `stream`; the number of records it held."""
    while True:
        try:
            stream.write(next(chunks))
        except StopIteration as done:
            return int(done.value)


def articles_json_chunks() -> Generator[str, None, int]:
    """A JSON list of every live story, one story at a time."""
    count = 0
    yield "["
    for article in _articles():
        yield ("," if count else "") + "\n" + json.dumps(article_record(article), cls=DjangoJSONEncoder)
        count += 1
    yield "\n]\n"
    return count


def articles_json_write(*, stream: IO[str]) -> int:
    return drain(articles_json_chunks(), stream)


def _ghost_post(article: ArticlePage) -> dict[str, Any]:
    return {
        "id": f"nd{article.pk}", "title": article.title, "slug": article.slug,
        "html": "".join(block_html(b) for b in article.body if b.block_type != "teaser_end"),
        "custom_excerpt": article.dek, "status": "published", "type": "post",
        "visibility": GHOST_VISIBILITY.get(article.access, "paid"),
        "published_at": article.published_at, "feature_image_caption": article.hero_caption or None,
    }  # fmt: skip


def _json_list(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + json.dumps(row, cls=DjangoJSONEncoder)
    yield "]"


def articles_ghost_chunks() -> Generator[str, None, int]:
    """A Ghost import file: posts with html, users (our authors), tags (our topics) and their links.

    Streamed in two passes over the stories: the posts, then the links; only the authors and
    topics (a few hundred) are held."""
    users: dict[int, dict[str, Any]] = {}
    tags: dict[int, dict[str, Any]] = {}
    count = 0

    def posts() -> Iterator[dict[str, Any]]:
        nonlocal count
        for article in _articles():
            for author in article.authors.all():
                users[author.pk] = {"id": f"a{author.pk}", "name": author.title, "slug": author.slug,
                                    "email": f"{author.slug}@example.invalid"}  # fmt: skip
            for topic in article.topics.all():
                tags[topic.pk] = {"id": f"t{topic.pk}", "name": topic.title, "slug": topic.slug, "visibility": "public"}
            count += 1
            yield _ghost_post(article)

    def links(relation: str, key: str, prefix: str) -> Iterator[dict[str, Any]]:
        for article in _articles():
            for other in getattr(article, relation).all():
                yield {"post_id": f"nd{article.pk}", key: f"{prefix}{other.pk}"}

    meta = {"exported_on": int(time.time() * 1000), "version": "5.0.0"}
    yield '{"db": [{"meta": ' + json.dumps(meta) + ', "data": {"posts": '
    yield from _json_list(posts())
    yield ', "users": ' + json.dumps(list(users.values()))
    yield ', "tags": ' + json.dumps(list(tags.values()))
    yield ', "posts_tags": '
    yield from _json_list(links("topics", "tag_id", "t"))
    yield ', "posts_authors": '
    yield from _json_list(links("authors", "author_id", "a"))
    yield "}}]}\n"
    return count


def articles_ghost_write(*, stream: IO[str]) -> int:
    return drain(articles_ghost_chunks(), stream)


def _joined(*lists: list[str]) -> list[str]:
    return [";".join(items) for items in lists]


MEMBER_COLUMNS = ["email", "name", "created_at", "confirmed_at", "pro", "newsletters", "left_newsletters", "consents"]


def members_csv_chunks() -> Generator[str, None, int]:
    """One row per subscriber: their newsletters, whether PRO, and every consent record."""
    buffer = _Buffer()
    writer = SafeWriter(buffer)
    writer.writerow(MEMBER_COLUMNS)
    count, last = 0, 0
    while True:
        chunk = list(Subscriber.objects.filter(pk__gt=last).order_by("pk")[:CHUNK])
        if not chunk:
            yield buffer.take()
            return count
        ids = [s.pk for s in chunk]
        subs: dict[int, list[Subscription]] = {}
        for sub in Subscription.objects.filter(subscriber_id__in=ids).select_related("newsletter"):
            subs.setdefault(sub.subscriber_id, []).append(sub)
        consents: dict[int, list[str]] = {}
        for c in Consent.objects.filter(subscriber_id__in=ids).select_related("newsletter").order_by("at", "pk"):
            where = c.newsletter.slug if c.newsletter else "all"
            consents.setdefault(c.subscriber_id, []).append(f"{c.at.isoformat()} {c.action} {where} ({c.source})")
        pro = pro_user_ids([s.user_id for s in chunk if s.user_id])
        for s in chunk:
            mine = subs.get(s.pk, [])
            active = [x.newsletter.slug for x in mine if x.status == Subscription.Status.ACTIVE]
            left = [x.newsletter.slug for x in mine if x.status == Subscription.Status.UNSUBSCRIBED]
            confirmed = s.confirmed_at.isoformat() if s.confirmed_at else ""
            is_pro = "yes" if s.user_id in pro else "no"
            history = " | ".join(consents.get(s.pk, []))
            writer.writerow(
                [s.email, s.name, s.created_at.isoformat(), confirmed, is_pro, *_joined(active, left), history]
            )
            count += 1
        yield buffer.take()
        last = chunk[-1].pk


def members_csv_write(*, stream: IO[str]) -> int:
    return drain(members_csv_chunks(), stream)
