"""RSS and Atom feeds for the home page, sections, topics and authors.

Items carry the headline and standfirst only, never the body: a feed is a
public output and premium text must not leave through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from core.models import outlet_name

if TYPE_CHECKING:
    from newsroom.models import ArticlePage

FEED_SIZE = 30


class ArticlesFeed(Feed):
    feed_type: type[SyndicationFeed] = Rss201rev2Feed

    def __init__(self, page: Any) -> None:
        super().__init__()
        self.page = page

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return self.page

    def title(self, page: Any) -> str:
        return page.feed_title(outlet_name())

    def link(self, page: Any) -> str:
        return page.full_url or settings.SITE_URL

    def description(self, page: Any) -> str:
        return getattr(page, "description", "") or getattr(page, "strapline", "") or page.title

    def items(self, page: Any) -> list[ArticlePage]:
        return list(page.feed_articles()[:FEED_SIZE])

    def item_title(self, item: ArticlePage) -> str:
        badge = " [PRO]" if item.is_premium else ""
        return f"{item.title}{badge}"

    def item_description(self, item: ArticlePage) -> str:
        return item.dek

    def item_link(self, item: ArticlePage) -> str:
        return item.full_url or ""

    def item_guid(self, item: ArticlePage) -> str:
        return item.full_url or str(item.pk)

    def item_pubdate(self, item: ArticlePage) -> Any:
        return item.date

    def item_updateddate(self, item: ArticlePage) -> Any:
        return item.updated_at or item.date

    def item_author_name(self, item: ArticlePage) -> str:
        return ", ".join(a.title for a in item.authors.all())

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [t.title for t in item.topics.all()]


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description
