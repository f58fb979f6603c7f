"""The background task worker for whichever queue the settings chose.

With Redis (TASKS_BACKEND=rq) it becomes an RQ worker; otherwise the database
queue's worker. The process replaces itself with the real worker, so signals
from a supervisor (SIGTERM to stop, SIGKILL in a fault) reach it directly.
"""

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


def worker_command() -> list[str]:
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    if settings.TASKS_BACKEND == "rq":
        return [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    return [*manage, "db_worker", "--interval", "1"]


class Command(BaseCommand):
    help = "Run the background task worker (RQ with REDIS_URL, else the database queue) until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--print", action="store_true", help="Print the worker's command instead of running it.")

    def handle(self, *args: Any, print: bool = False, **options: Any) -> None:
        command = worker_command()
        if print:
            self.stdout.write(" ".join(command))
            return
        sys.stdout.flush()
        os.execv(command[0], command)  # noqa: S606
