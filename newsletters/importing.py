"""Import subscribers from CSV (email, name, newsletters, consent date); export them back."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from lib.csv import safe_writer
from newsletters.models import Consent, Newsletter, Subscriber, Subscription, Suppression
from newsletters.services import clean_name, email_normalise

SPLIT = re.compile(r"[;|,\s]+")
CHUNK = 500


@dataclass
class ImportReport:
    rows: int = 0
    subscribers_created: int = 0
    subscriptions_created: int = 0
    already_subscribed: int = 0
    left_before: int = 0  # had unsubscribed: never re-added by an import
    suppressed: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Row:
    line: int
    email: str
    name: str
    slugs: list[str]
    consented_at: dt.datetime


def _consent_date(raw: str) -> dt.datetime:
    raw = raw.strip()
    if not raw:
        raise ValidationError("the consent date is missing")
    when = parse_datetime(raw)
    if when is None:
        day = parse_date(raw)
        if day is None:
            raise ValidationError(f"{raw!r} is not a date (use YYYY-MM-DD)")
        when = dt.datetime.combine(day, dt.time(12, 0))
    if timezone.is_naive(when):
        when = timezone.make_aware(when, dt.UTC)
    if when > timezone.now() + dt.timedelta(days=1):
        raise ValidationError("the consent date is in the future")
    return when


def parse_rows(stream: IO[str], known: set[str], report: ImportReport) -> Iterator[Row]:
    reader = csv.DictReader(stream)
    headers = {h.strip().lower() for h in reader.fieldnames or []}
    missing = {"email", "newsletters", "consent_date"} - headers
    if missing:
        raise ValidationError(f"The CSV needs the columns email, name, newsletters, consent_date; missing: {missing}")
    for record in reader:
        line = reader.line_num
        report.rows += 1
        record = {(k or "").strip().lower(): (v or "") for k, v in record.items()}
        try:
            email = email_normalise(record.get("email", ""))
            slugs = [s for s in SPLIT.split(record.get("newsletters", "").strip().lower()) if s]
            if not slugs:
                raise ValidationError("no newsletters listed")
            unknown = [s for s in slugs if s not in known]
            if unknown:
                raise ValidationError(f"unknown newsletter(s): {', '.join(unknown)}")
            yield Row(line, email, clean_name(record.get("name", "")), slugs, _consent_date(record["consent_date"]))
        except ValidationError as error:
            report.errors.append((line, f"{record.get('email', '')!r}: {'; '.join(error.messages)}"))


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def subscribers_import(
    *, stream: IO[str], source: str = "import", dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> ImportReport:
    report = ImportReport()
    newsletters = {n.slug: n for n in Newsletter.objects.all()}
    suppressed = set(Suppression.objects.values_list("email", flat=True))
    for chunk in _chunks(parse_rows(stream, set(newsletters), report), CHUNK):
        with transaction.atomic():
            _import_chunk(chunk, newsletters, suppressed, source, report)
            if dry_run:
                transaction.set_rollback(True)
        if progress:
            progress(len(chunk))
    return report


def _import_chunk(
    chunk: list[Row], newsletters: dict[str, Newsletter], suppressed: set[str], source: str, report: ImportReport
) -> None:
    existing = {s.email: s for s in Subscriber.objects.filter(email__in=[r.email for r in chunk])}
    for row in chunk:
        if row.email in suppressed:
            report.suppressed += 1
        subscriber = existing.get(row.email)
        if subscriber is None:
            subscriber = Subscriber.objects.create(email=row.email, name=row.name, confirmed_at=row.consented_at)
            existing[row.email] = subscriber
            report.subscribers_created += 1
        current = {s.newsletter_id: s for s in subscriber.subscriptions.all()}
        for slug in row.slugs:
            newsletter = newsletters[slug]
            subscription = current.get(newsletter.pk)
            if subscription is not None:
                if subscription.status == Subscription.Status.UNSUBSCRIBED:
                    report.left_before += 1
                else:
                    report.already_subscribed += 1
                continue
            current[newsletter.pk] = Subscription.objects.create(
                subscriber=subscriber,
                newsletter=newsletter,
                status=Subscription.Status.ACTIVE,
                confirmed_at=row.consented_at,
                source=source[:60],
            )
            Consent.objects.create(
                subscriber=subscriber,
                newsletter=newsletter,
                action=Consent.Action.IMPORTED,
                at=row.consented_at,
                source=f"{source} (line {row.line})"[:60],
            )
            report.subscriptions_created += 1


EXPORT_FIELDS = ["email", "name", "newsletters", "consent_date", "status"]


def subscribers_export(*, stream: IO[str], newsletter: Newsletter | None = None, everyone: bool = False) -> int:
    """Write one row per subscriber: their active newsletters, first consent date; returns rows written."""
    writer = safe_writer(stream, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    subscribers: Any = Subscriber.objects.order_by("pk")
    if newsletter is not None:
        subscribers = subscribers.filter(subscriptions__newsletter=newsletter)
    subscribers = subscribers.prefetch_related("subscriptions__newsletter").distinct()
    written = 0
    for subscriber in subscribers.iterator(chunk_size=2000):
        subs = list(subscriber.subscriptions.all())
        active = [s for s in subs if s.status == Subscription.Status.ACTIVE]
        if not active and not everyone:
            continue
        dates = [s.confirmed_at for s in active if s.confirmed_at] or [subscriber.created_at]
        writer.writerow(
            [
                subscriber.email,
                subscriber.name,
                ";".join(s.newsletter.slug for s in active),
                min(dates).isoformat(),
                "active" if active else "left",
            ]
        )
        written += 1
    return written
