"""Named reads for Monitor's pages, exports and template tags."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from core.access import Access
from monitor.models import KIND_PLURALS, Alert, ArticleEntity, BriefingFolder, Entity, Follow, Kind
from monitor.registry import registry_tagger
from monitor.tagger import Found
from newsroom.models import ArticlePage, attach_sections, live_articles
from newsroom.paywall import public_view

# Kinds of reader (newsroom.search.reader_kind) and the stories each may read whole.
READABLE_ACCESS = {
    "anyone": [Access.FREE],
    "members": [Access.FREE, Access.REGISTERED],
    "pro": [Access.FREE, Access.REGISTERED, Access.PRO],
}


def readable_tags(reader: str, prefix: str = "") -> Q:
    """Tags a kind of reader may count: on stories they may read whole, named in
    the part every visitor reads, or added by an editor (shown on the story page).

    Counts, charts, timelines and co-mentions for outsiders come only from
    these, so Monitor never reveals a name that only paid text contains.
    """
    q = Q(**{f"{prefix}removed": False})
    if reader == "pro":
        return q
    return q & (
        Q(**{f"{prefix}article__access__in": READABLE_ACCESS[reader]})
        | Q(**{f"{prefix}public_mention_count__gt": 0})
        | Q(**{f"{prefix}source": ArticleEntity.Source.EDITOR})
    )


def visible_tags(article: ArticlePage) -> QuerySet[ArticleEntity]:
    return (
        ArticleEntity.objects.filter(article=article, removed=False)
        .select_related("entity")
        .order_by("first_position", "entity__name")
    )


# The story page asks twice (its entity list, its locator map's places): each answer is
# kept on the page object, which lives for one request.
_TAGS = "_monitor_visible_tags"
_PUBLIC_IDS = "_monitor_public_entity_ids"


def article_entities(*, article: ArticlePage, full_text_allowed: bool) -> list[Entity]:
    """The entities to show on an article, grouped by the reader's access.

    A reader who may not read the whole story sees only the entities named in
    the part they can read, so the list says nothing about a premium body.
    """
    if _TAGS not in article.__dict__:
        article.__dict__[_TAGS] = list(visible_tags(article))
    tags: list[ArticleEntity] = article.__dict__[_TAGS]
    if full_text_allowed:
        return [t.entity for t in tags]

    if _PUBLIC_IDS not in article.__dict__:
        public_text = "\n\n".join([article.title, article.dek, public_view(article).text])
        article.__dict__[_PUBLIC_IDS] = {f.entity_id for f in registry_tagger().tag(public_text)}
    public_ids: set[int | str] = article.__dict__[_PUBLIC_IDS]
    return [t.entity for t in tags if t.entity_id in public_ids or t.source == ArticleEntity.Source.EDITOR]


def group_by_kind(entities: list[Entity]) -> list[tuple[str, list[Entity]]]:
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        groups.setdefault(entity.kind, []).append(entity)
    return [(KIND_PLURALS[Kind(kind)], groups[kind]) for kind in Kind.values if kind in groups]


def tagged_articles(entity: Entity, *, public_only: bool = False, reader: str = "pro") -> Any:
    ids = ArticleEntity.objects.filter(readable_tags(reader), entity=entity).values("article_id")
    articles = live_articles().filter(pk__in=ids)
    if public_only:
        articles = articles.exclude(access=Access.PRO)
    return articles


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weeks_between(start: dt.date, end: dt.date) -> list[dt.date]:
    first, last = week_start(start), week_start(end)
    weeks = []
    while first <= last:
        weeks.append(first)
        first += dt.timedelta(days=7)
    return weeks


def _article_date(published_at: dt.datetime | None, first: dt.datetime | None) -> dt.date:
    when = published_at or first or timezone.now()
    return timezone.localtime(when).date()


def weekly_counts(entity: Entity, start: dt.date, end: dt.date, *, reader: str = "pro") -> dict[dt.date, int]:
    """Stories naming the entity per week (weeks start on Monday), in what `reader` may read."""
    rows = tagged_articles(entity, reader=reader).values_list("published_at", "first_published_at")
    counts: Counter[dt.date] = Counter()
    for published_at, first in rows:
        day = _article_date(published_at, first)
        if start <= day <= end:
            counts[week_start(day)] += 1
    return {week: counts.get(week, 0) for week in weeks_between(start, end)}


def coverage_range(entities: list[Entity], *, reader: str = "pro") -> tuple[dt.date, dt.date]:
    """From the first story naming any of them to the latest (at least twelve weeks)."""
    dates = []
    for entity in entities:
        rows = tagged_articles(entity, reader=reader).values_list("published_at", "first_published_at")
        dates += [_article_date(p, f) for p, f in rows]
    today = timezone.localdate()
    end = max(dates) if dates else today
    start = min(dates) if dates else end
    if (end - start).days < 7 * 12:
        start = end - dt.timedelta(weeks=12)
    return start, end


@dataclass
class CoMention:
    entity: Entity
    articles: int


def co_mentions(entity: Entity, *, limit: int = 12, public_only: bool = False, reader: str = "pro") -> list[CoMention]:
    """The entities named alongside this one on live stories, the most shared stories first.

    Ties are broken by strength: summed over the stories naming both, the smaller of the
    two mention counts, so a story that keeps naming Iran and Belarus together counts
    more than a passing reference in a round-up.
    """
    article_ids = tagged_articles(entity, public_only=public_only, reader=reader).values("pk")
    # Strength counts the mentions this reader may read.
    count_field = "mention_count" if reader == "pro" else "public_mention_count"
    own = dict(
        ArticleEntity.objects.filter(entity=entity, removed=False, article_id__in=article_ids).values_list(
            "article_id", count_field
        )
    )
    strength: Counter[int] = Counter()
    stories: Counter[int] = Counter()
    rows = (
        ArticleEntity.objects.filter(readable_tags(reader), article_id__in=list(own))
        .exclude(entity=entity)
        .values_list("entity_id", "article_id", count_field)
    )
    for other_id, article_id, count in rows:
        strength[other_id] += max(1, min(count, own.get(article_id, 1)))
        stories[other_id] += 1
    top = sorted(strength, key=lambda pk: (-stories[pk], -strength[pk], pk))[:limit]
    entities = Entity.objects.in_bulk(top)
    return [CoMention(entity=entities[pk], articles=stories[pk]) for pk in top if pk in entities]


def articles_with_both(first: Entity, second: Entity, *, public_only: bool = False, reader: str = "pro") -> Any:
    both = ArticleEntity.objects.filter(readable_tags(reader), entity=second).values("article_id")
    return tagged_articles(first, public_only=public_only, reader=reader).filter(pk__in=both)


def latest(articles: Any, limit: int) -> list[ArticlePage]:
    return attach_sections(articles[:limit])


def passages(article: ArticlePage, entity: Entity, text: str, found: list[Found], width: int = 160) -> list[str]:
    """Short windows of text around each mention (for entitled readers only)."""
    out = []
    for f in found:
        if f.entity_id != entity.pk:
            continue
        start, end = max(0, f.start - width // 2), min(len(text), f.end + width // 2)
        out.append(("… " if start else "") + " ".join(text[start:end].split()) + (" …" if end < len(text) else ""))
    return out[:3]


def story_count(reader: str) -> Count:
    """Stories naming an entity, as `reader` may count them (for `.annotate`)."""
    return Count("article_tags", filter=readable_tags(reader, prefix="article_tags__"), distinct=True)


def entity_search(query: str, limit: int = 50, *, reader: str = "pro") -> QuerySet[Entity]:
    query = query.strip()
    if not query:
        return Entity.objects.none()
    return (
        Entity.objects.filter(aliases__text__icontains=query)
        .distinct()
        .annotate(stories=story_count(reader))
        .order_by("-stories", "name")[:limit]
    )


def entities_from_names(raw: str) -> tuple[list[Entity], list[str]]:
    """Entities named in a comma-separated list (by name, alias or slug), and the names not found."""
    found: list[Entity] = []
    missing: list[str] = []
    for name in (part.strip() for part in raw.split(",")):
        if not name:
            continue
        entity = (
            Entity.objects.filter(slug=name.lower()).first()
            or Entity.objects.filter(name__iexact=name).first()
            or Entity.objects.filter(aliases__text__iexact=name).order_by("-prominence", "pk").first()
        )
        if entity is None:
            missing.append(name)
        elif entity not in found:
            found.append(entity)
    return found, missing


@dataclass(frozen=True)
class FollowedStory:
    article: ArticlePage
    names: list[Entity]  # the followed entities it names


def followed_entities(user: Any) -> list[Entity]:
    return [follow.entity for follow in Follow.objects.filter(user_id=user.pk).select_related("entity")]


def followed_stories(user: Any, *, limit: int = 15) -> list[FollowedStory]:
    """The latest stories naming any entity the member follows, newest first."""
    followed = followed_entities(user)
    if not followed:
        return []
    tags = ArticleEntity.objects.filter(readable_tags("pro"), entity__in=followed)
    articles = attach_sections(list(live_articles().filter(pk__in=tags.values("article_id"))[:limit]))
    by_id = {entity.pk: entity for entity in followed}
    names: dict[int, list[Entity]] = {}
    for article_id, entity_id in tags.filter(article_id__in=[a.pk for a in articles]).values_list(
        "article_id", "entity_id"
    ):
        names.setdefault(article_id, []).append(by_id[entity_id])
    return [FollowedStory(article=a, names=sorted(names.get(a.pk, []), key=lambda e: e.name)) for a in articles]


def alert_for_entity(user: Any, entity: Entity) -> Alert | None:
    """The member's alert on this entity alone, if they have one (the one "Alert me" makes)."""
    for alert in Alert.objects.filter(user_id=user.pk, entities=entity).prefetch_related("entities"):
        if [e.pk for e in alert.entities.all()] == [entity.pk] and not alert.words:
            return alert
    return None


def entity_suggestions(prefix: str, *, limit: int = 10) -> list[dict[str, str]]:
    """Entities whose name or an alias starts with (then contains) `prefix`, best known first."""
    prefix = " ".join(prefix.split())
    if len(prefix) < 2:
        return []
    starts = Q(name__istartswith=prefix) | Q(aliases__text__istartswith=prefix)
    contains = Q(name__icontains=prefix) | Q(aliases__text__icontains=prefix)
    found: list[Entity] = []
    for condition in (starts, contains):
        for entity in Entity.objects.filter(condition).distinct().order_by("-prominence", "name")[: limit * 2]:
            if entity not in found:
                found.append(entity)
    return [{"name": e.name, "kind": e.kind_label, "slug": e.slug} for e in found[:limit]]


def member_folders_and_last_used(user: Any) -> tuple[list[BriefingFolder], BriefingFolder | None]:
    """The member's briefing books by name, and the last used: the one they last clipped
    into, else the one they last created or changed. One query."""
    folders: list[Any] = list(
        BriefingFolder.objects.filter(owner_id=user.pk)
        .annotate(last_clip_at=Max("clips__created_at"), last_clip_pk=Max("clips__pk"))
        .order_by("name")
    )
    clipped = [f for f in folders if f.last_clip_at is not None]
    if clipped:
        return folders, max(clipped, key=lambda f: (f.last_clip_at, f.last_clip_pk))
    return folders, max(folders, key=lambda f: (f.updated_at, f.pk), default=None)


def article_place_names(article: ArticlePage) -> list[str]:
    """Places the part of the story anyone may read names: marked on its locator map."""
    if not getattr(article, "pk", None):
        return []
    entities = article_entities(article=article, full_text_allowed=article.access == Access.FREE)
    return [entity.name for entity in entities if entity.kind == Kind.PLACE]


def related_entity_features(article: ArticlePage, exclude: list[int]) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Entities this story shares with others, counted only from tags any visitor may
    see, so related stories say nothing about paid text."""
    public = readable_tags("anyone")
    entity_ids = ArticleEntity.objects.filter(public, article=article).values_list("entity_id", flat=True)
    links = ArticleEntity.objects.filter(public, entity_id__in=list(entity_ids), article__live=True)
    df = links.values("entity__name").annotate(n=Count("pk")).values_list("entity__name", "n")
    # A name mentioned once in passing does not make two stories related.
    pairs = links.exclude(article_id__in=exclude).filter(mention_count__gte=2).values_list("article_id", "entity__name")
    return {e.casefold(): n for e, n in df}, [(a, e.casefold()) for a, e in pairs]
