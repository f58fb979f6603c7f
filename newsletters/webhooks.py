"""Bounces, complaints and unsubscribes reported by an email service provider.

django-anymail's tracking webhook views check the request (basic auth with
ANYMAIL_WEBHOOK_SECRET, plus each provider's own signature where it has one)
and send the `tracking` signal, handled here.
"""

from functools import wraps
from typing import Any

from anymail import urls as anymail_urls
from anymail.signals import AnymailTrackingEvent, tracking
from django.conf import settings
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.views.decorators.csrf import csrf_exempt

from newsletters.models import Subscription, Suppression
from newsletters.services import subscription_unsubscribe, suppression_add

SUPPRESSING_EVENTS = {
    "bounced": Suppression.Reason.BOUNCED,
    "rejected": Suppression.Reason.REJECTED,
    "complained": Suppression.Reason.COMPLAINED,
}


@receiver(tracking, dispatch_uid="newsletters.tracking")
def handle_tracking_event(sender: Any, event: AnymailTrackingEvent, esp_name: str, **kwargs: Any) -> None:
    email = (event.recipient or "").strip().lower()
    if not email:
        return
    detail = f"{esp_name}: {event.event_type} {event.reject_reason or ''} {event.description or ''}".strip()
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason is not None:
        suppression_add(email=email, reason=reason, detail=detail, message_id=event.message_id or "")
    elif event.event_type == "unsubscribed":
        for subscription in Subscription.objects.filter(subscriber__email=email).select_related(
            "subscriber", "newsletter"
        ):
            subscription_unsubscribe(subscription=subscription, source=f"{esp_name} unsubscribe")


def _require_secret(view: Any) -> Any:
    """Anymail accepts unauthenticated webhooks (with a warning) when no secret is set; we refuse them."""

    @csrf_exempt
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
            return HttpResponse("Webhooks are not configured (set ANYMAIL_WEBHOOK_SECRET).", status=404)
        return view(request, *args, **kwargs)

    return guarded


def _tracking_urlpatterns() -> list[Any]:
    patterns = []
    for pattern in anymail_urls.urlpatterns:
        if isinstance(pattern, URLPattern) and "tracking" in (pattern.name or ""):
            patterns.append(URLPattern(pattern.pattern, _require_secret(pattern.callback), name=pattern.name))
    return patterns


urlpatterns = _tracking_urlpatterns()
