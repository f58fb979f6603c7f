"""WordPress export files (WXR): posts, pages, authors, categories and tags, with redirects.

A post's featured image is the attachment item its `_thumbnail_id` names:
its `wp:attachment_url` is fetched (see `imports.images`), its excerpt (or
title) becomes the caption and its `_wp_attachment_image_alt` the alt text.

The file is read twice with `iterparse`, each element dropped once read, so
memory stays flat however large the export: the first pass checks the whole
file parses and collects authors and attachments; the second imports posts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from core.access import Access
from imports.articles import BadExport, Report, Story, run_story_batches
from imports.html import blocks_from_html
from newsroom.models import SectionPage

SOURCE = "wordpress"
IMPORTED_TYPES = {"post", "page"}


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _elements(path: Path, wanted: set[str]) -> Iterator[Any]:
    try:
        for _, element in etree.iterparse(
            str(path), events=("end",), huge_tree=True, resolve_entities=False, no_network=True, recover=False
        ):
            name = _local(element.tag)
            if (
                name in wanted
                and _local(element.getparent().tag if element.getparent() is not None else "") == "channel"
            ):
                yield element
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        raise BadExport(
            f"This is not a complete WordPress export (XML error: {error}). Nothing was imported."
        ) from error


def _fields(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"categories": [], "meta": {}}
    for child in item:
        name = _local(child.tag)
        if name == "category":
            out["categories"].append((child.get("domain", ""), child.get("nicename", ""), child.text or ""))
        elif name == "postmeta":
            key = child.findtext("{*}meta_key") or ""
            out["meta"][key] = child.findtext("{*}meta_value") or ""
        elif name in ("encoded",):
            prefix = etree.QName(child.tag).namespace or ""
            out["excerpt" if "excerpt" in prefix else "content"] = child.text or ""
        else:
            out[name] = child.text or ""
    return out


def _date(raw: str) -> dt.datetime | None:
    raw = (raw or "").strip()
    if not raw or raw.startswith("0000"):
        return None
    try:
        return dt.datetime.strptime(raw, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError as error:
        raise ValueError(f"the date {raw!r} is not YYYY-MM-DD HH:MM:SS") from error


def scan(path: Path) -> tuple[dict[str, str], dict[str, dict[str, str]], int]:
    """First pass: author names, attachments (id → url, caption, alt), and how many items there are."""
    authors: dict[str, str] = {}
    attachments: dict[str, dict[str, str]] = {}
    items = 0
    for element in _elements(path, {"author", "item"}):
        if _local(element.tag) == "author":
            login = element.findtext("{*}author_login") or ""
            authors[login] = element.findtext("{*}author_display_name") or login
            continue
        items += 1
        fields = _fields(element)
        if fields.get("post_type") == "attachment":
            attachments[fields.get("post_id", "")] = {
                "url": fields.get("attachment_url", ""),
                "caption": " ".join((fields.get("excerpt", "") or fields.get("title", "")).split()),
                "alt": " ".join(fields["meta"].get("_wp_attachment_image_alt", "").split()),
            }
    if items == 0 and not authors:
        raise BadExport("The file holds no WordPress items or authors; is it a WXR export?")
    return authors, attachments, items


def story_from(fields: dict[str, Any], authors: dict[str, str], attachments: dict[str, dict[str, str]]) -> Story:
    login = fields.get("creator", "")
    hero = attachments.get(fields["meta"].get("_thumbnail_id", ""), {})
    categories = [(slug or name, name) for domain, slug, name in fields["categories"] if domain == "category"]
    tags = [(slug or name, name) for domain, slug, name in fields["categories"] if domain == "post_tag"]
    return Story(
        external_id=fields.get("post_id", "") or fields.get("guid", ""),
        kind=fields.get("post_type", "post"),
        title=fields.get("title", ""),
        slug=fields.get("post_name", "") or fields.get("title", ""),
        blocks=blocks_from_html(fields.get("content", "")),
        dek=" ".join((fields.get("excerpt") or "").split())[:300],
        published_at=_date(fields.get("post_date_gmt", "")) or _date(fields.get("post_date", "")),
        authors=[(login, authors.get(login, login))] if login else [],
        topics=categories[1:] + tags,
        section_slug=categories[0][0] if categories else "",
        access=Access.FREE,
        old_url=fields.get("link", ""),
        hero_url=hero.get("url", "").strip(),
        hero_caption=hero.get("caption", ""),
        hero_alt=hero.get("alt", ""),
    )


def wordpress_import(
    *, path: Path, section: SectionPage, dry_run: bool = False, progress: Callable[[int], None] | None = None,
    images: bool = True,
) -> Report:  # fmt: skip
    report = Report(source="WordPress", dry_run=dry_run)
    authors, attachments, total = scan(path)
    report.notes.append(
        f"{_many(total, 'item')}, {_many(len(authors), 'author')}, {_many(len(attachments), 'attachment')} in the file."
    )

    def published() -> Iterator[dict[str, Any]]:
        for element in _elements(path, {"item"}):
            fields = _fields(element)
            if fields.get("post_type") in IMPORTED_TYPES and fields.get("status") == "publish":
                yield fields

    run_story_batches(
        published(),
        lambda fields: story_from(fields, authors, attachments),
        source=SOURCE,
        default_section=section,
        report=report,
        label=lambda f: f"“{f.get('title', '')}”",
        progress=progress,
        images=images,
    )
    return report


def _many(number: int, noun: str) -> str:
    """ "1 author", "3 authors"."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
