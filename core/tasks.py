"""Background work of the bottom app."""

from django_tasks import task

from core.health import WORKER, heartbeat_record


@task()
def heartbeat_task() -> None:
    """Queued by the scheduler; when a worker runs it, the queue and a worker are alive."""
    heartbeat_record(WORKER)
