"""Liveness, readiness and the heartbeats of the background processes.

/healthz (newsroom.views.healthz) answers as long as the web process runs.
/readyz checks what serving and background work depend on and answers 503,
naming the failing part, when any of them is down or stale:

- database: a query answers;
- cache: a value written can be read back;
- queue: waiting tasks number fewer than READY_MAX_QUEUE_DEPTH;
- worker: a task queued by the scheduler ran within READY_HEARTBEAT_SECONDS;
- scheduler: the scheduler ticked within READY_HEARTBEAT_SECONDS.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from core.models import Heartbeat

log = logging.getLogger(__name__)
WORKER = "worker"
SCHEDULER = "scheduler"


def heartbeat_record(name: str) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})


def heartbeat_ages() -> dict[str, float | None]:
    """Seconds since each background process's last heartbeat (None: never seen)."""
    beats: dict[str, datetime] = dict(Heartbeat.objects.values_list("name", "beat_at"))
    now = timezone.now()
    return {name: ((now - beats[name]).total_seconds() if name in beats else None) for name in (WORKER, SCHEDULER)}


def queue_depth() -> int:
    """Tasks waiting to run on the configured queue."""
    backend = str(settings.TASKS["default"]["BACKEND"])
    if backend.startswith("django_tasks_rq"):
        import django_rq  # only here: every process that loads the URLconf would import redis and rq

        return sum(len(django_rq.get_queue(name)) for name in settings.RQ_QUEUES)
    if backend.startswith("django_tasks_db"):
        return DBTaskResult.objects.ready().count()
    return 0


@dataclass
class Check:
    part: str
    ok: bool
    detail: str


def _check_database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Check("database", True, connection.vendor)


def _check_cache() -> Check:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return Check("cache", ok, "read back" if ok else "a value written could not be read back")


def _check_queue() -> Check:
    depth = queue_depth()
    limit = settings.READY_MAX_QUEUE_DEPTH
    return Check("queue", depth < limit, f"{depth} waiting (limit {limit})")


def _check_heartbeats() -> list[Check]:
    limit = settings.READY_HEARTBEAT_SECONDS
    checks = []
    for name, age in heartbeat_ages().items():
        if age is None:
            checks.append(Check(name, False, "no heartbeat yet"))
        else:
            checks.append(Check(name, age <= limit, f"last heartbeat {age:.0f} s ago (limit {limit} s)"))
    return checks


def readiness() -> list[Check]:
    checks: list[Check] = []
    for part, probe in (("database", _check_database), ("cache", _check_cache), ("queue", _check_queue)):
        try:
            checks.append(probe())
        except Exception as error:
            log.warning("readiness check %s failed: %r", part, error)
            checks.append(Check(part, False, f"{type(error).__name__}: {error}"[:300]))
    if checks[0].ok:
        checks.extend(_check_heartbeats())
    return checks


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    checks = readiness()
    failing = [check.part for check in checks if not check.ok]
    body = {
        "status": "ok" if not failing else "failing: " + ", ".join(failing),
        "checks": {check.part: {"ok": check.ok, "detail": check.detail} for check in checks},
    }
    return JsonResponse(body, status=503 if failing else 200)
