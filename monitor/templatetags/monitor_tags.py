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
    if not getattr(page, "pk", None):
        return {"groups": [], "page": page, "can_clip": False}
    allowed = may_read(user=user, access=page.access)
    entities = visible_entities(article=page, full_text_allowed=allowed)
    return {"groups": group_by_kind(entities), "page": page, "can_clip": user_is_pro(user) and page.live}
