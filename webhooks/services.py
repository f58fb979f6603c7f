"""Recording events for each subscribed endpoint, and delivering them with retries."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable
from typing import Any

import requests
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from webhooks.models import Delivery, Endpoint
from webhooks.signing import headers as signed_headers

# Seconds to wait after each failed attempt: about a day in all, then give up.
BACKOFF = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600]
TIMEOUT_SECONDS = 10


def webhook_event_record(*, event: str, data: dict[str, Any]) -> list[Delivery]:
    """One delivery per active endpoint that asked for `event` (the caller enqueues them)."""
    body = json.dumps(
        {"type": event, "timestamp": timezone.now().isoformat(), "data": data}, cls=DjangoJSONEncoder, sort_keys=True
    )
    endpoints = [e for e in Endpoint.objects.filter(is_active=True) if event in (e.events or [])]
    return [Delivery.objects.create(endpoint=e, event=event, body=body) for e in endpoints]


def webhook_events_record(*, event: str, items: Iterable[Any], data: Callable[[Any], dict[str, Any]]) -> list[Delivery]:
    """The bulk form for many items at once (e.g. an imported batch): endpoints are read once, the
    payloads are built only when an endpoint wants `event`, and the deliveries are one insert."""
    endpoints = [e for e in Endpoint.objects.filter(is_active=True) if event in (e.events or [])]
    if not endpoints:
        return []
    stamp = timezone.now().isoformat()
    bodies = [
        json.dumps({"type": event, "timestamp": stamp, "data": data(item)}, cls=DjangoJSONEncoder, sort_keys=True)
        for item in items
    ]
    return Delivery.objects.bulk_create(Delivery(endpoint=e, event=event, body=b) for b in bodies for e in endpoints)


Poster = Callable[[str, str, dict[str, str]], int]


def _post(url: str, body: str, headers: dict[str, str]) -> int:
    response = requests.post(url, data=body.encode(), headers=headers, timeout=TIMEOUT_SECONDS, allow_redirects=False)
    return response.status_code


def webhook_delivery_attempt(*, delivery_id: int, post: Poster = _post) -> str:
    """Send one delivery if it is due; the row is claimed first so two workers never both send it.

    After a failure the row waits until `next_attempt_at`; the caller schedules that attempt."""
    now = timezone.now()
    claimed = Delivery.objects.filter(pk=delivery_id, state=Delivery.State.PENDING, next_attempt_at__lte=now).update(
        state=Delivery.State.SENDING
    )
    if claimed != 1:
        return "skipped"
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    sent_headers = signed_headers(
        secret=endpoint.secret, message_id=delivery.message_id, timestamp=int(time.time()), body=delivery.body
    )
    status: int | None = None
    error = ""
    try:
        status = post(endpoint.url, delivery.body, sent_headers)
        if not 200 <= status < 300:
            error = f"The receiver answered HTTP {status}."
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"[:300]
    attempts = delivery.attempts + 1
    if not error:
        Delivery.objects.filter(pk=delivery_id).update(
            state=Delivery.State.SUCCEEDED, attempts=attempts, last_status=status, last_error="", delivered_at=now
        )
        return Delivery.State.SUCCEEDED
    if attempts > len(BACKOFF) or not endpoint.is_active:
        Delivery.objects.filter(pk=delivery_id).update(
            state=Delivery.State.FAILED, attempts=attempts, last_status=status, last_error=error
        )
        return Delivery.State.FAILED
    when = now + dt.timedelta(seconds=BACKOFF[attempts - 1])
    Delivery.objects.filter(pk=delivery_id).update(
        state=Delivery.State.PENDING, attempts=attempts, last_status=status, last_error=error, next_attempt_at=when
    )
    return Delivery.State.PENDING


def webhook_delivery_replay(*, delivery: Delivery, by: Any = None) -> Delivery:
    """A new delivery of the same event and body (a new message id, so receivers see it as new)."""
    replay = Delivery.objects.create(
        endpoint=delivery.endpoint, event=delivery.event, body=delivery.body, replay_of=delivery, replayed_by=by
    )
    return replay
