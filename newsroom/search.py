"""What each kind of reader may find a story by, and site search over it.

A story's paid part is searchable only by readers who may read it: a visitor
searching a phrase that appears only after the teaser of a PRO story must not
learn that the story contains it. Every story gets one `ArticleSearchText` row
per kind of reader, built from the same cut (`newsroom.paywall`) that decides
what the story page shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import prefetch_related_objects
from wagtail.models import Page, PageViewRestriction

from core.access import Access
from core.entitlement import user_is_pro
from lib.text import WORD
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


def search_text_rows_for(articles: list[ArticlePage]) -> list[ArticleSearchText]:
    """Unsaved search-text rows for many stories, with their topics and authors
    read in two queries (the bulk path for imports and archives)."""
    prefetch_related_objects(articles, "topics", "authors")
    return [ArticleSearchText(**fields) for article in articles for fields in search_text_fields(article)]


@transaction.atomic
def article_search_texts_refresh(*, article: ArticlePage) -> list[ArticleSearchText]:
    """Rebuild the story's rows from its live content (none once it is unpublished)."""
    ArticleSearchText.objects.filter(article=article).delete()
    if not article.live:
        return []
    # The database keeps its full-text index in step (see the engine notes below).
    return ArticleSearchText.objects.bulk_create(ArticleSearchText(**fields) for fields in search_text_fields(article))


# -- the site-search engine ---------------------------------------------------
#
# Site search asks the database's own full-text index for one page of matches,
# ranked or newest first, and never sorts or counts every match in Python.
#
# SQLite: an FTS5 table `newsroom_search_fts` kept in step with the search-text
# rows by triggers (migration 0005). Its rowid is built so that rowid order is
# publication order and the rest can be read off it without a lookup:
#
#     seconds since 1970 << 31 | story id << 3 | for_anyone << 2 | for_members << 1 | for_pro
#
# So "newest first" is FTS5 walking its index backwards and stopping after one
# page, a date range is a rowid range, and "only rows this reader may read" is
# a bit test on each match rather than another term to intersect.
#
# PostgreSQL: a generated `search_document` tsvector column with a GIN index.

STORY_BITS = 28  # story ids below 2**28 fit in the rowid
READER_BITS = {"anyone": 4, "members": 2, "pro": 1}
COUNT_LIMIT = 1000  # beyond this the page says "more than 1,000"
SQLITE_TABLE = "newsroom_search_fts"


def sqlite_rowid_floor(when: dt.datetime | None) -> int:
    """The smallest rowid of a row published at or after `when`."""
    seconds = max(0, int(when.timestamp())) if when else 0
    return seconds << (STORY_BITS + 3)


def parse_search(raw: str) -> list[tuple[str, ...]]:
    """Words and "quoted phrases" from what a reader typed: each item is one
    word, or the words of a phrase. Punctuation and search-engine syntax are
    dropped, so no input can break the query."""
    parts = raw.split('"')
    terms: list[tuple[str, ...]] = []
    for position, part in enumerate(parts):
        words = WORD.findall(part)
        quoted = position % 2 == 1 and position < len(parts) - 1
        if quoted and len(words) > 1:
            terms.append(tuple(words))
        else:
            terms.extend((word,) for word in words)
    return terms


def _fts5_match(terms: list[tuple[str, ...]]) -> str:
    # WORD matches only letters, digits and "_", so the quoted strings need no escaping.
    return " ".join('"' + " ".join(term) + '"' for term in terms)


def _pg_tsquery(terms: list[tuple[str, ...]]) -> tuple[str, list[str]]:
    parts = ["phraseto_tsquery('english', %s)" if len(term) > 1 else "plainto_tsquery('english', %s)" for term in terms]
    return "(" + " && ".join(parts) + ")", [" ".join(term) for term in terms]


@dataclass(frozen=True)
class SearchScope:
    """Which stories a search may return, besides the words."""

    reader: str = "anyone"
    section_path: str | None = None
    after: dt.datetime | None = None
    before: dt.datetime | None = None


def _restricted_paths() -> list[str]:
    # Stories under a page with a view restriction are never in public search.
    # A subquery, not a join: the planner must not walk every page to find the few restricted.
    restricted = PageViewRestriction.objects.values("page_id")
    return list(Page.objects.filter(pk__in=restricted).values_list("path", flat=True))


class SearchHits:
    """One search's matching stories, read a page at a time.

    `count()` stops at COUNT_LIMIT + 1 (`more_than_limit` tells the page);
    slices fetch only the stories of that slice. The object is what
    Django's Paginator expects.
    """

    def __init__(self, terms: list[tuple[str, ...]], scope: SearchScope, *, by_relevance: bool) -> None:
        if scope.reader not in READER_KINDS:
            raise ValueError(scope.reader)
        self.terms = terms
        self.scope = scope
        self.by_relevance = by_relevance
        self.limit = COUNT_LIMIT
        self._count: int | None = None

    # The SQL: `select` is the output column(s); returns (sql, params). Ordered
    # as the reader asked, or newest first whatever they asked (`newest`).
    def _sql(self, select: str, *, ordered: bool, newest: bool = False) -> tuple[str, list[Any]]:
        by_relevance = self.by_relevance and not newest
        vendor = connection.vendor
        scope = self.scope
        params: list[Any] = []
        where: list[str] = []
        if vendor == "sqlite":
            mask = (1 << STORY_BITS) - 1
            story = f"((f.rowid >> 3) & {mask})"
            source = f"{SQLITE_TABLE} f JOIN wagtailcore_page p ON p.id = {story}"
            where.append(f"{SQLITE_TABLE} MATCH %s AND (f.rowid & {READER_BITS[scope.reader]}) != 0")
            params.append(_fts5_match(self.terms))
            if scope.after:
                where.append("f.rowid >= %s")
                params.append(sqlite_rowid_floor(scope.after))
            if scope.before:
                where.append("f.rowid < %s")
                params.append(sqlite_rowid_floor(scope.before))
            order = "f.rank" if by_relevance else "f.rowid DESC"
        else:
            story = "t.article_id"
            tsquery, words = _pg_tsquery(self.terms)
            join = "newsroom_articlesearchtext t JOIN wagtailcore_page p ON p.id = t.article_id"
            source = f"{join}, (SELECT {tsquery} AS q) w"
            params.extend(words)
            where.append(f"t.for_{scope.reader} AND t.search_document @@ w.q")
            if scope.after:
                where.append("t.published_at >= %s")
                params.append(scope.after)
            if scope.before:
                where.append("t.published_at < %s")
                params.append(scope.before)
            order = (
                "ts_rank(t.search_document, w.q) DESC, t.published_at DESC"
                if by_relevance
                else "t.published_at DESC NULLS LAST, t.article_id DESC"
            )
        where.append("p.live")
        if scope.section_path:
            where.append("p.path LIKE %s")
            params.append(scope.section_path + "%")
        for path in _restricted_paths():
            where.append("p.path NOT LIKE %s")
            params.append(path + "%")
        # Only constant fragments are joined here; every value goes in as a parameter.
        sql = f"SELECT {select.format(story=story)} FROM {source} WHERE {' AND '.join(where)}"  # noqa: S608
        if ordered:
            sql += f" ORDER BY {order}"
        return sql, params

    def story_ids(self, offset: int, limit: int) -> list[int]:
        """The ids of one page of matching stories, in order."""
        if not self.terms or limit <= 0 or offset >= self.count():
            return []
        sql, params = self._page_sql()
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def _page_sql(self) -> tuple[str, list[Any]]:
        # The bounded count has already run (it is needed for the page anyway),
        # and what it found decides how to read a page.
        #
        # Ranked by relevance with more than COUNT_LIMIT matches, only the newest
        # COUNT_LIMIT + 1 are ranked: the reader is offered no more results than
        # that, and ranking every match of a common word means reading every one
        # of their documents (a third of a second for a word in 15,000 stories
        # on PostgreSQL).
        #
        # Newest first on PostgreSQL with at most COUNT_LIMIT matches, they are
        # all read through the full-text index and sorted. The planner guesses
        # how many rows a word matches from statistics that know only the
        # commoner words: a rare word, or one in no story, is guessed at about
        # 0.5% of rows, and on that guess it walks the date index backwards
        # testing every row until it has a page, most of the table for a word in
        # 50 stories and all of it for a word in none. With more matches than
        # that, the walk finds a page within a few hundred rows. (FTS5 walks
        # its own index newest first, so SQLite needs neither.)
        postgres = connection.vendor == "postgresql"
        few = not self.more_than_limit
        if self.by_relevance and not few:
            matches, params = self._sql(self._page_columns(), ordered=True, newest=True)
            matches += f" LIMIT {self.limit + 1}"
        elif postgres and few and not self.by_relevance:
            matches, params = self._sql(self._page_columns(), ordered=False)
        else:
            return self._sql("{story}", ordered=True)
        if postgres:
            newest = "m.published_at DESC NULLS LAST, m.story DESC"
            order = f"m.score DESC, {newest}" if self.by_relevance else newest
        else:
            order = "m.score, m.position DESC"  # FTS5's rank: lower is better
        return f"WITH m AS MATERIALIZED ({matches}) SELECT m.story FROM m ORDER BY {order}", params  # noqa: S608

    def _page_columns(self) -> str:
        if connection.vendor == "postgresql":
            score = ", ts_rank(t.search_document, w.q) AS score" if self.by_relevance else ""
            return "{story} AS story, t.published_at AS published_at" + score
        return "{story} AS story, f.rowid AS position, f.rank AS score"

    def count(self) -> int:
        """How many stories match, counted up to `limit` + 1."""
        if self._count is None:
            if not self.terms:
                self._count = 0
            else:
                sql, params = self._sql("1", ordered=False)
                with connection.cursor() as cursor:
                    bounded = f"SELECT count(*) FROM ({sql} LIMIT %s) AS bounded"  # noqa: S608
                    cursor.execute(bounded, [*params, self.limit + 1])
                    self._count = int(cursor.fetchone()[0])
        return self._count

    @property
    def more_than_limit(self) -> bool:
        return self.count() > self.limit

    @property
    def limit_text(self) -> str:
        return f"{self.limit:,}"

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[ArticlePage]:
        return iter(self[0 : self.count()])

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, int):
            return self[key : key + 1][0]
        start = key.start or 0
        stop = self.count() if key.stop is None else key.stop
        ids = self.story_ids(start, stop - start)
        articles = ArticlePage.objects.in_bulk(ids)
        return [articles[pk] for pk in ids if pk in articles]
