"""Most read: count each story's page views per hour on the server, without cookies.

The middleware sits before the anonymous page cache, so answers served from the
cache are counted too. A path is matched to a story through a small dictionary
rebuilt whenever the site's cache generation changes (that is, on publish).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from lib.page_cache import generation
from newsroom.models import ArticlePage, ArticleReads, HomePage

BOTS = ("bot", "crawler", "spider", "preview", "lighthouse", "headless")


def article_paths() -> dict[str, int]:
    """Public path of every live story → its id, cached per cache generation."""
    key = f"newsroom:article-paths:{generation()}"
    paths = cache.get(key)
    if paths is None:
        home = HomePage.objects.first()
        prefix = len(home.url_path) - 1 if home else 0
        paths = {url[prefix:]: pk for pk, url in ArticlePage.objects.live().values_list("pk", "url_path")}
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


def _is_reader(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "").lower()
    return request.method == "GET" and not any(word in agent for word in BOTS)


def count_reads(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if response.status_code == 200 and _is_reader(request):
            article_id = article_paths().get(request.path)
            if article_id:
                article_read_record(article_id=article_id)
        return response

    return middleware
