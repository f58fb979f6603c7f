"""sitemap.xml, the Google News sitemap and robots.txt."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from core.models import outlet_name
from newsroom.models import recent_articles

NEWS_WINDOW_HOURS = 48


@require_GET
@cache_page(300)
def news_sitemap(request: HttpRequest) -> HttpResponse:
    articles = recent_articles(NEWS_WINDOW_HOURS)[:1000]
    context: dict[str, Any] = {"articles": articles, "publication": outlet_name()}
    return TemplateResponse(request, "newsroom/news_sitemap.xml", context, content_type="application/xml")


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        f"Sitemap: {settings.SITE_URL}/news-sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")
