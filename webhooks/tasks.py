"""Thin background task: take the delivery's id, attempt it."""

from django_tasks import task

from webhooks.services import webhook_delivery_attempt


@task()
def deliver_webhook_task(delivery_id: int) -> None:
    webhook_delivery_attempt(delivery_id=delivery_id)
