"""Sign-in links: an emailed link whose page asks for one click to sign in.

The secret is 256 random bits; only its SHA-256 is stored. A link lives ten
minutes and works once, and only a POST spends it, so mail scanners that open
links do not sign anyone in or burn the link. Known and unknown addresses get
the same answer and the same work (an unknown address gets a link that creates
its account, i.e. sign-up by link).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.utils import perform_login
from allauth.core import ratelimit
from allauth.utils import generate_unique_username
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from lib.emails import send_templated_email
from membership.models import SignInToken
from membership.services import MembershipError, absolute, account_claim, account_is_claimed, token_hash


class RateLimited(MembershipError):
    status = 429


def safe_next(request: HttpRequest, next_url: str) -> str:
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return next_url
    return ""


def link_request(*, request: HttpRequest, email: str, next_url: str = "") -> None:
    """Email a sign-in link to `email`, whoever it belongs to."""
    email = email.strip().lower()
    if not ratelimit.consume(request, action="request_login_link", key=email):
        raise RateLimited("Too many sign-in links were asked for. Please wait a while and try again.")
    raw = secrets.token_urlsafe(32)
    SignInToken.objects.create(
        email=email,
        token_hash=token_hash(raw),
        next_url=safe_next(request, next_url)[:500],
        expires_at=timezone.now() + dt.timedelta(minutes=settings.SIGNIN_LINK_MINUTES),
    )
    send_templated_email(
        template="membership_signin_link",
        to=[email],
        context={"url": absolute(f"/accounts/link/{raw}/"), "minutes": settings.SIGNIN_LINK_MINUTES},
    )


def link_find(*, raw_token: str) -> SignInToken:
    token = SignInToken.objects.filter(token_hash=token_hash(raw_token)).first()
    if token is None or token.used_at is not None:
        raise MembershipError("This sign-in link has already been used or is not valid. Ask for a new one.", 410)
    if token.expires_at <= timezone.now():
        raise MembershipError("This sign-in link has expired (links last ten minutes). Ask for a new one.", 410)
    return token


def _user_for(email: str) -> Any:
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if address is not None:
        if not address.verified:
            if not account_is_claimed(user=address.user):
                # Whoever created this account may not own the address: the
                # owner's first sign-in leaves nothing of theirs behind.
                account_claim(user=address.user, email=address.email)
            address.verified = True
            address.save(update_fields=["verified"])
        return address.user
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_model.objects.create_user(username=_free_username(email), email=email)
        user.set_unusable_password()
        user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _free_username(email: str) -> str:
    return generate_unique_username([email.split("@")[0], email, "reader"])


def link_consume(*, request: HttpRequest, raw_token: str) -> HttpResponse:
    """Spend the link (once) and sign its owner in; the session key is rotated."""
    with transaction.atomic():
        token = link_find(raw_token=raw_token)
        spent = SignInToken.objects.filter(pk=token.pk, used_at__isnull=True, expires_at__gt=timezone.now()).update(
            used_at=timezone.now()
        )
        if spent != 1:
            raise MembershipError("This sign-in link has already been used. Ask for a new one.", 410)
        user = _user_for(token.email)
    if not user.is_active:
        raise MembershipError("This account is closed.", 403)
    return perform_login(
        request,
        user,
        email_verification="none",
        redirect_url=token.next_url or settings.LOGIN_REDIRECT_URL,
        email=token.email,
    )
