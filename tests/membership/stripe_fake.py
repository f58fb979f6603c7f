"""A local fake of the few Stripe endpoints Newsdesk uses, over real HTTP.

stripe-python talks to it through STRIPE_API_BASE. It keeps customers,
checkout sessions and subscriptions in memory, remembers idempotency keys like
Stripe does, and signs webhook events with Stripe's real scheme.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import time
from typing import Any
from urllib.parse import parse_qsl

from werkzeug import Request, Response

WEBHOOK_SECRET = "whsec_test_secret"
DAY = 86_400


def sign(payload: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _nest(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding (a[b][0][c]=x) back into nested dicts/lists."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node: Any = root
        for position, part in enumerate(parts):
            last = position == len(parts) - 1
            nxt = parts[position + 1] if not last else None
            if isinstance(node, list):
                index = int(part)
                while len(node) <= index:
                    node.append({} if nxt is not None and not nxt.isdigit() else [] if nxt else None)
                if last:
                    node[index] = value
                else:
                    if node[index] is None:
                        node[index] = [] if nxt.isdigit() else {}  # type: ignore[union-attr]
                    node = node[index]
            else:
                if last:
                    node[part] = value
                else:
                    node = node.setdefault(part, [] if nxt.isdigit() else {})  # type: ignore[union-attr]
    return root


class StripeFake:
    def __init__(self, httpserver: Any) -> None:
        self.server = httpserver
        self.ids = itertools.count(1)
        self.customers: dict[str, dict[str, Any]] = {}
        self.sessions: dict[str, dict[str, Any]] = {}
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.idempotent: dict[str, tuple[int, str]] = {}
        self.posts: list[tuple[str, dict[str, Any], str | None]] = []
        self.portal_return: dict[str, str] = {}
        self.down = False
        routes = [
            ("POST", r"^/v1/customers$", self.customer_create),
            ("POST", r"^/v1/checkout/sessions$", self.session_create),
            ("GET", r"^/v1/checkout/sessions/[^/]+$", self.session_retrieve),
            ("POST", r"^/v1/billing_portal/sessions$", self.portal_create),
            ("GET", r"^/v1/subscriptions/[^/]+$", self.subscription_retrieve),
            ("POST", r"^/v1/subscriptions/[^/]+$", self.subscription_update),
            ("GET", r"^/checkout/[^/]+$", self.checkout_page),
            ("GET", r"^/portal/[^/]+$", self.portal_page),
        ]
        for method, pattern, handler in routes:
            httpserver.expect_request(re.compile(pattern), method=method).respond_with_handler(self._wrap(handler))

    @property
    def url(self) -> str:
        return self.server.url_for("").rstrip("/")

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_{next(self.ids):06d}"

    def _wrap(self, handler: Any) -> Any:
        def respond(request: Request) -> Response:
            if self.down and request.path.startswith("/v1/"):
                return Response(json.dumps({"error": {"message": "down"}}), status=500)
            key = request.headers.get("Idempotency-Key")
            if request.method == "POST":
                params = _nest(parse_qsl(request.get_data(as_text=True), keep_blank_values=True))
                self.posts.append((request.path, params, key))
                if key and key in self.idempotent:
                    status, body = self.idempotent[key]
                    return Response(body, status=status, content_type="application/json")
            else:
                params = {}
            result = handler(request, params)
            if isinstance(result, Response):
                return result
            body = json.dumps(result)
            if request.method == "POST" and key:
                self.idempotent[key] = (200, body)
            return Response(body, status=200, content_type="application/json")

        return respond

    # API ------------------------------------------------------------------

    def customer_create(self, request: Request, params: dict[str, Any]) -> dict[str, Any]:
        customer_id = self.new_id("cus")
        customer = {"id": customer_id, "object": "customer", "email": params.get("email")}
        self.customers[customer_id] = customer
        return customer

    def session_create(self, request: Request, params: dict[str, Any]) -> dict[str, Any]:
        session_id = self.new_id("cs_test")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "customer": params["customer"],
            "status": "open",
            "subscription": None,
            "metadata": params.get("metadata", {}),
            "success_url": params["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id),
            "url": f"{self.url}/checkout/{session_id}",
            "_params": params,
        }
        self.sessions[session_id] = session
        return session

    def session_retrieve(self, request: Request, params: dict[str, Any]) -> Any:
        session = self.sessions.get(request.path.rsplit("/", 1)[-1])
        if session is None:
            return Response(json.dumps({"error": {"message": "No such session"}}), status=404)
        return {k: v for k, v in session.items() if not k.startswith("_")}

    def portal_create(self, request: Request, params: dict[str, Any]) -> dict[str, Any]:
        session_id = self.new_id("bps")
        self.portal_return[session_id] = params["customer"] + "|" + params["return_url"]
        return {"id": session_id, "object": "billing_portal.session", "url": f"{self.url}/portal/{session_id}"}

    def subscription_retrieve(self, request: Request, params: dict[str, Any]) -> Any:
        subscription = self.subscriptions.get(request.path.rsplit("/", 1)[-1])
        if subscription is None:
            return Response(json.dumps({"error": {"message": "No such subscription"}}), status=404)
        return subscription

    def subscription_update(self, request: Request, params: dict[str, Any]) -> Any:
        subscription = self.subscriptions[request.path.rsplit("/", 1)[-1]]
        for item in params.get("items", []):
            subscription["items"]["data"][0]["quantity"] = int(item["quantity"])
        if "cancel_at_period_end" in params:
            subscription["cancel_at_period_end"] = params["cancel_at_period_end"] == "true"
        return subscription

    # Pages a browser visits -------------------------------------------------

    def checkout_page(self, request: Request, params: dict[str, Any]) -> Response:
        """Stands in for Stripe Checkout: pays at once and sends the buyer back."""
        session = self.sessions[request.path.rsplit("/", 1)[-1]]
        self.complete(session["id"])
        return Response(status=303, headers={"Location": session["success_url"]})

    def portal_page(self, request: Request, params: dict[str, Any]) -> Response:
        """Stands in for the customer portal: the member cancels, then returns."""
        customer, return_url = self.portal_return[request.path.rsplit("/", 1)[-1]].split("|", 1)
        for subscription in self.subscriptions.values():
            if subscription["customer"] == customer:
                subscription["cancel_at_period_end"] = True
        return Response(status=303, headers={"Location": return_url})

    # Driving the fake from tests --------------------------------------------

    def complete(self, session_id: str) -> dict[str, Any]:
        session = self.sessions[session_id]
        if session["subscription"]:
            return self.subscriptions[session["subscription"]]
        params = session["_params"]
        data = params.get("subscription_data", {})
        trial_days = int(data.get("trial_period_days") or 0)
        now = int(time.time())
        line = params["line_items"][0]
        subscription = {
            "id": self.new_id("sub"),
            "object": "subscription",
            "customer": session["customer"],
            "status": "trialing" if trial_days else "active",
            "metadata": data.get("metadata", {}),
            "trial_end": now + trial_days * DAY if trial_days else None,
            "cancel_at_period_end": False,
            "cancel_at": None,
            "items": {
                "object": "list",
                "data": [
                    {
                        "id": self.new_id("si"),
                        "object": "subscription_item",
                        "quantity": int(line.get("quantity", 1)),
                        "current_period_end": now + (trial_days * DAY if trial_days else 365 * DAY),
                    }
                ],
            },
        }
        self.subscriptions[subscription["id"]] = subscription
        session.update(status="complete", subscription=subscription["id"])
        return subscription

    def event(self, event_type: str, obj: dict[str, Any], created: int | None = None) -> dict[str, Any]:
        return {
            "id": self.new_id("evt"),
            "object": "event",
            "type": event_type,
            "created": created or int(time.time()),
            "data": {"object": json.loads(json.dumps({k: v for k, v in obj.items() if not k.startswith("_")}))},
        }


def post_event(client: Any, event: dict[str, Any], secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> Any:
    payload = json.dumps(event).encode()
    return client.post(
        "/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(payload, secret, timestamp),
    )
