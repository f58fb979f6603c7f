"""Most read: count each story's page views per hour on the server, without cookies.

The middleware sits before the anonymous page cache, so answers served from the
cache are counted too. A path is matched to a story through a small dictionary
rebuilt whenever the site's cache generation changes (that is, on publish).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from lib.page_cache import generation
from newsroom.models import ArticlePage, ArticleReads

BOTS = ("bot", "crawler", "spider", "preview", "lighthouse", "headless")


def article_paths() -> dict[str, int]:
    """Public path of every live story → its id, cached per cache generation."""
    key = f"newsroom:article-paths:{generation()}"
    paths = cache.get(key)
    if paths is None:
        # url_path starts with the site root's slug ("/home/gulf/story/"): drop it, no query for the root.
        paths = {
            "/" + url.lstrip("/").partition("/")[2]: pk
            for pk, url in ArticlePage.objects.live().values_list("pk", "url_path")
        }
        cache.set(key, paths, 3600)
    return paths


def article_read_record(*, article_id: int) -> None:
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    rows = ArticleReads.objects.filter(article_id=article_id, hour=hour)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ArticleReads.objects.create(article_id=article_id, hour=hour, count=1)
    except IntegrityError:  # another request created the row first
        rows.update(count=F("count") + 1)


def _is_story_view(request: HttpRequest, response: HttpResponse) -> bool:
    """A 200 HTML page outside the excluded areas: only those can be a story.

    Checked before looking up the path, so /healthz, feeds, JSON and static
    answers never touch the cache of paths or the database.
    """
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDE))
        and _served_by_wagtail(request)
    )


def _served_by_wagtail(request: HttpRequest) -> bool:
    """Stories are Wagtail pages: /search/, /authors/ and other Django views are not looked up."""
    match = getattr(request, "resolver_match", None)
    if match is None:  # answered from the page cache: resolve the path (no query)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
    return match.url_name == "wagtail_serve"


def _is_reader(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "").lower()
    return request.method == "GET" and not any(word in agent for word in BOTS)


@hooks.register("before_serve_page")
def _note_story_served(page: Page, request: HttpRequest, *args: object, **kwargs: object) -> None:
    """A story built by Wagtail names itself: no path lookup needed on a page-cache miss."""
    if isinstance(page, ArticlePage):  # routed pages are already specific
        request._article_read_id = page.pk  # type: ignore[attr-defined]


def count_reads(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if _is_story_view(request, response) and _is_reader(request):
            article_id = getattr(request, "_article_read_id", None) or article_paths().get(request.path)
            if article_id:
                article_read_record(article_id=article_id)
        return response

    return middleware
