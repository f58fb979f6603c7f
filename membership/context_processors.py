from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from core.entitlement import entitlement_for


def membership(request: HttpRequest) -> dict[str, Any]:
    return {"entitlement": SimpleLazyObject(lambda: entitlement_for(getattr(request, "user", None)))}
