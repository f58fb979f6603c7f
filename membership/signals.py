"""allauth's doors into an account (sign-up code, login by code, confirmation
links, staff verifying an address) all end in `email_confirmed`: the first
proof of an account's address claims the account for its owner."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.contrib.auth import update_session_auth_hash
from django.dispatch import receiver
from django.http import HttpRequest


@receiver(email_confirmed)
def claim_on_first_proof(sender: Any, request: HttpRequest | None, email_address: EmailAddress, **kwargs: Any) -> None:
    user = email_address.user
    if EmailAddress.objects.filter(user=user, verified=True).exclude(pk=email_address.pk).exists():
        return  # the owner proved an address before: this is an extra address, nothing to undo
    current = request is not None and getattr(request, "user", None) is not None and request.user.pk == user.pk
    keep = (request.session.session_key or "") if current and request is not None else ""
    # Imported here: the services pull in stripe, which every process would load at start-up.
    from membership.services import account_claim

    account_claim(user=user, email=email_address.email, keep_session_key=keep)
    if current and request is not None:
        # The new password hash ends every other session; this one stays.
        update_session_auth_hash(request, user)
