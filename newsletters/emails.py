"""Transactional emails of the newsletters app (sent from DEFAULT_FROM_EMAIL, apart from bulk mail)."""

from django.conf import settings
from django.urls import reverse

from lib.emails import send_templated_email
from newsletters.models import Subscriber, Subscription
from newsletters.tokens import confirm_token_make


def send_confirmation(*, subscriber: Subscriber) -> None:
    pending = subscriber.subscriptions.select_related("newsletter").filter(status=Subscription.Status.PENDING)
    newsletters = [s.newsletter for s in pending]
    if not newsletters:
        return
    confirm_url = settings.SITE_URL + reverse("newsletters:confirm", args=[confirm_token_make(subscriber)])
    send_templated_email(
        template="newsletters_confirm",
        to=[subscriber.email],
        context={
            "subscriber": subscriber,
            "newsletters": newsletters,
            "confirm_url": confirm_url,
            "days": settings.NEWSLETTER_CONFIRM_DAYS,
        },
    )
