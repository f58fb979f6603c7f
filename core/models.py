"""Site-wide settings every app may read."""

from __future__ import annotations

from django.db import models
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="site")
class OutletSettings(BaseGenericSetting):
    name = models.CharField("outlet name", max_length=100, default="Newsdesk")
    tagline = models.CharField(max_length=200, blank=True, help_text="e.g. “News and intelligence on the Middle East”.")
    social_handle = models.CharField(
        max_length=50, blank=True, help_text="Handle on X/Twitter without the @, used in share cards."
    )
    pro_desk_email = models.EmailField(
        "PRO support desk email", blank=True, help_text="Where team-plan enquiries go, e.g. pro@example.com."
    )

    class Meta:
        # Created by the newsroom app before it moved here; the table keeps its name and rows.
        db_table = "newsroom_outletsettings"
        verbose_name = "outlet settings"


def outlet_name() -> str:
    """The outlet's public name, for feeds, exports and PDFs."""
    return OutletSettings.load().name


class Heartbeat(models.Model):
    """When a background process last showed it was alive (readyz and metrics read it)."""

    name = models.CharField(max_length=40, primary_key=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"


class HeldTask(models.Model):
    """A background task that could not reach Redis when it was queued.

    It waits here, in the database that took the change asking for it, and
    `flush_held_tasks` (run by the scheduler) hands it to Redis once Redis is back.
    """

    task_path = models.CharField(max_length=255)
    queue_name = models.CharField(max_length=100)
    priority = models.IntegerField(default=0)
    run_after = models.DateTimeField(null=True, blank=True)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    held_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.task_path} held at {self.held_at:%Y-%m-%d %H:%M:%S}"
