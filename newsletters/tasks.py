"""Background work for newsletters: thin tasks that take ids and call a service."""

from django_tasks import task

from newsletters.emails import send_confirmation
from newsletters.models import Subscriber
from newsletters.sending import issue_run


@task()
def send_confirmation_task(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        send_confirmation(subscriber=subscriber)


@task()
def send_issue_task(issue_id: int) -> None:
    # Any number of these may run at once, on any machine: rows are claimed
    # one by one, and a restarted worker recovers a dead one's rows itself.

    issue_run(issue_id=issue_id)
