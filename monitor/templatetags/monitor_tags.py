from typing import Any

from django import template

from core.access import may_read
from core.entitlement import user_is_pro
from monitor.queries import article_entities as visible_entities
from monitor.queries import group_by_kind, last_used_folder, member_folders
from newsroom.paywall import article_view

register = template.Library()


@register.inclusion_tag("monitor/components/article_entities_list.html", takes_context=True)
def article_entities(context: Any, page: Any) -> dict[str, Any]:
    """The story's entities as links, limited to what this reader may read."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(page, "pk", None):
        return {"groups": [], "page": page}
    allowed = may_read(user=user, access=page.access)
    entities = visible_entities(article=page, full_text_allowed=allowed)
    return {"groups": group_by_kind(entities), "page": page}


CLIP_CHOICE_LENGTH = 90


def _shorten(text: str) -> str:
    return text if len(text) <= CLIP_CHOICE_LENGTH else text[:CLIP_CHOICE_LENGTH].rsplit(" ", 1)[0] + "…"


@register.inclusion_tag("monitor/components/clip_form.html", takes_context=True)
def clip_form(context: Any, page: Any) -> dict[str, Any]:
    """For PRO members on a live story: clip a paragraph (or, with JavaScript, a selection)
    into a briefing book, the last-used one chosen."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(page, "pk", None) or not page.live or not user_is_pro(user):
        return {"show": False}
    text = article_view(article=page, user=user).text
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if len(p.split()) >= 4]
    choices = [
        (p, p if len(p) <= CLIP_CHOICE_LENGTH else p[:CLIP_CHOICE_LENGTH].rsplit(" ", 1)[0] + "…") for p in paragraphs
    ]
    folders = member_folders(user)
    last = last_used_folder(user)
    return {
        "show": True,
        "page": page,
        "choices": choices,
        "folders": folders,
        "last": last,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
