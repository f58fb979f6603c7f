"""Outbound webhooks: where to send which events, and every delivery's fate."""

from __future__ import annotations

import base64
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Event(models.TextChoices):
    ARTICLE_PUBLISHED = "article.published", "Article published"
    ARTICLE_UPDATED = "article.updated", "Article updated"
    ARTICLE_UNPUBLISHED = "article.unpublished", "Article unpublished"
    ISSUE_SENT = "newsletter.issue_sent", "Newsletter issue sent"
    MEMBER_JOINED_PRO = "member.joined_pro", "Member joined PRO"
    MEMBER_LEFT_PRO = "member.left_pro", "Member left PRO"
    ALERT_FIRED = "alert.fired", "Alert fired"


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class Endpoint(models.Model):
    name = models.CharField(max_length=100, help_text="Who receives it, e.g. “CRM sync”.")
    url = models.URLField("URL", max_length=500, help_text="Must accept POST, e.g. https://hooks.example.com/newsdesk.")
    events = models.JSONField(default=list, help_text="The events sent to this URL.")
    secret = models.CharField(
        max_length=100, default=new_secret, help_text="Shared with the receiver to verify signatures (whsec_…)."
    )
    is_active = models.BooleanField("sending", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "webhook endpoint"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENDING = "sending", "Sending"
        SUCCEEDED = "succeeded", "Delivered"
        FAILED = "failed", "Gave up"

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    message_id = models.CharField(max_length=40, default=new_message_id, unique=True, editable=False)
    event = models.CharField(max_length=40, choices=Event.choices, db_index=True)
    body = models.TextField(help_text="The exact JSON sent, so a replay sends the same bytes.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The receiver's HTTP status.")
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    replay_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    replayed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint.name} ({self.get_state_display()})"


class MemberProState(models.Model):
    """The PRO state last announced for a member, so joins and departures are sent once."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    is_pro = models.BooleanField(default=False)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"user {self.user_id}: {'PRO' if self.is_pro else 'not PRO'}"
