"""The one answer to “which addresses has this reader proved are theirs?”."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress


def verified_addresses(user: Any) -> set[str]:
    """Lower-cased addresses the reader has verified; none for anonymous readers."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    return {e.lower() for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)}


def owns_verified_address(user: Any, email: str) -> bool:
    return email.lower() in verified_addresses(user)
