from typing import Any

from django import template

from core.access import may_read
from core.entitlement import user_is_pro
from monitor.models import Entity
from monitor.queries import alert_for_entity, followed_entities, group_by_kind, member_folders_and_last_used
from monitor.queries import article_entities as visible_entities
from newsroom.models import ArticlePage
from newsroom.paywall import article_view

register = template.Library()


@register.inclusion_tag("monitor/components/article_entities_list.html", takes_context=True)
def article_entities(context: Any, page: Any) -> dict[str, Any]:
    """The story's entities as links, limited to what this reader may read."""
    request = context.get("request")
    user = getattr(request, "user", None)
    topics = list(getattr(page, "topic_list", []))
    if not getattr(page, "pk", None):
        return {"groups": [("Topics", topics)] if topics else [], "page": page}
    allowed = may_read(user=user, access=page.access)
    entities = visible_entities(article=page, full_text_allowed=allowed)
    # Topics and entities in one list: a topic that is also a named entity is shown once, as the topic.
    names = {t.title.casefold() for t in topics}
    groups = group_by_kind([e for e in entities if e.name.casefold() not in names])
    return {
        "groups": ([("Topics", topics)] if topics else []) + groups,
        "page": page,
    }


CLIP_CHOICE_LENGTH = 90


def _shorten(text: str) -> str:
    return text if len(text) <= CLIP_CHOICE_LENGTH else text[:CLIP_CHOICE_LENGTH].rsplit(" ", 1)[0] + "…"


@register.inclusion_tag("monitor/components/clip_form.html", takes_context=True)
def clip_form(context: Any, page_id: int | None) -> dict[str, Any]:
    """For PRO members on a live story: clip a paragraph (or, with JavaScript, a selection)
    into a briefing book, the last-used one chosen. A personal part of the page: it is
    given the story's id and renders from the request alone."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not page_id or not user_is_pro(user):
        return {"show": False}
    page = ArticlePage.objects.live().filter(pk=page_id).first()
    if page is None:
        return {"show": False}
    text = article_view(article=page, user=user).text
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if len(p.split()) >= 4]
    choices = [
        (p, p if len(p) <= CLIP_CHOICE_LENGTH else p[:CLIP_CHOICE_LENGTH].rsplit(" ", 1)[0] + "…") for p in paragraphs
    ]
    folders, last = member_folders_and_last_used(user)
    return {
        "show": True,
        "page": page,
        "choices": choices,
        "folders": folders,
        "last": last,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("monitor/components/entity_actions_inner.html", takes_context=True)
def entity_actions(context: Any, entity_id: int) -> dict[str, Any]:
    """Alert me, Follow and Compare with this member's own state: a personal part of the page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    entity = Entity.objects.filter(pk=entity_id).first()
    if entity is None or not user_is_pro(user):
        return {"show": False}
    return {
        "show": True,
        "entity": entity,
        "alert": alert_for_entity(user, entity),
        "following": entity in followed_entities(user),
        "csrf_token": context.get("csrf_token"),
    }
