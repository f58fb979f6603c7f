"""The Content API's read-only endpoints.

Every text a reader may or may not receive comes from the same decision the
pages use: `newsroom.paywall.article_view` for stories, `pro.access.product_view`
for memos and reports, and `monitor.queries.readable_tags` for mention counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Field

from api import schemas
from api.auth import reader
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, Ordering, cursor_page
from api.serializers import absolute, article_detail, article_fields, author_out, section_out, topic_out
from events.models import Event
from monitor.models import ArticleEntity, Entity
from monitor.queries import readable_tags, story_count
from newsletters.forms import offered_newsletters
from newsletters.models import Issue
from newsletters.rendering import issue_items
from newsroom.models import AuthorPage, SectionPage, TopicPage, attach_sections, live_articles
from newsroom.paywall import article_view
from newsroom.search import SearchHits, SearchScope, parse_search, reader_kind
from pro.access import product_view
from pro.models import MemoPage, TrendReportPage

router = Router()
ERRORS: dict[int, Any] = {400: schemas.Error, 401: schemas.Error, 404: schemas.Error, 429: schemas.Error}
SEARCH_LIMIT = 500  # matches a search considers, newest first
BY_TITLE = Ordering("title", descending=False)
BY_DATE = Ordering("sort_date", descending=True)


class PageParams(schemas.Schema):
    cursor: str | None = Field(None, max_length=2000, description="`next_cursor` from the previous page.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}.")


class ArticleFilters(PageParams):
    section: str | None = Field(None, max_length=100, description="A section's slug, e.g. `security`.")
    topic: str | None = Field(None, max_length=100, description="A topic's slug, e.g. `iran`.")
    entity: str | None = Field(None, max_length=200, description="An entity's slug, e.g. `belarus`.")
    access: str | None = Field(None, pattern="^(free|registered|pro)$", description="free, registered or pro.")
    since: dt.date | None = Field(None, description="Published on or after this day (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="Published on or before this day (YYYY-MM-DD).")
    q: str | None = Field(None, max_length=200, description="Words to search for, in what the caller may read.")


def _page(request: HttpRequest, items: QuerySet[Any], params: PageParams, ordering: Ordering, scope: str) -> Any:
    return cursor_page(items, ordering=ordering, scope=scope, cursor=params.cursor, limit=params.limit)


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _filtered_articles(request: HttpRequest, f: ArticleFilters) -> QuerySet[Any]:
    user = reader(request)
    articles = live_articles().annotate(sort_date=Coalesce(F("published_at"), F("first_published_at")))
    if f.section:
        section = SectionPage.objects.live().filter(slug=f.section).first()
        articles = articles.child_of(section) if section else articles.none()
    if f.topic:
        articles = articles.filter(topics__slug=f.topic)
    if f.entity:
        # Only tags this reader may count, so a name in paid text finds nothing for outsiders.
        tags = ArticleEntity.objects.filter(readable_tags(reader_kind(user)), entity__slug=f.entity)
        articles = articles.filter(pk__in=tags.values("article_id"))
    if f.access:
        articles = articles.filter(access=f.access)
    if f.since:
        articles = articles.filter(sort_date__gte=_day_start(f.since))
    if f.until:
        articles = articles.filter(sort_date__lt=_day_start(f.until + dt.timedelta(days=1)))
    if f.q and f.q.strip():
        terms = parse_search(f.q)
        if not terms:
            return articles.none()
        hits = SearchHits(terms, SearchScope(reader=reader_kind(user)), by_relevance=False)
        articles = articles.filter(pk__in=hits.story_ids(0, SEARCH_LIMIT))
    return articles.distinct() if f.topic else articles


@router.get("/articles/", response={200: schemas.ArticlePage, **ERRORS}, tags=["articles"])
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]) -> Any:
    """Published stories, newest first. Search matches only words the caller may read."""
    page, cursor = _page(request, _filtered_articles(request, filters), filters, BY_DATE, "articles")
    return {"items": [article_fields(a) for a in attach_sections(page)], "next_cursor": cursor}


@router.get("/articles/{article_id}/", response={200: schemas.ArticleDetail, **ERRORS}, tags=["articles"])
def get_article(request: HttpRequest, article_id: int) -> Any:
    """One story; `body` holds the blocks the caller may read (the teaser when `complete` is false)."""
    if article_id > 2**31:
        raise HttpError(404, "No such article.")
    article = get_object_or_404(live_articles(), pk=article_id)
    return article_detail(article, article_view(article=article, user=reader(request)))


@router.get("/sections/", response={200: schemas.SectionPage, **ERRORS}, tags=["sections"])
def list_sections(request: HttpRequest, params: Query[PageParams]) -> Any:
    page, cursor = _page(request, SectionPage.objects.live().public(), params, BY_TITLE, "sections")
    return {"items": [section_out(s) for s in page], "next_cursor": cursor}


@router.get("/topics/", response={200: schemas.TopicPage, **ERRORS}, tags=["topics"])
def list_topics(request: HttpRequest, params: Query[PageParams]) -> Any:
    page, cursor = _page(request, TopicPage.objects.live().public(), params, BY_TITLE, "topics")
    return {"items": [topic_out(t) for t in page], "next_cursor": cursor}


@router.get("/authors/", response={200: schemas.AuthorPage, **ERRORS}, tags=["authors"])
def list_authors(request: HttpRequest, params: Query[PageParams]) -> Any:
    page, cursor = _page(request, AuthorPage.objects.live().public(), params, BY_TITLE, "authors")
    return {"items": [author_out(a) for a in page], "next_cursor": cursor}


class EntityFilters(PageParams):
    kind: str | None = Field(None, max_length=20, description="e.g. `country`, `person`, `organisation`.")


@router.get("/entities/", response={200: schemas.EntityPage, **ERRORS}, tags=["entities"])
def list_entities(request: HttpRequest, filters: Query[EntityFilters]) -> Any:
    """Entities by name, with the number of stories naming them that the caller may count."""
    entities = Entity.objects.annotate(stories=story_count(reader_kind(reader(request))))
    if filters.kind:
        entities = entities.filter(kind=filters.kind)
    page, cursor = _page(request, entities, filters, Ordering("name", descending=False), "entities")
    items = [
        schemas.EntityOut(
            slug=e.slug,
            name=e.name,
            kind=e.kind,
            description=e.description,
            stories=e.stories,
            url=absolute(e.get_absolute_url()),
        )
        for e in page
    ]
    return {"items": items, "next_cursor": cursor}


def _newsletter_out(n: Any) -> schemas.NewsletterOut:
    return schemas.NewsletterOut(
        slug=n.slug, name=n.name, description=n.description, cadence=n.cadence, url=absolute(n.get_absolute_url())
    )


@router.get("/newsletters/", response={200: schemas.NewsletterPage, **ERRORS}, tags=["newsletters"])
def list_newsletters(request: HttpRequest, params: Query[PageParams]) -> Any:
    page, cursor = _page(request, offered_newsletters(), params, Ordering("name", descending=False), "newsletters")
    return {"items": [_newsletter_out(n) for n in page], "next_cursor": cursor}


def _sent_issues(slug: str) -> QuerySet[Issue]:
    newsletter = get_object_or_404(offered_newsletters(), slug=slug)
    return Issue.objects.filter(newsletter=newsletter, status=Issue.Status.SENT).select_related("newsletter")


def _issue_fields(issue: Issue) -> dict[str, Any]:
    return {
        "number": issue.number,
        "subject": issue.subject,
        "sent_at": issue.finished_at or issue.started_at,
        "url": absolute(issue.get_absolute_url()),
    }


@router.get("/newsletters/{slug}/issues/", response={200: schemas.IssuePage, **ERRORS}, tags=["newsletters"])
def list_issues(request: HttpRequest, slug: str, params: Query[PageParams]) -> Any:
    """The public archive of a free newsletter, newest first."""
    ordering = Ordering("number", descending=True)
    page, cursor = _page(request, _sent_issues(slug), params, ordering, f"issues:{slug}")
    return {"items": [_issue_fields(i) for i in page], "next_cursor": cursor}


@router.get("/newsletters/{slug}/issues/{number}/", response={200: schemas.IssueDetail, **ERRORS}, tags=["newsletters"])
def get_issue(request: HttpRequest, slug: str, number: int) -> Any:
    if not 0 < number < 2**31:
        raise HttpError(404, "No such issue.")
    issue = get_object_or_404(_sent_issues(slug), number=number)
    from_items = issue_items(issue, pro=False)
    items = [schemas.IssueItemOut(title=i.title, url=i.url, dek=i.dek, section=i.section) for i in from_items]
    return {**_issue_fields(issue), "intro": issue.intro, "items": items}


def _products(model: Any) -> QuerySet[Any]:
    return model.objects.live().public().annotate(sort_date=Coalesce(F("published_at"), F("first_published_at")))


def _product_out(page: Any) -> dict[str, Any]:
    return {
        "slug": page.slug,
        "title": page.title,
        "dek": page.dek,
        "kind": page.product_kind,
        "published_at": page.date,
        "url": absolute(page.url),
    }


def _product_detail(request: HttpRequest, page: Any) -> Any:
    view = product_view(page=page, user=reader(request))
    sections = [schemas.ReportSection(kind=s.kind, text=s.text or (s.chart.title if s.chart else ""), html=str(s.html))
                for s in view.sections]  # fmt: skip
    return {
        **_product_out(page),
        "complete": view.complete,
        "outline": view.outline,
        "bottom_line": str(view.bottom_line),
        "judgements": view.judgements,
        "watch": view.watch,
        "sections": sections,
    }


@router.get("/memos/", response={200: schemas.ProductPage, **ERRORS}, tags=["memos and reports"])
def list_memos(request: HttpRequest, params: Query[PageParams]) -> Any:
    page, cursor = _page(request, _products(MemoPage), params, BY_DATE, "memos")
    return {"items": [_product_out(p) for p in page], "next_cursor": cursor}


@router.get("/memos/{slug}/", response={200: schemas.ProductDetail, **ERRORS}, tags=["memos and reports"])
def get_memo(request: HttpRequest, slug: str) -> Any:
    """A memo in full for PRO callers; its outline (counts of judgements) for anyone else."""
    return _product_detail(request, get_object_or_404(_products(MemoPage), slug=slug))


@router.get("/reports/", response={200: schemas.ProductPage, **ERRORS}, tags=["memos and reports"])
def list_reports(request: HttpRequest, params: Query[PageParams]) -> Any:
    page, cursor = _page(request, _products(TrendReportPage), params, BY_DATE, "reports")
    return {"items": [_product_out(p) for p in page], "next_cursor": cursor}


@router.get("/reports/{slug}/", response={200: schemas.ProductDetail, **ERRORS}, tags=["memos and reports"])
def get_report(request: HttpRequest, slug: str) -> Any:
    """A trend report in full for PRO callers; its headings and chart titles for anyone else."""
    return _product_detail(request, get_object_or_404(_products(TrendReportPage), slug=slug))


@router.get("/events/", response={200: schemas.EventPage, **ERRORS}, tags=["events"])
def list_events(request: HttpRequest, params: Query[PageParams]) -> Any:
    """Published events, latest start first. Join links never appear here."""
    page, cursor = _page(request, Event.objects.published(), params, Ordering("starts_at", descending=True), "events")
    items = [
        schemas.EventOut(
            slug=e.slug,
            kind=e.kind,
            title=e.title,
            teaser=e.teaser,
            starts_at=e.starts_at,
            ends_at=e.ends_at,
            time_zone=e.time_zone,
            city=e.city,
            url=absolute(e.get_absolute_url()),
        )
        for e in page
    ]
    return {"items": items, "next_cursor": cursor}
