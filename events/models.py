"""Live video Q&A sessions and in-person special events, and who comes.

The join link, the recording and the summary are PRO content: they reach a
page, a calendar file or an email only through `events.access`.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a time zone name; use one like “Asia/Dubai” or “Europe/London”.")


class Kind(models.TextChoices):
    QA = "qa", "Live video Q&A"
    IN_PERSON = "in_person", "Special event (in person)"


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(published=True)

    def upcoming(self) -> EventQuerySet:
        return self.published().filter(ends_at__gt=timezone.now()).order_by("starts_at")

    def past(self) -> EventQuerySet:
        return self.published().filter(ends_at__lte=timezone.now()).order_by("-starts_at")


class Event(index.Indexed, ClusterableModel):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.QA)
    title = models.CharField(max_length=200, help_text="e.g. “Iran, Belarus and the drone pipeline: live Q&A”")
    slug = models.SlugField(max_length=120, unique=True, help_text="In the address: /pro/events/<slug>/")
    teaser = models.CharField(max_length=300, help_text="One public sentence that sells it.")
    description = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"], blank=True, help_text="Public: what it covers, who it is for."
    )
    starts_at = models.DateTimeField("starts at", help_text="In the event's time zone below.")
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    ends_at = models.DateTimeField(editable=False)
    time_zone = models.CharField(
        max_length=64, default="UTC", validators=[validate_time_zone], help_text="e.g. “Asia/Dubai”, “Europe/London”."
    )
    published = models.BooleanField(default=False, help_text="Shown on /pro/events/ and the home page when ticked.")
    # Live Q&A
    join_url = models.URLField(
        "join link", blank=True, help_text="Video call link; shown only to registered PRO members."
    )
    recording_url = models.URLField("recording", blank=True, help_text="After the session: the recording (PRO).")
    summary = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"], blank=True, help_text="After the session (PRO)."
    )
    # In person
    venue = models.CharField(max_length=200, blank=True, help_text="e.g. “The Frontline Club”")
    address = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=100, blank=True, help_text="e.g. “London”")
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Confirmed places; later RSVPs join the waitlist. Empty: no limit."
    )
    invitation_only = models.BooleanField(default=False)
    invited_emails = models.TextField(blank=True, help_text="One email address per line (invitation-only events).")
    invited_team = models.ForeignKey(
        "membership.Team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Everyone with a seat on this team is invited.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()

    search_fields = [index.SearchField("title"), index.SearchField("teaser")]
    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("teaser"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("starts_at"), FieldPanel("duration_minutes"), FieldPanel("time_zone")], heading="When"
        ),
        InlinePanel("speakers", label="Speakers", heading="Speakers"),
        MultiFieldPanel(
            [FieldPanel("join_url"), FieldPanel("recording_url"), FieldPanel("summary")], heading="Live Q&A"
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("city"), FieldPanel("capacity")],
            heading="In person",
        ),
        MultiFieldPanel(
            [FieldPanel("invitation_only"), FieldPanel("invited_emails"), FieldPanel("invited_team")],
            heading="Invitations",
        ),
        FieldPanel("published"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        constraints = [models.CheckConstraint(condition=models.Q(duration_minutes__gt=0), name="event_has_duration")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Derived, not business logic: listings filter on the end time.
        self.ends_at = self.starts_at + dt.timedelta(minutes=self.duration_minutes or 60)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_qa(self) -> bool:
        return self.kind == Kind.QA

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @admin.display(description="Attendees")
    def attendee_csv(self) -> str:
        return format_html('<a href="{}attendees.csv">CSV</a>', self.get_absolute_url())

    def invited_addresses(self) -> set[str]:
        return {line.strip().lower() for line in self.invited_emails.splitlines() if line.strip()}


class Speaker(Orderable):
    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=200, blank=True, help_text="e.g. “Security correspondent, Newsdesk”")
    bio = models.TextField(blank=True, help_text="Two or three public sentences.")

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio")]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


class Registration(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    question = models.TextField(blank=True, help_text="Sent in advance for the speakers.")
    created_at = models.DateTimeField(default=timezone.now)
    waitlisted_at = models.DateTimeField(
        null=True, blank=True, help_text="Place in the queue: first come, first promoted."
    )
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Each email is claimed by setting its timestamp atomically before sending,
    # so a rerun or a second worker never sends it twice.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    promotion_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_day_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_hour_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_member")]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.event} ({self.status})"
