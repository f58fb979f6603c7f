"""Records the scheduler's heartbeat and queues the worker's (readyz reads both)."""

from typing import Any

from django.core.management.base import BaseCommand

from core.health import SCHEDULER, heartbeat_record
from core.tasks import heartbeat_task


class Command(BaseCommand):
    help = "Record that the scheduler is alive and queue a task that records that a worker is."

    def handle(self, *args: Any, **options: Any) -> None:
        heartbeat_record(SCHEDULER)
        heartbeat_task.enqueue()
