"""API keys: read-only credentials a PRO member or team admin hands to their tools."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class ApiKey(models.Model):
    """Only a hash of the key is stored; the key itself is shown once, when made."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=80, help_text="What uses it, e.g. “Research dashboard”.")
    prefix = models.CharField(max_length=12, help_text="The key's first characters, to tell keys apart.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API key"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
