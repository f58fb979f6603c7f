"""Named queries the reader pages use, so views and templates stay plain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import F
from django.utils import timezone
from wagtail.query import PageQuerySet

from newsroom.models import ArticlePage, AuthorPage, HomePage, SectionPage, TopicPage

RAIL_SIZE = 4
TOP_STORIES = 5


def live_articles() -> PageQuerySet:
    return (
        ArticlePage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("authors", "topics", "hero_image__renditions")
        .order_by(F("published_at").desc(nulls_last=True), "-first_published_at", "-pk")
    )


def latest_articles() -> PageQuerySet:
    return live_articles()


def section_articles(section: SectionPage) -> PageQuerySet:
    return live_articles().child_of(section)


def topic_articles(topic: TopicPage) -> PageQuerySet:
    return live_articles().filter(topics=topic)


def author_articles(author: AuthorPage) -> PageQuerySet:
    return live_articles().filter(authors=author)


def recent_articles(hours: int = 48) -> PageQuerySet:
    since = timezone.now() - dt.timedelta(hours=hours)
    return live_articles().filter(published_at__gte=since)


def attach_sections(articles: Iterable[ArticlePage]) -> list[ArticlePage]:
    """Give each article its section without a query per article."""
    items = list(articles)
    parent_paths = {a.path[: -ArticlePage.steplen] for a in items}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in items:
        article.__dict__["section"] = sections.get(article.path[: -ArticlePage.steplen])
    return items


def related_articles(article: ArticlePage, limit: int = 4) -> list[ArticlePage]:
    """Editor-picked related stories first, then the latest sharing a topic."""
    picked = [
        link.article
        for link in article.related_links.all()
        if link.article_id and link.article.live and link.article.pk != article.pk
    ]
    if len(picked) < limit:
        # Works on unsaved previews too, whose relations live in memory.
        exclude = [pk for pk in (article.pk, *(a.pk for a in picked)) if pk]
        topic_ids = [topic.pk for topic in article.topics.all()]
        more = live_articles().exclude(pk__in=exclude)
        more = more.filter(topics__in=topic_ids).distinct() if topic_ids else more.child_of(article.get_parent())
        picked += list(more[: limit - len(picked)])
    return attach_sections(picked[:limit])


def home_layout(home: HomePage) -> dict[str, Any]:
    pinned = live_articles().filter(pk=home.lead_story_id).first() if home.lead_story_id else None
    latest = [a for a in latest_articles()[:TOP_STORIES] if pinned is None or a.pk != pinned.pk]
    top = attach_sections(([pinned] if pinned else []) + latest)[:TOP_STORIES]
    lead = top[0] if top else None
    shown = {a.pk for a in top}
    rails = []
    for section in SectionPage.objects.live().child_of(home).filter(show_on_home=True):
        articles = [a for a in section_articles(section)[: RAIL_SIZE + TOP_STORIES] if a.pk not in shown]
        for article in articles:
            article.__dict__["section"] = section
        if articles:
            rails.append({"section": section, "articles": articles[:RAIL_SIZE]})
    return {"lead": lead, "top_stories": top[1:], "rails": rails}
