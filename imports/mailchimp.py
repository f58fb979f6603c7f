"""A Mailchimp audience export (the subscribed members CSV) into one newsletter."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.utils.dateparse import parse_datetime

from imports.articles import BadExport, Report
from imports.members import Member, run_member_batches
from newsletters.models import Newsletter

SOURCE = "mailchimp"
EMAIL = "Email Address"


def _when(row: dict[str, str]) -> dt.datetime | None:
    for column in ("CONFIRM_TIME", "OPTIN_TIME", "LAST_CHANGED"):
        raw = (row.get(column) or "").strip()
        if raw:
            when = parse_datetime(raw.replace(" ", "T"))
            if when is None:
                raise ValueError(f"{column} {raw!r} is not a date and time")
            return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return None


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream)
        if EMAIL not in (reader.fieldnames or []):
            raise BadExport(f"A Mailchimp audience CSV has an “{EMAIL}” column; this file does not.")
        for row in reader:
            yield {"line": reader.line_num, **row}


def mailchimp_import(
    *, path: Path, newsletter: Newsletter, dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> Report:
    report = Report(source="Mailchimp", dry_run=dry_run)
    next(_rows(path), None)  # checks the header before anything is written

    def to_member(row: dict[str, Any]) -> Member:
        email = (row.get(EMAIL) or "").strip().lower()
        name = " ".join(p for p in ((row.get("First Name") or "").strip(), (row.get("Last Name") or "").strip()) if p)
        return Member(external_id=f"{newsletter.slug}:{email}", email=email, name=name,
                      newsletter_slugs=[newsletter.slug], consented_at=_when(row))  # fmt: skip

    run_member_batches(_rows(path), to_member, source=SOURCE, origin="Mailchimp import", report=report,
                       label=lambda r: f"line {r['line']} ({r.get(EMAIL, '')!r})", progress=progress)  # fmt: skip
    return report
