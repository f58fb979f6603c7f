"""Turning pages and rows into API shapes. Article text comes only from the paywall's cut."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from wagtail.rich_text import expand_db_html

from api import schemas
from newsroom.paywall import ArticleView


def absolute(url: str | None) -> str:
    url = url or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def image_out(image: Any, *, alt: str = "", caption: str = "", credit: str = "") -> schemas.Image | None:
    if image is None:
        return None
    try:
        url = image.file.url
    except ValueError:
        return None
    return schemas.Image(url=absolute(url), alt=alt or caption or image.title, caption=caption, credit=credit)


def section_out(section: Any) -> schemas.SectionOut:
    return schemas.SectionOut(
        slug=section.slug, title=section.title, description=section.description, url=absolute(section.url)
    )


def topic_out(topic: Any) -> schemas.TopicOut:
    return schemas.TopicOut(
        slug=topic.slug, title=topic.title, kind=topic.kind, description=topic.description, url=absolute(topic.url)
    )


def author_out(author: Any) -> schemas.AuthorOut:
    return schemas.AuthorOut(slug=author.slug, name=author.title, role=author.role, url=absolute(author.url))


def article_fields(article: Any) -> dict[str, Any]:
    section = article.section
    return {
        "id": article.pk,
        "slug": article.slug,
        "title": article.title,
        "dek": article.dek,
        "url": absolute(article.url),
        "access": article.access,
        "published_at": article.published_at or article.first_published_at,
        "updated_at": article.updated_at,
        "section": section_out(section) if section else None,
        "topics": [topic_out(t) for t in article.topics.all()],
        "authors": [author_out(a) for a in article.authors.all()],
        "hero_image": image_out(
            article.hero_image, alt=article.hero_alt, caption=article.hero_caption, credit=article.hero_credit
        ),
    }


def block_out(block: Any) -> schemas.Block:
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return schemas.Block(type=kind, html=expand_db_html(value.source))
    if kind in ("why_it_matters", "know_more"):
        return schemas.Block(type=kind, html=expand_db_html(value["body"].source))
    if kind == "heading":
        return schemas.Block(type=kind, text=str(value))
    if kind == "quote":
        return schemas.Block(type=kind, text=str(value["text"]), attribution=value["attribution"] or "")
    if kind == "image":
        image = image_out(value["image"], alt=value["alt"], caption=value["caption"], credit=value["credit"])
        return schemas.Block(type=kind, image=image)
    if kind == "embed":
        return schemas.Block(type=kind, url=getattr(value, "url", "") or "")
    return schemas.Block(type=kind)


def article_detail(article: Any, view: ArticleView) -> schemas.ArticleDetail:
    return schemas.ArticleDetail(
        **article_fields(article),
        complete=view.complete,
        needs=view.needs,
        body=[block_out(b) for b in view.blocks],
    )
