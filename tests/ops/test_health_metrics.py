"""/healthz, /readyz, /metrics, JSON logs with request ids, Sentry."""

import datetime as dt
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.health import SCHEDULER, WORKER
from core.models import Heartbeat
from lib.logs import JsonFormatter, RequestIdFilter
from newsletters.models import Delivery

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def fresh_heartbeats() -> None:
    call_command("heartbeat")  # the scheduler's, and (tasks run inline in tests) the worker's


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200


def test_readyz_is_ready_when_every_part_answers(client):
    fresh_heartbeats()
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "queue", WORKER, SCHEDULER}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_names_a_stale_worker(client, settings):
    fresh_heartbeats()
    Heartbeat.objects.filter(name=WORKER).update(beat_at=timezone.now() - dt.timedelta(hours=1))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "failing: worker"
    assert response.json()["checks"][WORKER]["detail"] == "last heartbeat 3600 s ago (limit 300 s)"


def test_readyz_says_when_the_scheduler_never_ran(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"][SCHEDULER] == {"ok": False, "detail": "no heartbeat yet"}


def test_readyz_names_a_broken_cache(client, settings):
    fresh_heartbeats()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "failing: cache"


def test_readyz_names_a_long_queue(client, settings):
    fresh_heartbeats()
    settings.READY_MAX_QUEUE_DEPTH = 0
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "queue" in response.json()["status"]


def test_metrics_are_off_without_a_token_and_refused_with_a_wrong_one(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401


def metric(text: str, prefix: str) -> float:
    lines = [line for line in text.splitlines() if line.startswith(prefix)]
    assert lines, f"{prefix} not in metrics"
    return float(lines[0].rsplit(" ", 1)[1])


def test_metrics_count_requests_by_route_and_report_emails_and_queue(client, settings, site):
    settings.METRICS_TOKEN = "s3cret-token"
    auth = {"Authorization": "Bearer s3cret-token"}
    before = client.get("/metrics", headers=auth).content.decode()
    searches = 'newsdesk_http_requests_total{method="GET",route="search",status="200"}'
    start = metric(before, searches) if searches in before else 0.0
    for _ in range(3):
        client.get("/search/")
    fresh_heartbeats()
    text = client.get("/metrics", headers=auth).content.decode()
    assert metric(text, searches) == start + 3
    assert metric(text, 'newsdesk_http_request_duration_seconds_count{route="search"}') >= 3
    assert metric(text, "newsdesk_queue_depth") == 0
    assert metric(text, 'newsdesk_heartbeat_age_seconds{process="worker"}') < 60
    sent = metric(text, 'newsdesk_newsletter_emails{state="sent"}')
    assert sent == Delivery.objects.filter(state="sent").count()
    assert metric(text, "newsdesk_newsletter_emails_bounced") == 0


def test_a_failed_webhook_is_counted(client, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    settings.ANYMAIL = {"WEBHOOK_SECRET": "user:pass"}
    auth = {"Authorization": "Bearer s3cret-token"}
    label = 'newsdesk_webhook_failures_total{route="postmark_tracking_webhook"}'
    before = client.get("/metrics", headers=auth).content.decode()
    start = metric(before, label) if label in before else 0.0
    client.post("/anymail/postmark/tracking/", data="{}", content_type="application/json")  # no credentials
    text = client.get("/metrics", headers=auth).content.decode()
    assert metric(text, label) == start + 1


def test_every_response_carries_a_request_id_and_keeps_a_sane_one_from_the_proxy(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "proxy-1234abcd"})["X-Request-ID"] == "proxy-1234abcd"
    assert client.get("/healthz", headers={"X-Request-ID": "bad id\nforged"})["X-Request-ID"] != "bad id\nforged"


def test_log_lines_are_json_with_time_level_logger_and_request_id(client, caplog):
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    lines: list[str] = []
    handler.emit = lambda record: lines.append(handler.format(record))  # type: ignore[method-assign]
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/no-such-page-here/", headers={"X-Request-ID": "trace-0001abcd"})
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    entry = json.loads(lines[-1])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["request_id"] == "trace-0001abcd"
    assert entry["time"].endswith("+00:00")
    assert "Not Found" in entry["message"]


def test_sentry_reports_an_error_when_a_dsn_is_set(tmp_path):
    # A separate process, so the SDK's global set-up stays out of this one.
    script = tmp_path / "sentry_probe.py"
    script.write_text(
        "import os, django\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'\n"
        "django.setup()\n"
        "import sentry_sdk\n"
        "sent = []\n"
        "client = sentry_sdk.get_client()\n"
        "client.transport.capture_envelope = lambda envelope: sent.append(envelope)\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    sentry_sdk.capture_exception()\n"
        "sentry_sdk.flush()\n"
        "print(client.dsn, len(sent), [item.type for e in sent for item in e.items])\n"
    )
    env = {"SENTRY_DSN": "https://public@sentry.example.com/1", "PATH": "/usr/bin:/bin", "VAR_DIR": str(tmp_path)}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "https://public@sentry.example.com/1 1 ['event']" in result.stdout
