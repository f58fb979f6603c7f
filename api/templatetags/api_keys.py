from typing import Any

from django import template

from api.keys import may_hold_keys
from api.models import ApiKey

register = template.Library()


@register.simple_tag(takes_context=True)
def api_key_panel(context: Any) -> dict[str, Any]:
    """The signed-in reader's keys, and whether they may make one."""
    user = context["request"].user
    if not user.is_authenticated:
        return {"allowed": False, "keys": []}
    keys = list(ApiKey.objects.filter(owner=user, revoked_at__isnull=True))
    return {"allowed": may_hold_keys(user), "keys": keys}
