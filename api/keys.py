"""Making, checking and rate-limiting API keys.

Keys are long random strings, so one SHA-256 hash is enough to store them:
there is nothing to brute-force that a slow hash would protect.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from api.models import ApiKey
from core.entitlement import user_is_pro
from membership.models import Team

KEY_PREFIX = "nd_"
# last_used_at is written at most this often per key, not on every call.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def may_hold_keys(user: Any) -> bool:
    """PRO members and team admins may make keys."""
    if user is None or not user.is_authenticated:
        return False
    return user_is_pro(user) or Team.objects.filter(admin=user).exists()


def api_key_create(*, owner: Any, name: str) -> tuple[ApiKey, str]:
    """Returns the key row and the key itself, which is never stored."""
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(owner=owner, name=name.strip()[:80], prefix=raw[:10], key_hash=key_hash(raw))
    return key, raw


def api_key_revoke(*, key: ApiKey) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


def key_for(raw: str) -> ApiKey | None:
    """The live key matching `raw`, with its owner; None for unknown, revoked or inactive."""
    if not raw.startswith(KEY_PREFIX) or len(raw) > 100:
        return None
    key = ApiKey.objects.select_related("owner").filter(key_hash=key_hash(raw), revoked_at__isnull=True).first()
    if key is None or not key.owner.is_active:
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key


def rate_limit_wait(key: ApiKey) -> int:
    """Seconds to wait before the next call, or 0 when this call is within the key's limit."""
    limit = settings.API_KEY_RATE_LIMIT
    window = settings.API_KEY_RATE_WINDOW
    now = time.time()
    bucket = int(now // window)
    cache_key = f"api-rate:{key.pk}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        used = 1
    if used <= limit:
        return 0
    return max(1, int((bucket + 1) * window - now) + 1)
