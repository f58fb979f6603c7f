"""Background work for events: thin, taking ids, enqueued on commit."""

from django_tasks import task

from events.emails import promotion_send, registration_confirmation_send, reminder_send


@task()
def send_registration_confirmation_task(registration_id: int) -> None:
    registration_confirmation_send(registration_id=registration_id)


@task()
def send_promotion_task(registration_id: int) -> None:
    promotion_send(registration_id=registration_id)


@task()
def send_reminder_task(registration_id: int, which: str) -> None:
    reminder_send(registration_id=registration_id, which=which)
