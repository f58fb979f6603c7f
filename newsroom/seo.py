"""Structured data and share-card fields for articles.

Built from the public view only: crawlers and share previews get what an
anonymous reader gets, whoever is asking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.access import Access
from core.models import OutletSettings
from newsroom.paywall import public_view

if TYPE_CHECKING:
    from django.http import HttpRequest

    from newsroom.models import ArticlePage

SHARE_RENDITION = "fill-1200x630"


def share_image_url(article: ArticlePage) -> str:
    if not article.hero_image:
        return ""
    rendition = article.hero_image.get_rendition(SHARE_RENDITION)
    return rendition.full_url


def article_description(article: ArticlePage) -> str:
    """Meta/OG description: the standfirst, never text cut from the body."""
    return article.search_description or article.dek


def article_jsonld(article: ArticlePage, request: HttpRequest | None = None) -> dict[str, Any]:
    outlet = OutletSettings.load(request_or_site=request)
    # URLs through the request, which keeps Wagtail's site lookups for the whole page.
    url = article.get_full_url(request)
    _, root_url, _ = article.get_url_parts(request) or (None, "", "")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article_description(article),
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.date.isoformat(),
        "dateModified": (article.updated_at or article.last_published_at or article.date).isoformat(),
        "author": [
            {"@type": "Person", "name": author.title, "url": author.get_full_url(request)}
            for author in article.author_list
        ],
        "publisher": {"@type": "NewsMediaOrganization", "name": outlet.name, "url": root_url},
        "isAccessibleForFree": article.access == Access.FREE,
    }
    image = share_image_url(article)
    if image:
        data["image"] = [image]
    if article.section:
        data["articleSection"] = article.section.title
    keywords = [t.title for t in article.topic_list]
    if keywords:
        data["keywords"] = keywords
    if article.access == Access.FREE:
        data["articleBody"] = public_view(article).text
    return data
