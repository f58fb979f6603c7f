"""The RQ task backend, made to survive a Redis outage without losing work.

When Redis cannot be reached, `enqueue` writes the task to the database
(`HeldTask`) instead of failing the request or job that asked for it: a
newsletter signup is stored and answered, and its confirmation email waits.
The scheduler's `flush_held_tasks` queues the held tasks in Redis once it is
back, oldest first, and only then deletes them (so a crash between the two
queues a task twice, never zero times).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks_rq.backend import RQBackend
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError)


class HoldingRQBackend(RQBackend):
    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:  # type: ignore[override]
        try:
            return super().enqueue(task, args, kwargs)
        except OUTAGE as error:
            from core.models import HeldTask

            held = HeldTask.objects.create(
                task_path=task.module_path,
                queue_name=task.queue_name,
                priority=task.priority,
                run_after=task.run_after,
                args=list(args),
                kwargs=dict(kwargs),
            )
            logger.warning("Redis unreachable (%s): %s held in the database as #%s", error, task.name, held.pk)
            return TaskResult(
                task=task,
                id=f"held-{held.pk}",
                status=TaskResultStatus.READY,
                enqueued_at=None,
                started_at=None,
                last_attempted_at=None,
                finished_at=None,
                args=list(args),
                kwargs=dict(kwargs),
                backend=self.alias,
                errors=[],
                worker_ids=[],
            )


def held_tasks_flush(limit: int = 1000) -> int:
    """Queue held tasks in Redis, oldest first; returns how many went. Stops at the first outage."""
    from core.models import HeldTask

    sent = 0
    with transaction.atomic():
        # Rows another scheduler is flushing are skipped, not waited for.
        for held in HeldTask.objects.select_for_update(skip_locked=True)[:limit]:
            task: Task = import_string(held.task_path)
            task = task.using(queue_name=held.queue_name, priority=held.priority, run_after=held.run_after)
            backend = task.get_backend()
            try:
                # RQBackend's own enqueue: raises while Redis is still away instead of holding again.
                RQBackend.enqueue(backend, task, held.args, held.kwargs)  # type: ignore[arg-type]
            except OUTAGE:
                break
            held.delete()
            sent += 1
    return sent
