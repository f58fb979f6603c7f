"""Seconds from an editor publishing a story to the matching alert email arriving.

Starts an aiosmtpd sink on loopback and a throwaway SQLite database in a
temporary directory; publishes N matching stories (default 20) with the
immediate task backend, the way a worker would run the queued tasks, and
measures publish → message received in the sink.

    .venv/bin/python bench/alert_latency.py [--stories 20]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=20)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="newsdesk-alert-bench-")
    port = free_port()
    received: list[tuple[float, str]] = []

    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            received.append((time.perf_counter(), envelope.content.decode("utf-8", "replace")))
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=tmp,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        TASKS_BACKEND="immediate",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        from django.db import transaction

        from monitor.models import Alert, Entity
        from monitor.registry import registry_seed
        from tests.factories import ArticleFactory, UserFactory, build_site, paragraphs

        registry_seed()
        site = build_site()
        member = UserFactory(username="bench-pro", is_staff=True, email="pro@example.com")
        alert = Alert.objects.create(user=member, name="Iran drones", words="drone")  # type: ignore[misc]
        alert.entities.set([Entity.objects.get(slug="iran")])
        latencies = []
        for n in range(args.stories):
            before = len(received)
            started = time.perf_counter()
            with transaction.atomic():
                ArticleFactory(
                    parent=site.security,
                    title=f"Iranian drone plant number {n}",
                    slug=f"bench-drone-{n}",
                    body=paragraphs("Engineers from Iran inspected the drone production line."),
                )
            deadline = started + 60
            while len(received) == before and time.perf_counter() < deadline:
                time.sleep(0.001)
            if len(received) > before:
                latencies.append(received[before][0] - started)
        delivered = len(latencies)
        median = statistics.median(latencies) if latencies else float("nan")
        worst = max(latencies) if latencies else float("nan")
        print(f"Published {args.stories} matching stories; {delivered} alert emails reached the SMTP sink")
        print(f"Publish → email: median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms (goal: under 60 s)")
        print(
            json.dumps(
                {
                    "stories": args.stories,
                    "delivered": delivered,
                    "median_s": round(median, 3),
                    "max_s": round(worst, 3),
                }
            )
        )
    finally:
        controller.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
