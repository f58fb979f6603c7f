"""allauth's adapter, changed only where accounts are claimed."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def login(self, request: HttpRequest, user: Any) -> None:
        # The first proof of an address may have just dropped the password
        # (membership.signals); allauth signs in with the user it loaded
        # before that, whose old hash would end the new session at once.
        if user.pk:
            user.refresh_from_db(fields=["password", "first_name", "last_name"])
        super().login(request, user)
