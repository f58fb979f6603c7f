"""At scale the cache and the task queue live in Redis (REDIS_URL)."""

import os

import pytest

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (set REDIS_URL)")


def test_settings_choose_redis_for_the_cache_and_rq_for_tasks():
    import config.settings as conf

    assert conf.CACHES["default"]["BACKEND"] == "core.cache.TolerantRedisCache"
    assert conf.TASKS["default"]["BACKEND"] == "core.task_backends.HoldingRQBackend"
    assert conf.RQ_QUEUES["default"]["URL"] == os.environ["REDIS_URL"]


def test_the_redis_cache_counts_atomically_across_clients():
    from django.core.cache.backends.redis import RedisCache

    first = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "newsdesk-test"})
    second = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "newsdesk-test"})
    first.set("counter", 0)
    for _ in range(5):
        first.incr("counter")
        second.incr("counter")
    assert second.get("counter") == 10
    first.delete("counter")


def test_a_page_cache_invalidation_reaches_every_process_sharing_redis(settings):
    from django.core.cache.backends.redis import RedisCache

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "newsdesk-test",
        }
    }
    from lib.page_cache import generation, invalidate_all

    before = generation()
    other_process_view = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "newsdesk-test"})
    invalidate_all()
    assert other_process_view.get("page-cache:generation") == before + 1
