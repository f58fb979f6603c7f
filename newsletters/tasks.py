"""Background work for newsletters: thin tasks that take ids and call a service."""

from django_tasks import task

from newsletters.models import Subscriber


@task()
def send_confirmation_task(subscriber_id: int) -> None:
    from newsletters.emails import send_confirmation

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        send_confirmation(subscriber=subscriber)


@task()
def send_issue_task(issue_id: int) -> None:
    # Any number of these may run at once, on any machine: rows are claimed
    # one by one, and a restarted worker recovers a dead one's rows itself.
    from newsletters.sending import issue_run

    issue_run(issue_id=issue_id)
