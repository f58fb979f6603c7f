"""The shapes the Content API returns (documented in its OpenAPI schema)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class Error(Schema):
    detail: str


class SectionOut(Schema):
    slug: str
    title: str
    description: str
    url: str


class TopicOut(Schema):
    slug: str
    title: str
    kind: str
    description: str
    url: str


class AuthorOut(Schema):
    slug: str
    name: str
    role: str
    url: str


class Image(Schema):
    url: str
    alt: str
    caption: str
    credit: str


class Block(Schema):
    """One body block. `type` says which of the other fields it carries."""

    type: str
    html: str | None = None
    text: str | None = None
    attribution: str | None = None
    url: str | None = None
    image: Image | None = None


class ArticleOut(Schema):
    id: int
    slug: str
    title: str
    dek: str
    url: str
    access: str
    published_at: dt.datetime | None
    updated_at: dt.datetime | None
    section: SectionOut | None
    topics: list[TopicOut]
    authors: list[AuthorOut]
    hero_image: Image | None


class ArticleDetail(ArticleOut):
    complete: bool
    needs: str
    body: list[Block]


class EntityOut(Schema):
    slug: str
    name: str
    kind: str
    description: str
    stories: int
    url: str


class NewsletterOut(Schema):
    slug: str
    name: str
    description: str
    cadence: str
    url: str


class IssueItemOut(Schema):
    title: str
    url: str
    dek: str
    section: str


class IssueOut(Schema):
    number: int
    subject: str
    sent_at: dt.datetime | None
    url: str


class IssueDetail(IssueOut):
    intro: str
    items: list[IssueItemOut]


class ProductOut(Schema):
    slug: str
    title: str
    dek: str
    kind: str
    published_at: dt.datetime | None
    url: str


class ReportSection(Schema):
    kind: str
    text: str
    html: str


class ProductDetail(ProductOut):
    complete: bool
    outline: list[str]
    bottom_line: str
    judgements: list[str]
    watch: list[str]
    sections: list[ReportSection]


class EventOut(Schema):
    slug: str
    kind: str
    title: str
    teaser: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    city: str
    url: str


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """A page of items and the cursor of the next page."""
    return type(name, (Schema,), {"__annotations__": {"items": list[item], "next_cursor": str | None}})  # type: ignore[valid-type]


ArticlePage = page_of(ArticleOut, "ArticlePage")
SectionPage = page_of(SectionOut, "SectionPage")
TopicPage = page_of(TopicOut, "TopicPage")
AuthorPage = page_of(AuthorOut, "AuthorPage")
EntityPage = page_of(EntityOut, "EntityPage")
NewsletterPage = page_of(NewsletterOut, "NewsletterPage")
IssuePage = page_of(IssueOut, "IssuePage")
ProductPage = page_of(ProductOut, "ProductPage")
EventPage = page_of(EventOut, "EventPage")
