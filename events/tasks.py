from django_tasks import task


@task()
def send_registration_confirmation(registration_id: int) -> None:
    from events.services import registration_confirmation_send

    registration_confirmation_send(registration_id=registration_id)


@task()
def send_promotion(registration_id: int) -> None:
    from events.services import promotion_send

    promotion_send(registration_id=registration_id)


@task()
def send_reminder(registration_id: int, which: str) -> None:
    from events.services import reminder_send

    reminder_send(registration_id=registration_id, which=which)
