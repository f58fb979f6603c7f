from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lib.pagination import paginate
from lib.text import excerpt, highlight, query_terms
from newsroom.forms import SearchForm
from newsroom.models import PAGE_SIZE, ArticlePage, SectionPage, attach_sections
from newsroom.paywall import article_view
from newsroom.search import SearchHits, SearchScope, parse_search, reader_kind


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search_articles(
    *, query: str, section: str, after: dt.date | None, before: dt.date | None, sort: str, reader: str = "anyone"
) -> Any:
    """Stories matching the search; words are matched only in what `reader` (a kind from
    `newsroom.search.reader_kind`) may read, so search never reveals paid text."""
    parent = SectionPage.objects.live().filter(slug=section).first() if section else None
    start = _day_start(after) if after else None
    end = _day_start(before + dt.timedelta(days=1)) if before else None
    if not query:
        articles = ArticlePage.objects.live().public()
        if section:
            articles = articles.descendant_of(parent) if parent else articles.none()
        if start:
            articles = articles.filter(published_at__gte=start)
        if end:
            articles = articles.filter(published_at__lt=end)
        return articles.order_by("-published_at")
    terms = parse_search(query)
    if section and parent is None:
        terms = []
    scope = SearchScope(reader=reader, section_path=parent.path if parent else None, after=start, before=end)
    return SearchHits(terms, scope, by_relevance=sort == "relevance")


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for load balancers and monitors: answers without the database."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "results": None}
    if not request.GET:
        return render(request, "newsroom/search.html", context)
    if not form.is_valid():
        return render(request, "newsroom/search.html", context, status=400)
    data = form.cleaned_data
    if not (data["q"] or data["section"] or data["after"] or data["before"]):
        return render(request, "newsroom/search.html", context)
    found = search_articles(
        query=data["q"],
        section=data["section"],
        after=data["after"],
        before=data["before"],
        sort=data["sort"],
        reader=reader_kind(request.user),
    )
    page = paginate(request, found, PAGE_SIZE)
    terms = query_terms(data["q"])
    items = attach_sections(page.object_list)
    for article in items:
        view = article_view(article=article, user=request.user)
        article.snippet = highlight(excerpt(view.text or article.dek, terms), terms)  # type: ignore[attr-defined]
        article.headline = highlight(article.title, terms)  # type: ignore[attr-defined]
    context.update({"results": items, "page": page, "query": data["q"], "terms": terms})
    return render(request, "newsroom/search.html", context)


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the static copy."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
