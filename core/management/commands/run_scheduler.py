"""Runs the periodic management commands on their schedule, forever.

One scheduler per install is enough: each job it runs is itself safe to run
twice (publishing, sending due issues and reminders all claim their rows).
"""

import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections


class Command(BaseCommand):
    help = "Run periodic jobs (scheduled publishing and the like) on their schedule until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")
        parser.add_argument("--tick", type=float, default=5.0, help="Seconds between schedule checks.")

    def handle(self, *args: Any, once: bool = False, tick: float = 5.0, **options: Any) -> None:
        schedule = settings.SCHEDULE  # built once, in config/settings.py
        next_run = dict.fromkeys((name for name, _ in schedule), 0.0)
        self.stdout.write(f"Scheduler running {len(schedule)} job(s): " + ", ".join(n for n, _ in schedule))
        while True:
            now = time.monotonic()
            for name, every in schedule:
                if now >= next_run[name]:
                    next_run[name] = now + every
                    self._run(name)
            if once:
                return
            time.sleep(tick)

    def _run(self, name: str) -> None:
        # A connection the database dropped (a restart, a failover) is replaced
        # before the job, as a web request would; without this every later job
        # fails on the dead connection for ever.
        _replace_dead_connections()
        try:
            call_command(name, verbosity=0)
        except Exception as error:  # keep the scheduler alive; the next tick retries
            self.stderr.write(f"{name} failed: {error!r}")
        finally:
            _replace_dead_connections()


def _replace_dead_connections() -> None:
    """Close connections that died or outlived CONN_MAX_AGE, as a web request's end does.

    A connection inside a transaction someone else opened (a test's) is left alone.
    """
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
