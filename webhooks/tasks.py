"""Thin background tasks: take ids, attempt deliveries, schedule the next try."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from webhooks.models import Delivery
from webhooks.services import webhook_delivery_attempt


@task()
def deliver_webhook_task(delivery_id: int) -> None:
    if webhook_delivery_attempt(delivery_id=delivery_id) == Delivery.State.PENDING:
        when = Delivery.objects.filter(pk=delivery_id).values_list("next_attempt_at", flat=True).first()
        _enqueue(delivery_id, when)


def _enqueue(delivery_id: int, when: dt.datetime | None = None) -> None:
    if when is None:
        deliver_webhook_task.enqueue(delivery_id)
    elif deliver_webhook_task.get_backend().supports_defer:
        deliver_webhook_task.using(run_after=when).enqueue(delivery_id)
    # else: `manage.py webhooks_retry` picks it up when due


def deliveries_enqueue_on_commit(deliveries: Iterable[Delivery]) -> None:
    for delivery in deliveries:
        transaction.on_commit(partial(_enqueue, delivery.pk))


def webhooks_due_enqueue() -> int:
    """Enqueue every pending delivery that is due (for back-ends that cannot defer, and after outages)."""
    due = list(
        Delivery.objects.filter(state=Delivery.State.PENDING, next_attempt_at__lte=timezone.now()).values_list(
            "pk", flat=True
        )
    )
    for delivery_id in due:
        deliver_webhook_task.enqueue(delivery_id)
    return len(due)
