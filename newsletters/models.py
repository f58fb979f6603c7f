"""Newsletters, their subscribers and consent, issues and the per-recipient ledger.

The `Delivery` ledger is written once, when an issue starts sending: people who
subscribe later are not added mid-send, and a restarted worker knows exactly
who is left. Each row moves queued → claimed → sending → sent / failed, one
row at a time, by conditional UPDATEs, so any number of workers can share it.
"""

from __future__ import annotations

import secrets
import uuid
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from newsletters.mime import message_id


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Newsletter(models.Model):  # type: ignore[django-manager-missing]
    class Cadence(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    name = models.CharField(max_length=100, unique=True, help_text="e.g. “Security Briefing”.")
    slug = models.SlugField(unique=True, help_text="Used in URLs and commands, e.g. “security”.")
    description = models.TextField(help_text="Two sentences for readers choosing what to receive.")
    cadence = models.CharField(max_length=10, choices=Cadence.choices, default=Cadence.WEEKLY)
    send_time = models.TimeField(default="07:00", help_text="Local time the issue usually goes out, e.g. 07:00.")
    send_weekday = models.PositiveSmallIntegerField(
        "weekday", choices=Weekday.choices, null=True, blank=True, help_text="Weekly newsletters only."
    )
    time_zone = models.CharField(max_length=64, default="Asia/Dubai", help_text="e.g. “Asia/Dubai” or “UTC”.")
    sender_name = models.CharField(max_length=100, blank=True, help_text="Blank uses the outlet's briefing sender.")
    sender_email = models.EmailField(blank=True, help_text="Blank uses NEWSLETTER_FROM_EMAIL.")
    reply_to = models.EmailField(blank=True, help_text="Where replies go, e.g. the desk editor.")
    all_sections = models.BooleanField(
        "every section", default=False, help_text="Daily round-ups: draft from everything published."
    )
    sections = models.ManyToManyField("newsroom.SectionPage", blank=True, related_name="newsletters")
    topics = models.ManyToManyField("newsroom.TopicPage", blank=True, related_name="newsletters")
    pro_only = models.BooleanField("PRO members only", default=False)
    is_active = models.BooleanField("offered to readers", default=True)
    auto_draft = models.BooleanField(
        "draft automatically", default=False, help_text="Draft an issue an hour before send time for an editor."
    )
    max_items = models.PositiveSmallIntegerField("articles per issue", default=10)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cadence"), FieldPanel("send_weekday")]),
                FieldRowPanel([FieldPanel("send_time"), FieldPanel("time_zone")]),
                FieldPanel("auto_draft"),
            ],
            heading="Schedule",
        ),
        MultiFieldPanel(
            [FieldPanel("all_sections"), FieldPanel("sections"), FieldPanel("topics"), FieldPanel("max_items")],
            heading="What feeds it",
        ),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("sender_email"), FieldPanel("reply_to")], heading="Sender"
        ),
        FieldRowPanel([FieldPanel("pro_only"), FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("newsletters:detail", args=[self.slug])

    @property
    def cadence_label(self) -> str:
        if self.cadence == self.Cadence.DAILY:
            return f"Daily, {'mornings' if self.send_time.hour < 12 else 'evenings'}"
        day = self.get_send_weekday_display() if self.send_weekday is not None else ""
        return f"Weekly{', ' + day + 's' if day else ''}"

    @property
    def from_email(self) -> str:
        default_name, default_email = parseaddr(settings.NEWSLETTER_FROM_EMAIL)
        return formataddr((self.sender_name or default_name or self.name, self.sender_email or default_email))


class Subscriber(models.Model):
    """One email address. Needs no account; `token` opens its manage page."""

    email = models.EmailField(unique=True, help_text="Stored in lower case.")
    name = models.CharField(max_length=100, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="subscribers"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True, help_text="When the address was proved by email.")
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    def get_manage_url(self) -> str:
        return settings.SITE_URL + reverse("newsletters:manage", args=[self.token])


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        ACTIVE = "active", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="subscriptions")
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.PENDING, db_index=True)
    # Opaque and per recipient: the one-click unsubscribe link carries nothing else.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    source = models.CharField(max_length=60, blank=True, help_text="Which form or import it came from.")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["newsletter__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="one_subscription_per_newsletter")
        ]
        indexes = [models.Index(fields=["newsletter", "status"])]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter} ({self.status})"

    def get_unsubscribe_url(self) -> str:
        return settings.SITE_URL + reverse("newsletters:unsubscribe", args=[self.token])


class Consent(models.Model):
    """What a subscriber agreed to, when, how and from where (kept when they leave)."""

    class Action(models.TextChoices):
        REQUESTED = "requested", "Asked to subscribe"
        CONFIRMED = "confirmed", "Confirmed by email"
        SUBSCRIBED = "subscribed", "Subscribed from the manage page"
        IMPORTED = "imported", "Imported with prior consent"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    newsletter = models.ForeignKey(Newsletter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=14, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=60, blank=True, help_text="e.g. “article signup”, “one-click header”.")
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.subscriber} {self.action} {self.newsletter or ''} at {self.at:%Y-%m-%d %H:%M}"


class Issue(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        PAUSED = "paused", "Paused"
        SENT = "sent", "Sent"
        CANCELLED = "cancelled", "Cancelled"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.PositiveIntegerField(help_text="Issue number within the newsletter.", editable=False)
    subject = models.CharField(
        max_length=150, blank=True, help_text="The email subject line. Blank: drafted from the lead story."
    )
    preheader = models.CharField(
        max_length=150, blank=True, help_text="Preview text most inboxes show after the subject."
    )
    intro = models.TextField(
        blank=True,
        help_text="A few sentences from the editor above the items, e.g. “Good evening. Tehran and Minsk…”.",
    )
    sign_off = models.TextField(
        "sign-off",
        blank=True,
        help_text="Closes the issue after the last item, e.g. “See you tomorrow evening. — Leila”.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    drafted_since = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="The draft took stories published after this moment."
    )

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("intro"),
        InlinePanel("items", heading="Items", label="Item"),
        FieldPanel("sign_off"),
    ]

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["newsletter", "number"], name="one_number_per_issue")]

    def __str__(self) -> str:
        return f"{self.newsletter.name} #{self.number}: {self.subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.number:
            last = Issue.objects.filter(newsletter_id=self.newsletter_id).aggregate(models.Max("number"))
            self.number = (last["number__max"] or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("newsletters:issue", args=[self.newsletter.slug, self.number])

    @property
    def number_str(self) -> str:
        return str(self.number)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.SENT and not self.newsletter.pro_only

    @property
    def edition_date(self) -> Any:
        """The day the issue is dated: when it went out, is due to, or today for a draft."""
        return timezone.localtime(self.started_at or self.scheduled_for or timezone.now())

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)


NOTE_FEATURES = ["bold", "italic", "link"]


class IssueItem(Orderable):
    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    heading = models.CharField(
        "section heading",
        max_length=80,
        blank=True,
        help_text="Starts a section of the issue above this item, e.g. “Security” or “What's next”.",
    )
    note = RichTextField(
        "why it matters",
        features=NOTE_FEATURES,
        blank=True,
        help_text="The editor's note, a sentence or two, shown above the link, e.g. why this story matters today.",
    )

    panels = [FieldPanel("heading"), FieldPanel("article"), FieldPanel("note")]

    def __str__(self) -> str:
        return str(self.article)


class SendWorker(models.Model):
    """One process sending an issue; its heartbeat tells a restarted worker whether it died."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="workers")
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    heartbeat_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)
    crashed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"worker {self.hostname}:{self.pid} on {self.issue_id}"


class Delivery(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        CLAIMED = "claimed", "Claimed by a worker"  # never handed to SMTP: safe to release
        SENDING = "sending", "Being handed to the mail server"  # outcome unknown if the worker dies
        SENT = "sent", "Accepted by the mail server"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (left or suppressed before their turn)"
        UNKNOWN = "unknown", "Outcome unknown (worker died mid-send)"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    pro = models.BooleanField(default=False, help_text="Receives the PRO variant (full items).")
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    worker = models.ForeignKey(SendWorker, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    esp_message_id = models.CharField(max_length=200, blank=True, db_index=True)
    possible_duplicate = models.BooleanField(
        default=False, help_text="Its worker died while handing it to the mail server; it was sent again."
    )
    bounced_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_recipient")]
        indexes = [models.Index(fields=["issue", "state"])]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.email} ({self.state})"

    @property
    def message_id(self) -> str:
        return message_id(delivery_id=self.pk, issue_uuid=self.issue.uuid)


class Suppression(models.Model):
    """Addresses that never receive bulk mail again."""

    class Reason(models.TextChoices):
        BOUNCED = "bounced", "Hard bounce"
        COMPLAINED = "complained", "Spam complaint"
        REJECTED = "rejected", "Refused by the mail server (5xx)"
        MANUAL = "manual", "Added by staff"

    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    panels = [FieldPanel("email"), FieldPanel("reason"), FieldPanel("detail")]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.reason})"
