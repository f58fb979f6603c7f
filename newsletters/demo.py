"""Demo data for the newsletters: feeds wired to the demo sections, a past issue each, a few readers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max
from django.utils import timezone

from newsletters.models import Issue, Newsletter, Subscriber, Subscription
from newsletters.services import issue_draft
from newsletters.setup import connect_feeds, ensure_briefings

DEMO_READERS = [("reader@example.com", "Dana"), ("analyst@example.com", "Sami")]
LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def load_demo(stdout: Any) -> list[tuple[str, str]]:
    # Quiet on purpose: the load_demo command prints one summary, then the sign-ins.
    ensure_briefings()
    connect_feeds()
    for newsletter in Newsletter.objects.all():
        if newsletter.issues.exists():
            continue
        issue = issue_draft(newsletter=newsletter, since=LONG_AGO)
        if not issue.items.exists():
            issue.delete()
            continue
        # The archive of an outlet that has been sending for years: the first
        # issue of each weekly briefing is shown as already sent.
        if newsletter.cadence == Newsletter.Cadence.WEEKLY:
            latest = issue.items.aggregate(Max("article__published_at"))["article__published_at__max"]
            when = (latest or timezone.now()) + dt.timedelta(hours=12)
            Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, started_at=when, finished_at=when)
    for email, name in DEMO_READERS:
        subscriber, _ = Subscriber.objects.get_or_create(
            email=email, defaults={"name": name, "confirmed_at": timezone.now()}
        )
        for slug in ("middle-east-minute", "security", "gulf"):
            Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter=Newsletter.objects.get(slug=slug),
                defaults={"status": Subscription.Status.ACTIVE, "confirmed_at": timezone.now(), "source": "demo"},
            )
    return []
