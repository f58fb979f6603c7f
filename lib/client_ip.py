"""Who is asking: one rule for the client address, shared by every rate limit.

Sign-in's rate limits (django-allauth) take the address from allauth's
adapter: the socket address, unless TRUSTED_PROXY_COUNT proxies are declared,
in which case the address the outermost trusted proxy saw, read from
X-Forwarded-For. Everything else that counts clients uses this same function,
so a header a visitor forges cannot reset one limit and not the other.
"""

from __future__ import annotations

import ipaddress

from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's IP address, or None when it cannot be told."""
    try:
        return str(get_adapter(request).get_client_ip(request))
    except ImproperlyConfigured:
        # Fewer X-Forwarded-For entries than declared proxies: the request did
        # not come through them, so the socket address is the client.
        return request.META.get("REMOTE_ADDR") or None
    except PermissionDenied:
        return None


def client_bucket(request: HttpRequest) -> str:
    """The client's address for counting: IPv6 clients are counted per /64, as allauth does."""
    ip = client_ip(request) or ""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)
