from typing import Any

from django import template

from core.access import may_read
from core.entitlement import user_is_pro
from monitor.queries import article_entities as visible_entities
from monitor.queries import group_by_kind

register = template.Library()


@register.inclusion_tag("monitor/components/article_entities_list.html", takes_context=True)
def article_entities(context: Any, page: Any) -> dict[str, Any]:
    """The story's entities as links, limited to what this reader may read."""
    request = context.get("request")
    user = getattr(request, "user", None)
    topics = list(getattr(page, "topic_list", []))
    if not getattr(page, "pk", None):
        return {"groups": [("Topics", topics)] if topics else [], "page": page, "can_clip": False}
    allowed = may_read(user=user, access=page.access)
    entities = visible_entities(article=page, full_text_allowed=allowed)
    # Topics and entities in one list: a topic that is also a named entity is shown once, as the topic.
    names = {t.title.casefold() for t in topics}
    groups = group_by_kind([e for e in entities if e.name.casefold() not in names])
    return {
        "groups": ([("Topics", topics)] if topics else []) + groups,
        "page": page,
        "can_clip": user_is_pro(user) and page.live,
    }
