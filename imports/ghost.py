"""Ghost JSON exports: posts with authors, tags and feature images; members with newsletters.

Read with ijson, one object at a time: the whole file is first checked to be
well-formed JSON (nothing written if it is not), small tables (users, tags and
their links to posts) are kept, and posts and members stream through.

A post's `feature_image` is fetched once its batch has committed (see
`imports.images`), with `feature_image_caption` (HTML in Ghost, kept as text)
and `feature_image_alt`. Ghost writes its own address as `__GHOST_URL__` in
exports; `site_url` puts the old site's address back.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ijson
from django.utils.dateparse import parse_datetime

from core.access import Access
from imports.articles import BadExport, Report, Story, run_story_batches
from imports.html import blocks_from_html
from imports.members import Member, run_member_batches
from newsroom.blocks import html_text
from newsroom.models import SectionPage

SOURCE = "ghost"
VISIBILITY = {"public": Access.FREE, "members": Access.REGISTERED, "paid": Access.PRO, "tiers": Access.PRO}
PREFIXES = ("db.item.data", "data")  # Ghost wraps exports in {"db": [...]}; some tools drop the wrapper
GHOST_URL = "__GHOST_URL__"


def _items(path: Path, table: str) -> Iterator[dict[str, Any]]:
    for prefix in PREFIXES:
        with path.open("rb") as stream:
            yield from ijson.items(stream, f"{prefix}.{table}.item", use_float=True)


def check(path: Path) -> None:
    try:
        with path.open("rb") as stream:
            for _ in ijson.parse(stream):
                pass
    except (ijson.JSONError, ijson.IncompleteJSONError, UnicodeDecodeError) as error:
        raise BadExport(f"This is not a complete Ghost export (JSON error: {error}). Nothing was imported.") from error


def _date(raw: Any) -> dt.datetime | None:
    if not raw:
        return None
    when = parse_datetime(str(raw).replace(" ", "T"))
    if when is None:
        raise ValueError(f"the date {raw!r} is not ISO 8601")
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _links(path: Path, table: str, left: str, right: str) -> dict[str, list[str]]:
    links: dict[str, list[str]] = defaultdict(list)
    for row in _items(path, table):
        links[str(row.get(left))].append(str(row.get(right)))
    return links


def _text(raw: Any) -> str:
    return " ".join(html_text(str(raw or "")).split())


def _address(raw: Any, site_url: str) -> str:
    """An image address with Ghost's placeholder replaced; left in place (and reported) without a site URL."""
    url = str(raw or "").strip()
    return site_url.rstrip("/") + url.removeprefix(GHOST_URL) if site_url and url.startswith(GHOST_URL) else url


def story_from(post: dict[str, Any], users: dict[str, dict[str, Any]], tags: dict[str, dict[str, Any]],
               post_tags: dict[str, list[str]], post_authors: dict[str, list[str]],
               site_url: str = "") -> Story:  # fmt: skip
    post_id = str(post.get("id", ""))
    if not isinstance(post.get("html") or "", str):
        raise ValueError("its html is not text")
    author_ids = post_authors.get(post_id) or ([str(post["author_id"])] if post.get("author_id") else [])
    authors = [
        (users[a].get("slug") or users[a].get("name", ""), users[a].get("name", "")) for a in author_ids if a in users
    ]
    named = [tags[t] for t in post_tags.get(post_id, []) if t in tags and tags[t].get("visibility") != "internal"]
    return Story(
        external_id=post_id,
        kind="page" if post.get("type") == "page" else "post",
        title=str(post.get("title") or ""),
        slug=str(post.get("slug") or ""),
        blocks=blocks_from_html(post.get("html") or ""),
        dek=str(post.get("custom_excerpt") or ""),
        published_at=_date(post.get("published_at")),
        authors=authors,
        topics=[(str(t.get("slug") or t.get("name")), str(t.get("name") or t.get("slug"))) for t in named],
        access=VISIBILITY.get(str(post.get("visibility") or "public"), Access.PRO),
        hero_url=_address(post.get("feature_image"), site_url),
        hero_caption=_text(post.get("feature_image_caption")),
        hero_alt=_text(post.get("feature_image_alt")),
    )


def ghost_import(
    *, path: Path, section: SectionPage, dry_run: bool = False, progress: Callable[[int], None] | None = None,
    images: bool = True, site_url: str = "",
) -> Report:  # fmt: skip
    report = Report(source="Ghost", dry_run=dry_run)
    check(path)
    users = {str(u.get("id")): u for u in _items(path, "users")}
    tags = {str(t.get("id")): t for t in _items(path, "tags")}
    post_tags = _links(path, "posts_tags", "post_id", "tag_id")
    post_authors = _links(path, "posts_authors", "post_id", "author_id")
    newsletters = {str(n.get("id")): str(n.get("slug") or "") for n in _items(path, "newsletters")}
    member_newsletters = _links(path, "members_newsletters", "member_id", "newsletter_id")

    def posts() -> Iterator[dict[str, Any]]:
        for post in _items(path, "posts"):
            if post.get("status") == "published" and post.get("type", "post") in ("post", "page"):
                yield post

    run_story_batches(
        posts(),
        lambda post: story_from(post, users, tags, post_tags, post_authors, site_url),
        source=SOURCE,
        default_section=section,
        report=report,
        label=lambda p: f"post “{p.get('title', '')}”",
        progress=progress,
        images=images,
    )

    def to_member(member: dict[str, Any]) -> Member:
        member_id = str(member.get("id") or member.get("email") or "")
        slugs = [newsletters[n] for n in member_newsletters.get(member_id, []) if n in newsletters]
        slugs += [str(n.get("slug")) for n in member.get("newsletters") or [] if isinstance(n, dict) and n.get("slug")]
        return Member(
            external_id=member_id,
            email=str(member.get("email") or ""),
            name=str(member.get("name") or ""),
            newsletter_slugs=slugs,
            status=str(member.get("status") or "free"),
            consented_at=_date(member.get("created_at")),
        )

    run_member_batches(_items(path, "members"), to_member, source=SOURCE, origin="Ghost import", report=report,
                       label=lambda m: f"member {m.get('email', '')!r}", progress=progress)  # fmt: skip
    if not report.seen:
        raise BadExport("The file holds no Ghost posts or members; is it a Ghost JSON export?")
    return report
