"""While Redis is unreachable the cache misses instead of failing (the drills show the whole site)."""

import pytest

from core.cache import TolerantRedisCache
from tests.ops.test_drills import free_port


@pytest.fixture
def unreachable_cache() -> TolerantRedisCache:
    # A port where nothing listens: every call meets a refused connection.
    return TolerantRedisCache(f"redis://127.0.0.1:{free_port()}/0", {"KEY_PREFIX": "outage"})


def test_reads_miss_and_writes_are_dropped(unreachable_cache):
    unreachable_cache.set("page", "html")
    assert unreachable_cache.get("page") is None
    assert unreachable_cache.get("page", "fallback") == "fallback"
    assert unreachable_cache.get_many(["a", "b"]) == {}
    assert unreachable_cache.add("page", "html") is False
    assert unreachable_cache.has_key("page") is False
    assert unreachable_cache.delete("page") is False
    assert unreachable_cache.get_or_set("built", lambda: "fresh") == "fresh"


def test_a_counter_reads_as_missing_so_callers_fall_back(unreachable_cache):
    with pytest.raises(ValueError, match="unreachable"):
        unreachable_cache.incr("signups")
