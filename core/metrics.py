"""Prometheus metrics at /metrics, for a scraper holding METRICS_TOKEN.

Counted in the web processes (summed across gunicorn workers through
PROMETHEUS_MULTIPROC_DIR, which gunicorn.conf.py sets up):
  newsdesk_http_requests_total{route,method,status}
  newsdesk_http_request_duration_seconds{route}
  newsdesk_page_cache_requests_total{result="hit"|"miss"}   (hit ratio = hit / (hit + miss))
  newsdesk_webhook_failures_total{route}                   (webhook answered 4xx/5xx)
Read at scrape time:
  newsdesk_queue_depth, newsdesk_heartbeat_age_seconds{process},
  newsdesk_cache_hit_ratio (Redis keyspace hits / lookups, with REDIS_URL),
  and whatever the apps listed in METRICS_SOURCES report (emails sent, failed, bounced).
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector

from core.health import heartbeat_ages, queue_depth

log = logging.getLogger(__name__)

REQUESTS = Counter("newsdesk_http_requests", "HTTP requests answered", ["route", "method", "status"])
LATENCY = Histogram(
    "newsdesk_http_request_duration_seconds",
    "Time to answer a request",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
PAGE_CACHE = Counter("newsdesk_page_cache_requests", "Anonymous page-cache lookups", ["result"])
WEBHOOK_FAILURES = Counter("newsdesk_webhook_failures", "Webhook requests answered with an error", ["route"])

# One metric a source reports: (name, help, labels, value).
Sample = tuple[str, str, dict[str, str], float]


def _route(request: HttpRequest, response: HttpResponse) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or "unnamed"
    if response.get("X-Page-Cache") == "hit":
        return "page_cache"
    return "unmatched"


def metrics_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = get_response(request)
        route = _route(request, response)
        REQUESTS.labels(route, request.method or "", str(response.status_code)).inc()
        LATENCY.labels(route).observe(time.perf_counter() - started)
        cached = response.get("X-Page-Cache")
        if cached in ("hit", "miss"):
            PAGE_CACHE.labels(cached).inc()
        if ("webhook" in route or "tracking" in route) and response.status_code >= 400:
            WEBHOOK_FAILURES.labels(route).inc()
        return response

    return middleware


def _redis_hit_ratio() -> float | None:
    if not settings.REDIS_URL:
        return None
    import redis  # only with Redis configured: the URLconf loads this module in every process

    stats = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).info("stats")
    lookups = int(stats.get("keyspace_hits", 0)) + int(stats.get("keyspace_misses", 0))
    return int(stats.get("keyspace_hits", 0)) / lookups if lookups else None


class StateCollector:
    """Values read when scraped, from the database, the queue and the apps' sources."""

    def collect(self) -> Iterator[Metric]:
        queue = GaugeMetricFamily("newsdesk_queue_depth", "Background tasks waiting to run")
        queue.add_metric([], queue_depth())
        yield queue
        ages = GaugeMetricFamily(
            "newsdesk_heartbeat_age_seconds", "Seconds since a background process's heartbeat", labels=["process"]
        )
        for name, age in heartbeat_ages().items():
            ages.add_metric([name], float("inf") if age is None else age)
        yield ages
        try:
            ratio = _redis_hit_ratio()
        except Exception as error:
            log.warning("cache hit ratio unavailable: %r", error)
            ratio = None
        if ratio is not None:
            cache_ratio = GaugeMetricFamily("newsdesk_cache_hit_ratio", "Share of cache lookups that found a value")
            cache_ratio.add_metric([], ratio)
            yield cache_ratio
        yield from _source_metrics()


def _source_metrics() -> Iterable[Metric]:
    grouped: dict[str, tuple[str, list[tuple[dict[str, str], float]]]] = {}
    for path in settings.METRICS_SOURCES:
        for name, documentation, labels, value in import_string(path)():
            grouped.setdefault(name, (documentation, []))[1].append((labels, value))
    for name, (documentation, samples) in grouped.items():
        label_names = sorted({key for labels, _ in samples for key in labels})
        family = GaugeMetricFamily(name, documentation, labels=label_names)
        values: dict[tuple[str, ...], float] = defaultdict(float)
        for labels, value in samples:
            values[tuple(labels.get(key, "") for key in label_names)] += value
        for key, value in values.items():
            family.add_metric(list(key), value)
        yield family


def _authorised(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    offered = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(offered.encode(), token.encode())


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    if not settings.METRICS_TOKEN:
        return HttpResponse("Metrics are off: set METRICS_TOKEN.\n", status=404, content_type="text/plain")
    if not _authorised(request):
        response = HttpResponse("Send Authorization: Bearer <METRICS_TOKEN>.\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    state = CollectorRegistry(auto_describe=True)
    state.register(StateCollector())  # type: ignore[arg-type]
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        MultiProcessCollector(counted)
    else:
        counted = REGISTRY
    body = generate_latest(counted) + generate_latest(state)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
