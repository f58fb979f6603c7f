"""The signed token in a newsletter confirmation link."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing

from newsletters.models import Subscriber

CONFIRM_SALT = "newsletters.confirm"


def confirm_token_make(subscriber: Subscriber) -> str:
    return signing.dumps(subscriber.token, salt=CONFIRM_SALT, compress=False)


def confirm_token_read(token: str) -> Subscriber:
    """The subscriber a confirmation link is for; raises signing.SignatureExpired/BadSignature, DoesNotExist."""
    max_age = dt.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)
    value = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    return Subscriber.objects.get(token=value)
