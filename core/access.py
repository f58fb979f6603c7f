"""The access vocabulary every app speaks: what a reader needs to read a piece."""

from __future__ import annotations

from typing import Any

from django.db import models

from core.entitlement import user_is_pro


class Access(models.TextChoices):
    FREE = "free", "Free"
    REGISTERED = "registered", "Free account"
    PRO = "pro", "PRO"


def may_read(*, user: Any, access: str) -> bool:
    if access == Access.FREE:
        return True
    if access == Access.REGISTERED:
        return bool(user is not None and user.is_authenticated and user.is_active)
    return user_is_pro(user)
