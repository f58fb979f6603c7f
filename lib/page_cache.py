"""Whole-page cache for visitors who carry no cookies.

A first-time visitor, a crawler or a feed reader gets the same public page as
every other anonymous visitor, so the rendered response is kept in the shared
cache and served without touching the database. Anyone with a cookie (a
session, a message, a CSRF token) gets a fresh render, so nothing personal is
ever stored or shown to someone else. Publishing, unpublishing or deleting a
page, or changing site settings, starts a new generation: every cached page
is dropped at once, in every process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "page-cache:generation"
CACHEABLE_TYPES = ("text/html", "application/xml", "application/rss+xml", "application/atom+xml", "text/plain")
SKIPPED_HEADERS = {"set-cookie", "vary", "content-length"}


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def invalidate_all() -> None:
    """Drop every cached page (called when published content changes)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _excluded(path: str) -> bool:
    return path.startswith(tuple(settings.PAGE_CACHE_EXCLUDE))


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not _excluded(request.path)
        and len(request.get_full_path()) <= 1000
    )


def _cacheable_response(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").split(";")[0] in CACHEABLE_TYPES
    )


def _key(request: HttpRequest) -> str:
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{generation()}:{digest}"


def anonymous_page_cache(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = get_response(request)
        if _cacheable_response(response):
            headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
            cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    return middleware
