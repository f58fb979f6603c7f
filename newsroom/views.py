from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.query import And, Phrase, PlainText, SearchQuery

from lib.pagination import paginate
from lib.text import WORD, excerpt, highlight, query_terms
from newsroom.forms import SearchForm
from newsroom.models import PAGE_SIZE, ArticlePage, SectionPage, attach_sections
from newsroom.paywall import article_view
from newsroom.search import ArticleHits, reader_kind, search_text_rows


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def build_query(raw: str) -> SearchQuery | None:
    """Words and "quoted phrases" from what a reader typed; punctuation and
    search-engine syntax are dropped so no input can break the query."""
    parts = raw.split('"')
    tokens: list[SearchQuery] = []
    for position, part in enumerate(parts):
        words = WORD.findall(part)
        if not words:
            continue
        quoted = position % 2 == 1 and position < len(parts) - 1
        text = " ".join(words)
        tokens.append(Phrase(text) if quoted and len(words) > 1 else PlainText(text, operator="and"))
    if not tokens:
        return None
    return tokens[0] if len(tokens) == 1 else And(tokens)


def search_articles(
    *, query: str, section: str, after: dt.date | None, before: dt.date | None, sort: str, reader: str = "anyone"
) -> Any:
    """Stories matching the search; words are matched only in what `reader` (a kind from
    `newsroom.search.reader_kind`) may read, so search never reveals paid text."""
    articles = ArticlePage.objects.live().public()
    if section:
        parent = SectionPage.objects.live().filter(slug=section).first()
        articles = articles.descendant_of(parent) if parent else articles.none()
    if after:
        articles = articles.filter(published_at__gte=_day_start(after))
    if before:
        articles = articles.filter(published_at__lt=_day_start(before + dt.timedelta(days=1)))
    if not query:
        return articles.order_by("-published_at")
    parsed = build_query(query)
    if parsed is None:
        return articles.none()
    rows = search_text_rows(articles=articles, reader=reader)
    if sort != "relevance":
        return ArticleHits(rows.order_by("-published_at", "-article_id").search(parsed, order_by_relevance=False))
    return ArticleHits(rows.search(parsed))


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
