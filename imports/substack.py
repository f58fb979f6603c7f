"""A Substack export: posts.csv with one HTML file per post in posts/, and a subscribers CSV."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.utils.dateparse import parse_datetime

from core.access import Access
from imports.articles import BadExport, Report, Story, run_story_batches
from imports.html import blocks_from_html
from imports.members import Member, run_member_batches
from newsroom.models import SectionPage

SOURCE = "substack"
AUDIENCE = {"everyone": Access.FREE, "only_free": Access.REGISTERED, "only_paid": Access.PRO, "founding": Access.PRO}


def _when(raw: str) -> dt.datetime | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    when = parse_datetime(raw.replace(" ", "T").replace("Z", "+00:00"))
    if when is None:
        raise ValueError(f"the date {raw!r} is not ISO 8601")
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _csv(path: Path, needed: str) -> Iterator[dict[str, Any]]:
    with path.open(newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream)
        if needed not in (reader.fieldnames or []):
            raise BadExport(f"{path.name} has no “{needed}” column; is it a Substack export?")
        for row in reader:
            yield {"line": reader.line_num, **row}


def substack_import(
    *, folder: Path, section: SectionPage, newsletter_slug: str = "", dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Report:  # fmt: skip
    report = Report(source="Substack", dry_run=dry_run)
    posts_csv = folder / "posts.csv"
    if not posts_csv.exists():
        raise BadExport("The folder has no posts.csv; unzip the Substack export and pass its folder.")
    next(_csv(posts_csv, "post_id"), None)

    def posts() -> Iterator[dict[str, Any]]:
        for row in _csv(posts_csv, "post_id"):
            if (row.get("is_published") or "").lower() == "true" and (row.get("type") or "newsletter") != "podcast":
                yield row

    def to_story(row: dict[str, Any]) -> Story:
        post_id = str(row["post_id"])
        page = folder / "posts" / f"{post_id}.html"
        if not page.is_file():
            raise ValueError(f"posts/{post_id}.html is missing")
        story = Story(
            external_id=post_id, kind="post", title=row.get("title") or "", slug=post_id.split(".", 1)[-1],
            blocks=blocks_from_html(page.read_text(encoding="utf-8")), dek=row.get("subtitle") or "",
            published_at=_when(row.get("post_date") or ""),
            access=AUDIENCE.get(row.get("audience") or "everyone", Access.PRO),
        )  # fmt: skip
        return story

    run_story_batches(posts(), to_story, source=SOURCE, default_section=section, report=report,
                      label=lambda r: f"post {r.get('post_id')}", progress=progress)  # fmt: skip

    def to_member(row: dict[str, Any]) -> Member:
        paid = (row.get("active_subscription") or "").lower() == "true"
        comp = (row.get("plan") or "").lower() == "comp"
        return Member(
            external_id=(row.get("email") or "").strip().lower(), email=row.get("email") or "",
            name=row.get("name") or "", newsletter_slugs=[newsletter_slug] if newsletter_slug else [],
            status="comped" if comp else "paid" if paid else "free", consented_at=_when(row.get("created_at") or ""),
        )  # fmt: skip

    for subscribers in sorted(folder.glob("email_list*.csv")):

        def label(row: dict[str, Any], name: str = subscribers.name) -> str:
            return f"{name} line {row['line']}"

        run_member_batches(_csv(subscribers, "email"), to_member, source=SOURCE, origin="Substack import",
                           report=report, label=label, progress=progress)  # fmt: skip
    return report
