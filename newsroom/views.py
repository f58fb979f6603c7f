from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lib.text import excerpt, highlight, query_terms
from newsroom.forms import SearchForm
from newsroom.models import ArticlePage, SectionPage, paginate
from newsroom.paywall import article_view
from newsroom.queries import attach_sections


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search_articles(*, query: str, section: str, after: dt.date | None, before: dt.date | None, sort: str) -> Any:
    articles = ArticlePage.objects.live().public()
    if section:
        parent = SectionPage.objects.live().filter(slug=section).first()
        articles = articles.descendant_of(parent) if parent else articles.none()
    if after:
        articles = articles.filter(published_at__gte=_day_start(after))
    if before:
        articles = articles.filter(published_at__lt=_day_start(before + dt.timedelta(days=1)))
    if sort == "newest" or not query:
        articles = articles.order_by("-published_at")
        return articles.search(query, order_by_relevance=False) if query else articles
    return articles.search(query, operator="and")


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
        query=data["q"], section=data["section"], after=data["after"], before=data["before"], sort=data["sort"]
    )
    page = paginate(request, found)
    terms = query_terms(data["q"])
    items = attach_sections(page.object_list)
    for article in items:
        view = article_view(article=article, user=request.user)
        article.snippet = highlight(excerpt(view.text or article.dek, terms), terms)  # type: ignore[attr-defined]
        article.headline = highlight(article.title, terms)  # type: ignore[attr-defined]
    context.update({"results": items, "page": page, "query": data["q"], "terms": terms})
    return render(request, "newsroom/search.html", context)
