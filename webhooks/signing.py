"""Standard Webhooks signatures: HMAC-SHA256 over "id.timestamp.body" with the endpoint's secret."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

TOLERANCE_SECONDS = 5 * 60


class BadSignature(ValueError):
    pass


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix("whsec_"))


def sign(*, secret: str, message_id: str, timestamp: int, body: str) -> str:
    digest = hmac.new(_key(secret), f"{message_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(*, secret: str, message_id: str, timestamp: int, body: str) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret=secret, message_id=message_id, timestamp=timestamp, body=body),
        "content-type": "application/json",
    }


def verify(*, secret: str, headers: dict[str, str], body: str, now: float | None = None) -> None:
    """What a receiver does: raises BadSignature unless one signature matches and the time is recent."""
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        message_id, timestamp = lowered["webhook-id"], int(lowered["webhook-timestamp"])
        offered = lowered["webhook-signature"].split()
    except (KeyError, ValueError) as exc:
        raise BadSignature("missing or malformed webhook headers") from exc
    if abs((now or time.time()) - timestamp) > TOLERANCE_SECONDS:
        raise BadSignature("timestamp outside the tolerance")
    expected = sign(secret=secret, message_id=message_id, timestamp=timestamp, body=body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in offered):
        raise BadSignature("no matching signature")
