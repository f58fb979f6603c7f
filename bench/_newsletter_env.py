"""A throwaway Newsdesk (temp dir, SQLite) with one issue and N subscribers, and a worker killed at
random points, for the bench scripts."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SLUG = "security"


def child_env(var_dir: Path, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "ANYMAIL_WEBHOOK_SECRET")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(var_dir),
        SITE_URL="https://news.example.com",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        NEWSLETTER_RETRY_SECONDS="1",
        **extra,
    )
    return env


def setup_django(var_dir: Path, smtp_port: int, **extra: str) -> None:
    os.environ.update(child_env(var_dir, smtp_port, **extra))
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrated a fresh database in {time.monotonic() - started:.1f}s", flush=True)


def make_edition(recipients: int, *, pro_share: float = 0.1) -> Any:
    """A section with ten stories (two PRO), the Security Briefing fed by it, N confirmed subscribers, a draft."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from core.access import Access
    from newsletters.models import Newsletter, Subscriber, Subscription
    from newsletters.services import issue_draft
    from newsroom.models import ArticlePage, HomePage, SectionPage

    home = HomePage.objects.get(depth=2)
    section = SectionPage(title="Security", slug="security")
    home.add_child(instance=section)
    section.save_revision().publish()
    paragraph = (
        "Iran and Belarus signed a memorandum of understanding on defence cooperation in Tehran, "
        "and their ministers discussed the war in Ukraine. Neither side published the details. "
    ) * 3
    now = timezone.now()
    for n in range(10):
        article = ArticlePage(
            title=f"Story {n}: Iran and Belarus deepen their defence ties",
            slug=f"story-{n}",
            dek="The two allies of Moscow agreed to cooperate more closely on defence.",
            body=[("paragraph", RichText(f"<p>{paragraph}</p>")), ("paragraph", RichText(f"<p>{paragraph}</p>"))],
            access=Access.PRO if n in (2, 5) else Access.FREE,
            published_at=now - dt.timedelta(hours=n + 1),
        )
        section.add_child(instance=article)
        article.save_revision().publish()
    newsletter = Newsletter.objects.get(slug=SLUG)
    newsletter.sections.set([section])
    newsletter.max_items = 10
    newsletter.save()

    started = time.monotonic()
    batch = 5000
    for offset in range(0, recipients, batch):
        size = min(batch, recipients - offset)
        subscribers = Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"reader{n}@example.org", name=f"Reader {n}", confirmed_at=now)
                for n in range(offset, offset + size)
            ]
        )
        if not subscribers[0].pk:  # backends that do not return ids from bulk_create
            subscribers = list(Subscriber.objects.filter(email__in=[s.email for s in subscribers]))
        Subscription.objects.bulk_create(
            [Subscription(subscriber=s, newsletter=newsletter, status="active", confirmed_at=now) for s in subscribers]
        )
    # A share of PRO members (staff count as PRO until memberships exist) receive the full variant.
    users = get_user_model()
    pro_count = int(recipients * pro_share)
    pros = users.objects.bulk_create(
        [users(username=f"pro{n}", email=f"reader{n}@example.org", is_staff=True) for n in range(pro_count)]
    )
    from allauth.account.models import EmailAddress

    # An address counts for PRO once verified.
    if pros and not pros[0].pk:
        pros = list(users.objects.filter(username__startswith="pro"))
    EmailAddress.objects.bulk_create([EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in pros])
    print(f"created {recipients} subscribers ({pro_count} PRO) in {time.monotonic() - started:.1f}s", flush=True)
    return issue_draft(newsletter=newsletter, since=now - dt.timedelta(days=2))


def start_edition(var_dir: Path, smtp_port: int, recipients: int, **extra: str) -> tuple[Any, int]:
    """A migrated throwaway database with the edition and N subscribers, its issue started: (issue, recipients)."""
    setup_django(var_dir, smtp_port, **extra)
    from newsletters.services import issue_send_start

    issue = make_edition(recipients)
    return issue, issue_send_start(issue=issue, enqueue=False)


@dataclass
class Tally:
    """What the receiving end logged (one address a line) against the issue's ledger."""

    ledger: dict[str, bool]  # email -> flagged as a possible duplicate
    states: Counter[str]
    lost: list[str]  # in the ledger, never received
    duplicated: int  # extra copies received
    unreported: list[str]  # received more than once, not flagged


def tally(issue: Any, log_path: Path) -> Tally:
    from newsletters.models import Delivery

    received = Counter(line.strip() for line in log_path.read_text().splitlines() if line.strip())
    deliveries = Delivery.objects.filter(issue=issue)
    ledger = dict(deliveries.values_list("email", "possible_duplicate"))
    return Tally(
        ledger=ledger,
        states=Counter(deliveries.values_list("state", flat=True)),
        lost=sorted(email for email in ledger if received[email] == 0),
        duplicated=sum(count - 1 for count in received.values() if count > 1),
        unreported=sorted(email for email, count in received.items() if count > 1 and not ledger.get(email)),
    )


@dataclass
class KilledRuns:
    kills: int
    elapsed: float  # the whole send, restarts included
    last_elapsed: float  # the final, uninterrupted run(s) that finished the issue
    received_before_last: int
    worker_log: str
    startups: list[float]  # each worker's seconds from its start to the first recipient received


def _wait(worker: subprocess.Popen[bytes], received: Callable[[], int], until: int | None) -> float | None:
    """Wait for the worker to exit (or `received()` to reach `until`); seconds to its first recipient."""
    started, base, first = time.monotonic(), received(), None
    while worker.poll() is None and (until is None or received() < until):
        if first is None and received() > base:
            first = time.monotonic() - started
        time.sleep(0.002)
    if first is None and received() > base:
        first = time.monotonic() - started
    return first


def send_with_kills(
    *, env: dict[str, str], issue: Any, points: list[int], received: Callable[[], int], unit: str, log_path: Path
) -> KilledRuns:
    """Run `manage.py send_newsletter` as a worker process, SIGKILL it each time `received()` passes
    the next of `points` and start it again; then let a last run (or a few, for retries) finish the issue."""
    from newsletters.models import Delivery

    command = [sys.executable, str(ROOT / "manage.py"), "send_newsletter", SLUG, "--no-progress"]
    kills = 0
    startups: list[float] = []
    started = time.monotonic()
    with log_path.open("w") as out:
        for target in points:
            worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
            startup = _wait(worker, received, target)
            startups += [startup] if startup is not None else []
            if worker.poll() is None:
                os.kill(worker.pid, signal.SIGKILL)
                worker.wait()
                kills += 1
                print(f"kill {kills:2d}: SIGKILL after {received():,} {unit} received", flush=True)
        before_last, last_started = received(), time.monotonic()
        for _attempt in range(5):  # the last run finishes the issue (retries may need a second)
            worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
            startup = _wait(worker, received, None)
            startups += [startup] if startup is not None else []
            if not Delivery.objects.filter(issue=issue, state__in=["queued", "claimed", "sending"]).exists():
                break
    finished = time.monotonic()
    return KilledRuns(
        kills=kills,
        elapsed=finished - started,
        last_elapsed=finished - last_started,
        received_before_last=before_last,
        worker_log=log_path.read_text(),
        startups=startups,
    )
