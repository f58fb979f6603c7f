from typing import Any

from django.core.management.base import BaseCommand

from events.emails import due_reminders
from events.tasks import send_reminder_task


class Command(BaseCommand):
    help = "Queue the event reminders now due (24 hours and 1 hour before); each is sent at most once."

    def handle(self, *args: Any, **options: Any) -> None:
        due = due_reminders()
        for registration_id, which in due:
            send_reminder_task.enqueue(registration_id, which)
        self.stdout.write(f"Queued {len(due)} event reminder(s).")
