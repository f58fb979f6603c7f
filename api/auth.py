"""Who is calling: the owner of a valid API key, or an anonymous reader."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from api.keys import key_for, rate_limit_wait
from api.models import ApiKey


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Rate limit reached; retry in {retry_after} seconds.")
        self.retry_after = retry_after


class Anonymous:
    """Truthy, so ninja lets the call through as an anonymous reader."""

    def __bool__(self) -> bool:
        return True


ANONYMOUS = Anonymous()


class KeyOrAnonymous(HttpBearer):
    """No Authorization header reads as anonymous; a bad or revoked key is refused (401)."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.headers.get(self.header):
            return ANONYMOUS
        parts = request.headers[self.header].split(" ", 1)
        if len(parts) != 2 or parts[0].lower() != self.openapi_scheme:
            raise AuthenticationError(401, "Send the key as “Authorization: Bearer <key>”.")
        return self.authenticate(request, parts[1].strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        key = key_for(token)
        if key is None:
            raise AuthenticationError(401, "Unknown or revoked API key.")
        wait = rate_limit_wait(key)
        if wait:
            raise RateLimited(wait)
        return key


def reader(request: HttpRequest) -> Any:
    """The user whose access the call gets: the key's owner, else nobody.

    A browser's session never counts here, so the API answers the same to a
    page open in a signed-in browser as to any other anonymous client.
    """
    auth = getattr(request, "auth", None)
    return auth.owner if isinstance(auth, ApiKey) else None
