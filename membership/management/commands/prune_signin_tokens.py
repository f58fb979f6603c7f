"""Deletes sign-in links that expired a day ago or more (the scheduler runs it hourly)."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from membership.models import SignInToken


class Command(BaseCommand):
    help = "Delete sign-in links that expired more than a day ago."

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - dt.timedelta(days=1)
        deleted, _ = SignInToken.objects.filter(expires_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} expired sign-in link(s).")
