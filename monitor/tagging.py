"""Tagging one story: find the registry's entities in its text and record the
mentions, keeping editors' corrections. The tag task runs this on publish."""

from __future__ import annotations

import re
from collections import Counter

from django.db import transaction
from django.db.models import F

from lib.page_cache import invalidate_all
from monitor.models import ArticleEntity, Entity, Mention, SuggestedEntity
from monitor.registry import registry_tagger
from monitor.tagger import Found
from newsroom.blocks import block_text
from newsroom.models import ArticlePage
from newsroom.paywall import public_view

# Two to four capitalised words in a row ("National Resistance Center"),
# optionally joined by a lower-case particle ("Bank of Israel").
_PROPER = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of|al|bin|el|de|for|the)?\s*[A-Z][\w'’-]+){1,3}")
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "But", "And", "Why", "Know", "It", "This", "That", "He", "She"}


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
def article_tag(*, article: ArticlePage) -> list[ArticleEntity]:
    """Tag an article afresh; editors' removals and additions survive."""
    text = article_text(article)
    found = registry_tagger().tag(text)
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
    suggestions_record(article=article, text=text, found=found)
    # The story's entity links show on its page and on entity pages.
    transaction.on_commit(invalidate_all)
    return list(ArticleEntity.objects.filter(article=article).select_related("entity"))


def suggestions_record(*, article: ArticlePage, text: str, found: list[Found]) -> list[SuggestedEntity]:
    """Count proper names the registry lacks, for editors to approve or dismiss."""
    spans = [(f.start, f.end) for f in found]
    names: set[str] = set()
    for match in _PROPER.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in spans):
            continue
        words = match.group(0).split()
        if words[0] in _NOT_NAMES:
            words = words[1:]
        if len(words) >= 2:
            names.add(" ".join(words)[:200])
    if not names:
        return []
    known = set(SuggestedEntity.objects.filter(name__in=names).values_list("name", flat=True))
    SuggestedEntity.objects.bulk_create(
        [SuggestedEntity(name=name, occurrences=0, example_article=article) for name in names - known],
        ignore_conflicts=True,
    )
    SuggestedEntity.objects.filter(name__in=names, status=SuggestedEntity.Status.PENDING).update(
        occurrences=F("occurrences") + 1
    )
    return list(SuggestedEntity.objects.filter(name__in=names))
