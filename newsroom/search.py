"""What each kind of reader may find a story by, and site search over it.

A story's paid part is searchable only by readers who may read it: a visitor
searching a phrase that appears only after the teaser of a PRO story must not
learn that the story contains it. Every story gets one `ArticleSearchText` row
per kind of reader, built from the same cut (`newsroom.paywall`) that decides
what the story page shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django.db import transaction

from core.access import Access
from core.entitlement import user_is_pro
from newsroom.blocks import block_text
from newsroom.models import ArticlePage, ArticleSearchText
from newsroom.paywall import public_view

if TYPE_CHECKING:
    from newsroom.paywall import User

READER_KINDS = ("anyone", "members", "pro")


def reader_kind(user: User | None) -> str:
    """Which rows a reader searches: visitors, signed-in readers, or PRO members."""
    if user_is_pro(user):
        return "pro"
    if user is not None and user.is_authenticated and user.is_active:
        return "members"
    return "anyone"


def _reads_everything(kind: str, access: str) -> bool:
    return access == Access.FREE or kind == "pro" or (kind == "members" and access == Access.REGISTERED)


def _metadata(article: ArticlePage) -> list[str]:
    # Topics and bylines are shown to everyone, so everyone may find a story by them.
    return [t.title for t in article.topics.all()] + [a.title for a in article.authors.all()]


def search_text_fields(article: Any) -> list[dict[str, Any]]:
    """The rows' field values for a story: one row per distinct text, flagged for
    the kinds of reader it serves (each kind gets exactly one row)."""
    full = "\n\n".join(t for t in (block_text(b) for b in article.body if b.block_type != "teaser_end") if t)
    texts = {True: full, False: public_view(article).text}
    metadata = "\n".join(_metadata(article))
    rows = []
    for everything in (True, False):
        kinds = {kind: _reads_everything(kind, article.access) == everything for kind in READER_KINDS}
        if any(kinds.values()):
            rows.append(
                {
                    "article_id": article.pk,
                    "title": article.title[:255],
                    "dek": article.dek,
                    "text": f"{texts[everything]}\n\n{metadata}",
                    "published_at": article.published_at,
                    **{f"for_{kind}": allowed for kind, allowed in kinds.items()},
                }
            )
    return rows


@transaction.atomic
def article_search_texts_refresh(*, article: ArticlePage) -> list[ArticleSearchText]:
    """Rebuild the story's rows from its live content (none once it is unpublished)."""
    ArticleSearchText.objects.filter(article=article).delete()
    if not article.live:
        return []
    # Saved one by one so the search index picks each row up.
    return [ArticleSearchText.objects.create(**fields) for fields in search_text_fields(article)]


class ArticleHits:
    """Search results over search-text rows, read as the stories they belong to.

    Slices fetch only the stories of that slice, so a paginator pays for one page.
    """

    def __init__(self, rows: Any) -> None:
        self._rows = rows

    def count(self) -> int:
        return int(self._rows.count())

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[ArticlePage]:
        return iter(self[:])

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, int):
            return self[key : key + 1][0]
        ids = [row.article_id for row in self._rows[key]]
        articles = ArticlePage.objects.in_bulk(ids)
        return [articles[pk] for pk in ids if pk in articles]


def search_text_rows(*, articles: Any, reader: str) -> Any:
    """The rows this kind of reader searches, for stories among `articles`."""
    if reader not in READER_KINDS:
        raise ValueError(reader)
    return ArticleSearchText.objects.filter(**{f"for_{reader}": True}, article_id__in=articles.values("pk")).only(
        "pk", "article_id"
    )
