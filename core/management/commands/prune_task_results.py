"""Deletes finished background-task results older than TASK_RESULT_DAYS.

The database queue keeps a row per task; RQ expires its own results in Redis,
so with RQ there is nothing to do.
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Delete finished task results older than TASK_RESULT_DAYS (database queue only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not str(settings.TASKS["default"]["BACKEND"]).startswith("django_tasks_db"):
            self.stdout.write("The task queue expires its own results: nothing to prune.")
            return
        days = settings.TASK_RESULT_DAYS
        call_command("prune_db_task_results", min_age_days=days, verbosity=options.get("verbosity", 1))
