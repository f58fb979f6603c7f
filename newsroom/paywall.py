"""The one place that decides what of an article a visitor may receive.

Every output (page, JSON-LD, Open Graph, feeds, search excerpts, sitemaps)
takes its text from `article_view`, never from `article.body` directly, so a
premium body cannot leak through a format added later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.access import may_read
from newsroom.blocks import block_text

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from newsroom.models import ArticlePage

    User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class ArticleView:
    blocks: list[Any]
    complete: bool
    needs: str  # "" when complete, else the Access level required

    @property
    def text(self) -> str:
        return "\n\n".join(t for t in (block_text(b) for b in self.blocks) if t)


def teaser_blocks(article: ArticlePage) -> list[Any]:
    """Body up to the “Teaser ends here” marker, else the first paragraph."""
    blocks = list(article.body)
    for position, block in enumerate(blocks):
        if block.block_type == "teaser_end":
            return blocks[:position]
    for position, block in enumerate(blocks):
        if block.block_type == "paragraph":
            return blocks[: position + 1]
    return []


def article_view(*, article: ArticlePage, user: User | None) -> ArticleView:
    if may_read(user=user, access=article.access):
        return ArticleView(blocks=[b for b in article.body if b.block_type != "teaser_end"], complete=True, needs="")
    return ArticleView(blocks=teaser_blocks(article), complete=False, needs=article.access)


def public_view(article: ArticlePage) -> ArticleView:
    """What an anonymous visitor gets: the source for every public output."""
    return article_view(article=article, user=None)
