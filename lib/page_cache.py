"""Whole-page caches: one for visitors without cookies, one per audience for members.

A first-time visitor, a crawler or a feed reader gets the same public page as
every other anonymous visitor, so the rendered response is kept in the shared
cache and served without touching the database (`anonymous_page_cache`).

Signed-in readers see the same page as every other reader of their audience
(a free member, a PRO member), apart from a few personal bits: the account
menu, a form prefilled with their address, "you are registered". Pages that
opt in (`shared_by_audience`) are stored once per audience, URL and content
generation, never per person (`member_page_cache`). The personal bits are
marked in templates with `{% personal "template.html" %}` (lib/page_cache_tags.py):
the stored copy keeps only a placeholder, and every request renders them
afresh from the request alone, so a hit and a miss show the same page. CSRF
tokens are placeholders too. Before storing, the copy is checked for the
reader's address, username and name; if any is found, it is not stored.

Publishing, unpublishing or deleting a page, or changing site settings,
starts a new generation: every cached page is dropped at once, in every process.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from functools import cache as memoize
from typing import Any, TypeVar

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import TemplateDoesNotExist
from django.template.context_processors import csrf
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHEABLE_TYPES = ("text/html", "application/xml", "application/rss+xml", "application/atom+xml", "text/plain")
SKIPPED_HEADERS = {"set-cookie", "vary", "content-length"}
SHARED_ATTRIBUTE = "_page_cache_shared"
FRAGMENT_SALT = "page-cache.fragment"
# The marks a personal fragment leaves in a rendered page: a signed name and
# arguments, the fragment as rendered for this request, and an end mark.
FRAGMENT_RE = re.compile(r"<!--personal:([A-Za-z0-9_\-:.=]+)-->(.*?)<!--/personal-->", re.DOTALL)
CSRF_RE = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
Part = str | tuple[str, dict[str, Any]]
CSRF_PART: Part = ("", {})  # a placeholder for the request's CSRF field
View = TypeVar("View", bound=Callable[..., HttpResponse])


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


def _key(request: HttpRequest, audience: str = "") -> str:
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{generation()}:{audience}{':' if audience else ''}{digest}"


def _stored_headers(response: HttpResponse) -> list[tuple[str, str]]:
    return [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]


def _response(status: int, headers: list[tuple[str, str]], content: bytes | str) -> HttpResponse:
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def anonymous_page_cache(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _response(*stored)
        response = get_response(request)
        if _cacheable_response(response):
            cache.set(
                key, (response.status_code, _stored_headers(response), response.content), settings.PAGE_CACHE_SECONDS
            )
            response["X-Page-Cache"] = "miss"
        return response

    return middleware


# -- members: one copy per audience, personal bits rendered per request -------


def shared_by_audience(request: HttpRequest) -> None:
    """Mark this request's page as the same for every reader of an audience.

    Only such pages are kept by `member_page_cache`; anything personal on them
    must sit in a `{% personal %}` fragment.
    """
    setattr(request, SHARED_ATTRIBUTE, True)


def shared_page(view: View) -> View:
    """Decorator form of `shared_by_audience` for function views."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        shared_by_audience(request)
        return view(request, *args, **kwargs)

    wrapped.__name__, wrapped.__doc__, wrapped.__module__ = view.__name__, view.__doc__, view.__module__
    return wrapped  # type: ignore[return-value]


class SharedByAudienceMixin:
    """For Wagtail page types whose page is the same for every reader of an audience."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request, "is_preview", False):
            shared_by_audience(request)
        return super().serve(request, *args, **kwargs)  # type: ignore[misc]


@memoize
def _audience_function() -> Callable[[Any], str]:
    return import_string(settings.PAGE_CACHE_AUDIENCE)  # type: ignore[no-any-return]


@memoize
def _fragment_processors() -> list[Callable[[HttpRequest], dict[str, Any]]]:
    return [import_string(path) for path in settings.PAGE_CACHE_FRAGMENT_CONTEXT]


def fragment_render(request: HttpRequest | None, name: str, arguments: dict[str, Any]) -> str:
    """A personal fragment, from the request and its own arguments only (never the page's context)."""
    context: dict[str, Any] = {"request": request}
    if request is not None:
        context["user"] = getattr(request, "user", None)
        # Lazy, so a fragment without a form sets no CSRF cookie (which would
        # keep a cookieless visitor's page out of the anonymous cache).
        context.update(csrf(request))
        for processor in _fragment_processors():
            context.update(processor(request))
    context.update(arguments)
    return get_template(name).render(context)


def fragment_marked(request: HttpRequest | None, name: str, arguments: dict[str, Any]) -> str:
    """The fragment, wrapped in the marks `member_page_cache` cuts out before storing."""
    token = signing.dumps([name, arguments], salt=FRAGMENT_SALT, compress=True)
    return f"<!--personal:{token}-->{fragment_render(request, name, arguments)}<!--/personal-->"


def _split(html: str) -> list[Part]:
    """The page as shared text and placeholders; the personal text itself is dropped."""
    parts: list[Part] = []
    position = 0
    for match in FRAGMENT_RE.finditer(html):
        parts.extend(_split_csrf(html[position : match.start()]))
        name, arguments = signing.loads(match.group(1), salt=FRAGMENT_SALT)
        parts.append((name, arguments))
        position = match.end()
    parts.extend(_split_csrf(html[position:]))
    return parts


def _split_csrf(text: str) -> list[Part]:
    parts: list[Part] = []
    position = 0
    for match in CSRF_RE.finditer(text):
        parts += [text[position : match.start()], CSRF_PART]
        position = match.end()
    parts.append(text[position:])
    return parts


def _join(request: HttpRequest, parts: list[Part]) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part == CSRF_PART:
            out.append(format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)))
        else:
            out.append(fragment_render(request, part[0], part[1]))
    return "".join(out)


def _strip_marks(html: str) -> str:
    return FRAGMENT_RE.sub(lambda m: m.group(2), html)


def _strip_response(response: HttpResponse) -> HttpResponse:
    """The page as the reader should get it: personal fragments without their marks."""
    if not response.streaming and b"<!--personal:" in response.content:
        response.content = _strip_marks(response.content.decode(response.charset or "utf-8"))
    return response


def _personal_strings(user: Any) -> list[str]:
    values = [getattr(user, "email", ""), getattr(user, "username", "")]
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    values += [full_name, getattr(user, "first_name", ""), getattr(user, "last_name", "")]
    return [v for v in values if v and len(v) >= 4]


def _leaks(parts: list[Part], user: Any) -> str:
    shared = "".join(p for p in parts if isinstance(p, str))
    return next((value for value in _personal_strings(user) if value in shared), "")


def _member_request(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and user is not None
        and user.is_authenticated
        and not _excluded(request.path)
        and len(request.get_full_path()) <= 1000
    )


def member_page_cache(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """Signed-in readers' pages from one copy per audience; sits below the auth and message middleware."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if not _member_request(request):
            return _strip_response(get_response(request))
        audience = _audience_function()(request.user)
        if not audience:
            return _strip_response(get_response(request))
        key = _key(request, audience)
        stored = cache.get(key)
        if stored is not None:
            status, headers, parts = stored
            try:
                return _response(status, headers, _join(request, parts))
            except TemplateDoesNotExist:
                pass  # stored before a deploy that renamed a fragment: render afresh
        response = get_response(request)
        if response.streaming:
            return response
        if getattr(request, SHARED_ATTRIBUTE, False) and _cacheable_response(response):
            parts = _split(response.content.decode(response.charset or "utf-8"))
            if _leaks(parts, request.user):
                logger.warning("Not caching %s: a personal detail sits outside {%% personal %%}", request.path)
            else:
                cache.set(key, (response.status_code, _stored_headers(response), parts), settings.PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
        return _strip_response(response)

    return middleware
