"""sitemap.xml (an index of pages), the Google News sitemap and robots.txt.

`/sitemap.xml` is a sitemap index naming `/sitemap-1.xml`, `/sitemap-2.xml`, …,
each listing at most `SITEMAP_PAGE_SIZE` URLs in page-tree order. A page of the
sitemap reads three columns per page from one query and builds each URL from
`url_path`, the way Wagtail does, so its cost follows its own size and not the
archive's: no page models are built and no URL is resolved row by row. Only
page types that override `get_sitemap_urls` (containers that list nothing) are
asked themselves, and only for their rows on that sitemap page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET
from wagtail.models import Page, PageQuerySet, Site

from core.models import outlet_name
from newsroom.models import recent_articles

NEWS_WINDOW_HOURS = 48
SITEMAP_PAGE_SIZE = 10_000  # the protocol allows 50,000; smaller pages stay quick to build and fetch
MAX_SITEMAP_PAGES = 100_000  # past any real archive; keeps the offset inside the database's integers
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@cache
def _self_listing_models() -> tuple[type[Page], ...]:
    """Page types with their own `get_sitemap_urls` (a container that lists nothing, say)."""
    page_models: list[type[Page]] = [model for model in apps.get_models() if issubclass(model, Page)]
    return tuple(model for model in page_models if model.get_sitemap_urls is not Page.get_sitemap_urls)


def _sitemap_pages(site: Site) -> PageQuerySet:
    pages: PageQuerySet = Page.objects.descendant_of(site.root_page, inclusive=True)
    return pages.live().public().order_by("path")


def _site_for(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return site


def _sitemap_page_count(site: Site) -> int:
    return max(1, math.ceil(_sitemap_pages(site).count() / SITEMAP_PAGE_SIZE))


def _urls(request: HttpRequest, site: Site, number: int) -> Iterator[tuple[str, datetime | None]]:
    """(location, last modified) for page `number` of the sitemap, in page-tree order."""
    start = (number - 1) * SITEMAP_PAGE_SIZE
    modified = Coalesce("last_published_at", "latest_revision_created_at")  # as Page.get_sitemap_urls
    rows = list(
        _sitemap_pages(site)
        .annotate(modified=modified)
        .values_list("pk", "url_path", "content_type_id", "modified")[start : start + SITEMAP_PAGE_SIZE]
    )
    if number > 1 and not rows:
        raise Http404("There is no such sitemap page.")
    own_types = {ContentType.objects.get_for_model(model).pk for model in _self_listing_models()}
    own_ids = [pk for pk, _, content_type_id, _ in rows if content_type_id in own_types]
    own_urls = {page.pk: page.get_sitemap_urls(request) for page in Page.objects.filter(pk__in=own_ids).specific()}
    root_path = site.root_page.url_path
    serve_prefix = reverse("wagtail_serve", args=("",))
    root_url = site.root_url
    for pk, url_path, _, lastmod in rows:
        if pk in own_urls:
            for url in own_urls[pk]:
                yield url["location"], url.get("lastmod")
            continue
        if not url_path.startswith(root_path):
            continue
        yield f"{root_url}{iri_to_uri(serve_prefix + url_path[len(root_path) :])}", lastmod


def _xml(lines: Iterable[str]) -> HttpResponse:
    body = "".join(['<?xml version="1.0" encoding="UTF-8"?>\n', *lines])
    return HttpResponse(body, content_type="application/xml")


@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponse:
    site = _site_for(request)
    pages = _sitemap_page_count(site)
    locations = (f"{site.root_url}{reverse('sitemap_page', args=(n,))}" for n in range(1, pages + 1))
    return _xml(
        [
            f'<sitemapindex xmlns="{SITEMAP_NS}">\n',
            *(f"  <sitemap><loc>{escape(loc)}</loc></sitemap>\n" for loc in locations),
            "</sitemapindex>\n",
        ]
    )


@require_GET
def sitemap_page(request: HttpRequest, number: int) -> HttpResponse:
    if not 1 <= number <= MAX_SITEMAP_PAGES:
        raise Http404("There is no such sitemap page.")
    site = _site_for(request)
    entries = []
    for location, lastmod in _urls(request, site, number):
        modified = f"<lastmod>{lastmod.isoformat(timespec='seconds')}</lastmod>" if lastmod else ""
        entries.append(f"  <url><loc>{escape(location)}</loc>{modified}</url>\n")
    return _xml([f'<urlset xmlns="{SITEMAP_NS}">\n', *entries, "</urlset>\n"])


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
