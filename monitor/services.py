"""Writes that span Monitor's models: editor corrections, suggestions, alerts and clips."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from lib.page_cache import invalidate_all
from monitor.discovery import reader_threshold
from monitor.models import Alert, Alias, ArticleEntity, BriefingFolder, Clip, Entity, Follow, Mention, SuggestedEntity
from monitor.registry import registry_touch
from monitor.tasks import tag_article_task
from newsroom.models import ArticlePage


@transaction.atomic
def article_tag_remove(*, article: ArticlePage, entity: Entity) -> ArticleEntity:
    tag, _ = ArticleEntity.objects.get_or_create(article=article, entity=entity)
    tag.removed = True
    tag.save(update_fields=["removed", "tagged_at"])
    Mention.objects.filter(article=article, entity=entity).delete()
    transaction.on_commit(invalidate_all)
    return tag


@transaction.atomic
def article_tag_add(*, article: ArticlePage, entity: Entity) -> ArticleEntity:
    tag, created = ArticleEntity.objects.get_or_create(
        article=article, entity=entity, defaults={"source": ArticleEntity.Source.EDITOR}
    )
    if not created:
        tag.removed = False
        tag.source = ArticleEntity.Source.EDITOR
        tag.save(update_fields=["removed", "source", "tagged_at"])
    transaction.on_commit(invalidate_all)
    return tag


def _suggestion_retag(suggestion: SuggestedEntity, names: list[str]) -> None:
    """Retag, after commit, the stories that named a suggestion (and any live story that names it now)."""
    candidates = list(suggestion.articles.values_list("pk", flat=True))
    for name in names[:3]:
        candidates += [page.pk for page in ArticlePage.objects.live().search(name)[:200]]
    if suggestion.example_article_id:
        candidates.append(suggestion.example_article_id)
    for page_id in dict.fromkeys(candidates):
        transaction.on_commit(partial(tag_article_task.enqueue, page_id))


def _aliases_add(entity: Entity, texts: list[str]) -> None:
    have = {a.casefold() for a in entity.aliases.values_list("text", flat=True)}
    for text in texts:
        text = text.strip()[:200]
        if text and text.casefold() not in have:
            have.add(text.casefold())
            letters = [c for c in text if c.isalpha()]
            acronym = bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6
            Alias.objects.create(entity=entity, text=text, case_sensitive=acronym)


def _entity_for(suggestion: SuggestedEntity, *, kind: str, name: str, description: str = "") -> Entity:
    base = slugify(name)[:190] or "entity"
    slug, n = base, 1
    while Entity.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    entity = Entity.objects.create(kind=kind, name=name, slug=slug, description=description)
    _aliases_add(entity, [name, suggestion.name, *suggestion.aliases])
    return entity


@transaction.atomic
def suggestion_approve(*, suggestion: SuggestedEntity, kind: str, name: str = "", description: str = "") -> Entity:
    """Turn a suggestion into a registry entity with its aliases, and retag the stories that name it.

    A suggestion already published for its confidence keeps its entity, with
    the kind and name the editor chose.
    """
    name = (name or suggestion.name).strip()[:200]
    entity = suggestion.entity if suggestion.status == SuggestedEntity.Status.PUBLISHED else None
    if entity is None:
        entity = _entity_for(suggestion, kind=kind, name=name, description=description)
    else:
        entity.kind, entity.name = kind, name
        entity.description = description or entity.description
        entity.save(update_fields=["kind", "name", "description", "updated_at"])
        _aliases_add(entity, [name])
    suggestion.status = SuggestedEntity.Status.APPROVED
    suggestion.entity = entity
    suggestion.save(update_fields=["status", "entity"])
    registry_touch()
    _suggestion_retag(suggestion, [name, suggestion.name])
    return entity


@transaction.atomic
def suggestion_publish(*, suggestion: SuggestedEntity) -> Entity:
    """Show a confident suggestion to readers before review: it becomes an entity, and stays in the queue.

    Only a suggestion whose confidence clears the reader threshold (fitted on the
    development set, `monitor.discovery.reader_threshold`) is published; editors
    then approve it (keeping the entity), merge it or reject it (removing it).
    """
    if suggestion.status != SuggestedEntity.Status.PENDING or suggestion.confidence < reader_threshold():
        raise ValueError(f"“{suggestion.name}” is not a pending suggestion confident enough to publish")
    entity = _entity_for(suggestion, kind=suggestion.kind or "organisation", name=suggestion.name.strip()[:200])
    suggestion.status = SuggestedEntity.Status.PUBLISHED
    suggestion.entity = entity
    suggestion.save(update_fields=["status", "entity"])
    registry_touch()
    _suggestion_retag(suggestion, [suggestion.name])
    return entity


def suggestions_publish_confident(rows: list[SuggestedEntity]) -> list[SuggestedEntity]:
    """Publish, before review, the pending suggestions whose confidence clears the reader threshold.

    Each becomes an entity readers see at once (its stories are retagged); it
    stays in the editors' queue to approve, merge or reject. Below the threshold
    nothing reaches readers until an editor approves it.
    """
    threshold = reader_threshold()
    published = []
    for row in rows:
        if row.status == SuggestedEntity.Status.PENDING and row.confidence >= threshold:
            suggestion_publish(suggestion=row)
            published.append(row)
    return published


def _unpublish(suggestion: SuggestedEntity) -> list[int]:
    """Remove the entity a published suggestion created; the stories that named it, to retag."""
    entity = suggestion.entity
    if suggestion.status != SuggestedEntity.Status.PUBLISHED or entity is None:
        return []
    pages = list(ArticleEntity.objects.filter(entity=entity).values_list("article_id", flat=True))
    suggestion.entity = None
    suggestion.save(update_fields=["entity"])
    entity.delete()
    registry_touch()
    transaction.on_commit(invalidate_all)
    return pages


@transaction.atomic
def suggestion_merge(*, suggestion: SuggestedEntity, entity: Entity) -> Entity:
    """The suggestion is another name for an existing entity: add its forms as aliases and retag."""
    pages = _unpublish(suggestion)
    _aliases_add(entity, [suggestion.name, *suggestion.aliases])
    suggestion.status = SuggestedEntity.Status.MERGED
    suggestion.entity = entity
    suggestion.save(update_fields=["status", "entity"])
    registry_touch()
    _suggestion_retag(suggestion, [suggestion.name])
    for page_id in pages:
        transaction.on_commit(partial(tag_article_task.enqueue, page_id))
    return entity


@transaction.atomic
def suggestion_dismiss(*, suggestion: SuggestedEntity) -> SuggestedEntity:
    """Reject a suggestion; the name is remembered and never suggested again (a published one leaves readers)."""
    pages = _unpublish(suggestion)
    suggestion.status = SuggestedEntity.Status.DISMISSED
    suggestion.save(update_fields=["status"])
    for page_id in pages:
        transaction.on_commit(partial(tag_article_task.enqueue, page_id))
    return suggestion


# Alerts and briefing books --------------------------------------------------


@transaction.atomic
def alert_save(*, alert: Alert, data: dict) -> Alert:
    alert.name = data["name"]
    alert.words = data["words"]
    alert.frequency = data["frequency"]
    alert.is_active = True if alert.pk is None else data.get("is_active", True)
    alert.save()
    alert.entities.set(data["entities"])
    alert.sections.set(data["sections"])
    return alert


@transaction.atomic
def alert_for_entity_create(*, user: Any, entity: Entity) -> Alert:
    """One press of "Alert me": an alert, as it happens, on stories naming this entity."""
    alert = Alert.objects.create(user=user, name=entity.name[:100], frequency=Alert.Frequency.INSTANT)
    alert.entities.set([entity])
    return alert


def follow_toggle(*, user: Any, entity: Entity) -> bool:
    """Follow the entity, or stop following it; returns whether the member now follows it."""
    deleted, _ = Follow.objects.filter(user_id=user.pk, entity=entity).delete()
    if deleted:
        return False
    Follow.objects.get_or_create(user=user, entity=entity)
    return True


def folder_share_toggle(*, folder: BriefingFolder) -> BriefingFolder:
    """Switch the read-only link on (a fresh unguessable token) or off."""
    folder.share_token = None if folder.share_token else uuid.uuid4()
    folder.save(update_fields=["share_token", "updated_at"])
    return folder


@transaction.atomic
def clip_create(*, folder: BriefingFolder, article: ArticlePage, passage: str, note: str) -> Clip:
    """Clip an article (or a passage of it), keeping its citation even if the story later goes."""
    clip = Clip.objects.create(
        folder=folder,
        article=article,
        title=article.title,
        dek=article.dek,
        url=article.full_url or "",
        published_at=article.date,
        section=article.section.title if article.section else "",
        authors=", ".join(a.title for a in article.authors.all()),
        passage=passage,
        note=note,
    )
    BriefingFolder.objects.filter(pk=folder.pk).update(updated_at=clip.created_at)
    return clip
