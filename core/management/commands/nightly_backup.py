"""Runs `backup` once a day, after BACKUP_HOUR, unless today's archive exists (the scheduler calls it often)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Write today's backup if it is past BACKUP_HOUR and none was written today."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        today = f"newsdesk-backup-{timezone.now():%Y%m%d}-*.tar.gz"
        if now.hour < settings.BACKUP_HOUR or any(Path(settings.BACKUP_DIR).glob(today)):
            return
        call_command("backup", verbosity=options.get("verbosity", 1))
