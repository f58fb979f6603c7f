"""Tagging one story: find the registry's entities in its text and record the
mentions, keeping editors' corrections; names the registry lacks become
suggestions for editors. The tag task runs this on publish."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

from lib.page_cache import invalidate_all
from monitor.discovery import Analysis, Seen, Suggestion, analyse, analyse_many, fold
from monitor.models import ArticleEntity, Entity, Mention, SuggestedEntity
from monitor.registry import registry_tagger
from monitor.tagger import Tagger
from newsroom.blocks import block_text
from newsroom.models import ArticlePage
from newsroom.paywall import public_view

# Sent with `rows`, the suggestions a story's tagging just recorded; the editors'
# services decide which of them reach readers before review (monitor.signals).
suggestions_recorded = Signal()


def model_stage_enabled() -> bool:
    """The model stage runs unless MONITOR_MODEL_STAGE is off (it is also off when the model is missing)."""
    return bool(getattr(settings, "MONITOR_MODEL_STAGE", True))


def text_analyse(text: str, tagger: Tagger | None = None, *, article_id: int | None = None) -> Analysis:
    """Registry tags and suggestions for a text, leaving out names editors rejected.

    A suggestion's confidence counts the other stories already suggested under the
    same name and kind; `article_id` is the story this text is, which does not count.
    """
    tagger = tagger or registry_tagger()
    if not model_stage_enabled():
        return Analysis(tagger.tag(text), [])
    return _unsettled(analyse(text, tagger, seen=stories_naming(exclude=article_id)))


def texts_analyse(
    texts: list[str], *, batch_size: int = 32, n_process: int = 1, article_ids: list[int] | None = None
) -> list[Analysis]:
    """`text_analyse` for many texts, batched through the model (for retagging the archive)."""
    tagger = registry_tagger()
    if not model_stage_enabled():
        return [Analysis(tagger.tag(text), []) for text in texts]

    def seen(i: int) -> Seen:
        return stories_naming(exclude=article_ids[i] if article_ids is not None else None)

    analyses = analyse_many(texts, tagger, batch_size=batch_size, n_process=n_process, seen=seen)
    return [_unsettled(a) for a in analyses]


def stories_naming(*, exclude: int | None = None) -> Seen:
    """How many stories, other than `exclude`, the queue holds under each (folded name, kind)."""

    def seen(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        through = SuggestedEntity.articles.through.objects.filter(suggestedentity__key__in={key for key, _ in pairs})
        if exclude is not None:
            through = through.exclude(articlepage_id=exclude)
        rows = through.values_list("suggestedentity__key", "suggestedentity__kind", "articlepage_id").distinct()
        counts = Counter((key, kind) for key, kind, _ in rows)
        return {pair: counts.get(pair, 0) for pair in pairs}

    return seen


def _unsettled(result: Analysis) -> Analysis:
    """Suggestions editors already approved, merged or rejected are not offered again."""
    if not result.suggestions:
        return result
    keys = {fold(s.name) for s in result.suggestions}
    settled = set(
        SuggestedEntity.objects.filter(key__in=keys)
        .exclude(status=SuggestedEntity.Status.PENDING)
        .values_list("key", flat=True)
    )
    return Analysis(result.entities, [s for s in result.suggestions if fold(s.name) not in settled])


def _joined(parts: list[str]) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def article_text(article: ArticlePage) -> str:
    """Title, standfirst and every body block: the text mention positions refer to."""
    return _joined([article.title, article.dek, *(block_text(block) for block in article.body)])


def public_part_end(article: ArticlePage) -> int:
    """Where, in `article_text`, the part every visitor may read ends.

    The public part (title, standfirst and the teaser cut by `newsroom.paywall`)
    is a prefix of the article text, so a mention ending before this offset is
    one an outsider can read; Monitor counts only those for outsiders.
    """

    view = public_view(article)
    if view.complete:
        return len(article_text(article))
    return len(_joined([article.title, article.dek, *(block_text(block) for block in view.blocks)]))


@transaction.atomic
def article_tag(*, article: ArticlePage, analysis: Analysis | None = None) -> list[ArticleEntity]:
    """Tag an article afresh; editors' removals and additions survive.

    `analysis` is the article text's analysis when the caller has batched it.
    """
    text = article_text(article)
    analysis = analysis or text_analyse(text, article_id=article.pk)
    found = analysis.entities
    existing = {tag.entity_id: tag for tag in ArticleEntity.objects.select_for_update().filter(article=article)}
    removed = {entity_id for entity_id, tag in existing.items() if tag.removed}
    valid = set(Entity.objects.filter(pk__in={f.entity_id for f in found}).values_list("pk", flat=True))
    kept = [f for f in found if f.entity_id in valid and f.entity_id not in removed]

    public_end = public_part_end(article)
    Mention.objects.filter(article=article).delete()
    Mention.objects.bulk_create(
        Mention(
            article=article,
            entity_id=f.entity_id,
            start=f.start,
            end=f.end,
            text=f.text[:200],
            in_public_part=f.end <= public_end,
        )
        for f in kept
    )
    counts = Counter(f.entity_id for f in kept)
    public_counts = Counter(f.entity_id for f in kept if f.end <= public_end)
    first: dict[int | str, int] = {}
    for f in kept:
        first.setdefault(f.entity_id, f.start)
    for entity_id, count in counts.items():
        tag = existing.get(entity_id)  # type: ignore[arg-type]
        numbers = {
            "mention_count": count,
            "public_mention_count": public_counts.get(entity_id, 0),
            "first_position": first[entity_id],
        }
        if tag is None:
            ArticleEntity.objects.create(article=article, entity_id=entity_id, **numbers)
        else:
            ArticleEntity.objects.filter(pk=tag.pk).update(**numbers)
    # Tags the tagger no longer finds go, unless an editor added or removed them.
    ArticleEntity.objects.filter(article=article, source=ArticleEntity.Source.TAGGER, removed=False).exclude(
        entity_id__in=list(counts)
    ).delete()
    ArticleEntity.objects.filter(article=article, source=ArticleEntity.Source.EDITOR).exclude(
        entity_id__in=list(counts)
    ).update(mention_count=0, public_mention_count=0)
    # A suggestion shown to readers before review is an entity now: its stories still count in the queue.
    for row in SuggestedEntity.objects.filter(status=SuggestedEntity.Status.PUBLISHED, entity_id__in=list(counts)):
        row.articles.add(article)
        SuggestedEntity.objects.filter(pk=row.pk).update(occurrences=row.articles.count())
    recorded = suggestions_record(article=article, suggestions=analysis.suggestions)
    suggestions_recorded.send(sender=SuggestedEntity, rows=recorded)
    # The story's entity links show on its page and on entity pages.
    transaction.on_commit(invalidate_all)
    return list(ArticleEntity.objects.filter(article=article).select_related("entity"))


def suggestions_record(*, article: ArticlePage, suggestions: list[Suggestion]) -> list[SuggestedEntity]:
    """Record the names this story uses that the registry lacks, one row per thing.

    A rejected or already settled name is never suggested again; a pending one
    gains this story (the queue ranks by how many stories name it), any new form
    it took here (a surname, an acronym) and its best confidence.
    """
    by_key: dict[str, list[Suggestion]] = {}
    for suggestion in suggestions:
        by_key.setdefault(fold(suggestion.name), []).append(suggestion)
    # This story's earlier suggestions lose it; the ones it still names get it back below.
    for row in SuggestedEntity.objects.filter(articles=article, status=SuggestedEntity.Status.PENDING):
        row.articles.remove(article)
        SuggestedEntity.objects.filter(pk=row.pk).update(occurrences=row.articles.count())
    if not by_key:
        return []
    rows = {row.key: row for row in SuggestedEntity.objects.filter(key__in=list(by_key))}
    recorded = []
    for key, mentions in by_key.items():
        best = max(mentions, key=lambda m: m.confidence)
        # The sentence shown to editors is one that gives the name in full, not a later surname or acronym.
        example = next((m for m in mentions if m.text == m.name), best)
        existing = rows.get(key)
        if existing is not None:
            row = existing
        else:
            row, _ = SuggestedEntity.objects.get_or_create(
                name=best.name[:200],
                defaults={
                    "key": key[:200],
                    "kind": best.kind,
                    "sentence": example.sentence,
                    "example_article": article,
                },
            )
            if not row.key:
                row.key = key[:200]
        if row.status != SuggestedEntity.Status.PENDING:
            continue
        forms = {m.text for m in mentions if fold(m.text) != key} - set(row.aliases) - {row.name}
        row.aliases = sorted([*row.aliases, *forms])[:20]
        if best.confidence >= row.confidence:
            row.confidence, row.kind, row.sentence = best.confidence, best.kind, example.sentence[:2000]
        row.example_article = row.example_article or article
        row.save()
        row.articles.add(article)
        row.occurrences = row.articles.count()
        SuggestedEntity.objects.filter(pk=row.pk).update(occurrences=row.occurrences)
        recorded.append(row)
    return recorded
