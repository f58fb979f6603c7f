"""Stripe, through stripe-python, behind a few plain functions.

Every function returns plain dicts. Every POST carries an idempotency key
chosen by the caller from what it is doing (so a retried request, a double
click or a re-run command never creates a second customer or session).
`STRIPE_API_BASE` points the client at another host (tests use a local fake).
"""

from __future__ import annotations

import json
import time
from typing import Any

import stripe
from django.conf import settings

WEBHOOK_TOLERANCE_SECONDS = 300


class BillingNotConfigured(Exception):
    """STRIPE_SECRET_KEY is not set."""


class BillingError(Exception):
    """Stripe refused or could not be reached; the message is safe to show."""


def configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def _client() -> stripe.StripeClient:
    if not configured():
        raise BillingNotConfigured("Billing is not configured on this site.")
    base = settings.STRIPE_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base} if base else None,  # type: ignore[typeddict-item]
        max_network_retries=2,
    )


def _plain(obj: Any) -> dict[str, Any]:
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


def _call(method: Any, params: dict[str, Any], idempotency_key: str | None = None) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if idempotency_key:
        options["idempotency_key"] = idempotency_key
    try:
        return _plain(method(params=params, options=options) if options else method(params=params))
    except stripe.StripeError as error:
        raise BillingError(error.user_message or "The payment service refused the request.") from error


def customer_create(*, email: str, name: str, metadata: dict[str, str], idempotency_key: str) -> dict[str, Any]:
    client = _client()
    return _call(client.v1.customers.create, {"email": email, "name": name, "metadata": metadata}, idempotency_key)


def checkout_session_create(
    *,
    customer: str,
    line_item: dict[str, Any],
    trial_days: int,
    success_url: str,
    cancel_url: str,
    metadata: dict[str, str],
    idempotency_key: str,
) -> dict[str, Any]:
    subscription_data: dict[str, Any] = {"metadata": metadata}
    if trial_days:
        subscription_data["trial_period_days"] = trial_days
    params = {
        "mode": "subscription",
        "customer": customer,
        "line_items": [line_item],
        "success_url": success_url,
        "cancel_url": cancel_url,
        "client_reference_id": metadata.get("checkout", ""),
        "metadata": metadata,
        "subscription_data": subscription_data,
        "allow_promotion_codes": True,
    }
    return _call(_client().v1.checkout.sessions.create, params, idempotency_key)


def checkout_session_retrieve(session_id: str) -> dict[str, Any]:
    client = _client()
    try:
        return _plain(client.v1.checkout.sessions.retrieve(session_id))
    except stripe.StripeError as error:
        raise BillingError("That checkout could not be found.") from error


def portal_session_create(*, customer: str, return_url: str, idempotency_key: str) -> dict[str, Any]:
    return _call(
        _client().v1.billing_portal.sessions.create,
        {"customer": customer, "return_url": return_url},
        idempotency_key,
    )


def subscription_retrieve(subscription_id: str) -> dict[str, Any]:
    client = _client()
    try:
        return _plain(client.v1.subscriptions.retrieve(subscription_id))
    except stripe.StripeError as error:
        raise BillingError("That subscription could not be read from Stripe.") from error


def subscription_quantity_update(
    *, subscription: dict[str, Any], quantity: int, idempotency_key: str
) -> dict[str, Any]:
    """Change a team's seat count; Stripe prorates the difference."""
    item = subscription["items"]["data"][0]
    params = {
        "items": [{"id": item["id"], "quantity": quantity}],
        "proration_behavior": "create_prorations",
    }
    client = _client()
    return _call(
        lambda params, options: client.v1.subscriptions.update(subscription["id"], params=params, options=options),
        params,
        idempotency_key,
    )


def _refuse_future_timestamp(signature: str) -> None:
    """stripe-python only refuses signatures older than the tolerance; a
    timestamp far ahead of our clock is refused the same way (a replay window
    must not be stretched by a forged or skewed clock)."""
    stamps = [part.split("=", 1)[1] for part in signature.split(",") if part.strip().startswith("t=")]
    try:
        stamp = int(stamps[0].strip())
    except (IndexError, ValueError):
        raise stripe.SignatureVerificationError("No timestamp in the signature header", signature) from None
    if stamp > time.time() + WEBHOOK_TOLERANCE_SECONDS:
        raise stripe.SignatureVerificationError("Timestamp is in the future", signature)


def event_verify(*, payload: bytes, signature: str) -> dict[str, Any]:
    """The event, if `signature` is Stripe's for this raw body within 300 s
    either side of now.

    Raises ValueError for a bad body and stripe.SignatureVerificationError for
    a forged, stale or missing signature.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise BillingNotConfigured("STRIPE_WEBHOOK_SECRET is not set.")
    stripe.Webhook.construct_event(payload, signature, secret, tolerance=WEBHOOK_TOLERANCE_SECONDS)
    _refuse_future_timestamp(signature)
    event = json.loads(payload)
    if not isinstance(event, dict) or not isinstance(event.get("data"), dict):
        raise ValueError("not an event")
    return event
