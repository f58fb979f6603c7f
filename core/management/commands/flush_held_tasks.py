"""Queues in Redis the background tasks held in the database while Redis was unreachable."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from core.task_backends import held_tasks_flush


class Command(BaseCommand):
    help = "Queue in Redis the tasks held in the database during a Redis outage (RQ only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.TASKS_BACKEND != "rq":
            self.stdout.write("Tasks are not queued in Redis: nothing is ever held.")
            return
        sent = held_tasks_flush()
        if sent or options.get("verbosity", 1) > 1:
            self.stdout.write(f"Queued {sent} held task(s).")
