"""The Content API: one NinjaAPI, its error shapes, and conditional GETs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from api.auth import KeyOrAnonymous, RateLimited
from api.pagination import BadCursor
from api.routers import router

DESCRIPTION = """Read-only access to published stories, sections, topics, authors, entities,
newsletters, memos, reports and events.

Without a key the API answers as it would an anonymous reader. With a key
(`Authorization: Bearer nd_…`, made on the account page by PRO members and team
admins) it answers as the key's owner: a PRO member's key reads PRO stories in
full; a key whose owner's PRO has ended reads as a free account.

Lists are paged with an opaque `cursor` (send back `next_cursor`) and `limit`
(1–100, default 20). Responses carry an `ETag`; send it back in `If-None-Match`
to get `304 Not Modified`. Errors are JSON: `{"detail": "…"}`."""

api = NinjaAPI(
    title="Newsdesk Content API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=KeyOrAnonymous(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/", router)


def _error(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return _error(request, 400, "Bad parameter. " + "; ".join(problems))


@api.exception_handler(BadCursor)
def _bad_cursor(request: HttpRequest, exc: BadCursor) -> HttpResponse:
    return _error(request, 400, str(exc))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _error(request, 401, exc.message if exc.message != "Unauthorized" else "Unknown or revoked API key.")
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(RateLimited)
def _rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = _error(request, 429, str(exc))
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, str(exc))


def conditional(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ETag from the body; If-None-Match answers 304. Answers differ by key, so they vary by it."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        if request.headers.get("Authorization"):
            patch_cache_control(response, private=True, no_cache=True)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.streaming:
            set_response_etag(response)
            conditional_response = get_conditional_response(request, etag=response["ETag"], response=response)
            return conditional_response or response
        return response

    return wrapped


def urlpatterns() -> list[URLPattern]:
    patterns, _, _ = api.urls
    return [
        URLPattern(p.pattern, conditional(p.callback), p.default_args, p.name)
        for p in patterns
        if isinstance(p, URLPattern)
    ]
