"""A Redis cache that a Redis outage turns into cache misses instead of errors.

Pages, sign-in throttles and the page cache read and write through it; while
Redis is down every read misses, every write is dropped and `incr` raises
ValueError (a missing key, which callers already handle), so the site keeps
serving from the database. /readyz still reports the cache as down.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError)
_last_warning = 0.0


def _warn(error: Exception) -> None:
    global _last_warning  # one warning per process per ten seconds, not one per call
    now = time.monotonic()
    if now - _last_warning > 10:
        _last_warning = now
        logger.warning("cache unreachable, serving without it: %s", error)


class TolerantRedisCache(RedisCache):
    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except OUTAGE as error:
            _warn(error)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except OUTAGE as error:
            _warn(error)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except OUTAGE as error:
            _warn(error)
            return False

    def set(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> None:  # type: ignore[override]
        try:
            super().set(key, value, timeout, version)
        except OUTAGE as error:
            _warn(error)

    def set_many(self, data: dict[Any, Any], timeout: Any = 300, version: int | None = None) -> list[Any]:  # type: ignore[override]
        try:
            return super().set_many(data, timeout, version)
        except OUTAGE as error:
            _warn(error)
            return list(data)

    def add(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> bool:  # type: ignore[override]
        try:
            return super().add(key, value, timeout, version)
        except OUTAGE as error:
            _warn(error)
            return False

    def touch(self, key: Any, timeout: Any = 300, version: int | None = None) -> bool:  # type: ignore[override]
        try:
            return super().touch(key, timeout, version)
        except OUTAGE as error:
            _warn(error)
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except OUTAGE as error:
            _warn(error)
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)") from error

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except OUTAGE as error:
            _warn(error)
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except OUTAGE as error:
            _warn(error)

    def clear(self) -> None:
        try:
            super().clear()
        except OUTAGE as error:
            _warn(error)
