from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def membership(request: HttpRequest) -> dict[str, Any]:
    from membership.entitlement import entitlement_for

    return {"entitlement": SimpleLazyObject(lambda: entitlement_for(getattr(request, "user", None)))}
