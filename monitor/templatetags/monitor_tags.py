from typing import Any

from django import template

from core.access import may_read
from core.entitlement import user_is_pro
from monitor.models import Entity
from monitor.queries import alert_for_entity, followed_entities, group_by_kind, member_folders_and_last_used
from monitor.queries import article_entities as visible_entities

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
def clip_form(context: Any) -> dict[str, Any]:
    """For PRO members under a live story: clip a paragraph (or, with JavaScript, a
    selection) into a briefing book. The same for every PRO reader of the story, so it
    is cached with the page; the member's own books are a personal part inside it
    (`clip_folders`)."""
    page, view = context.get("page"), context.get("view")
    if not context.get("reader_is_pro") or view is None or not getattr(page, "pk", None) or not page.live:
        return {"show": False}
    paragraphs = [" ".join(p.split()) for p in view.text.split("\n") if len(p.split()) >= 4]
    return {
        "show": True,
        "page": page,
        "choices": [(p, _shorten(p)) for p in paragraphs],
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("monitor/components/clip_folders.html", takes_context=True)
def clip_folders(context: Any) -> dict[str, Any]:
    """The member's briefing books in the clip form, the last used chosen: rendered for
    each request from the request alone."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not user_is_pro(user):
        return {"show": False}
    folders, last = member_folders_and_last_used(user)
    return {"show": True, "folders": folders, "last": last}


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
