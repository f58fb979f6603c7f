"""Cache backends for what one process may keep to itself."""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache


class WriteOnceLocMemCache(LocMemCache):
    """In-process memory that ignores a write to a key it already holds.

    Wagtail stores an image rendition in its cache every time a page asks for
    one, even when it has just read it from there: dozens of writes per page.
    A rendition, once made, does not change under its key, so the repeat
    writes are skipped.
    """

    def set(self, key: Any, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        if not self.has_key(key, version=version):
            super().set(key, value, timeout, version)

    def set_many(
        self, data: dict[Any, Any], timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        for key, value in data.items():
            self.set(key, value, timeout, version)
        return []
