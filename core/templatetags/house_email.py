"""What every email's layout shows whoever sends it: the outlet's name and address."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

from core.models import OutletSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def outlet_name(context: Any) -> str:
    outlet = context.get("outlet")
    return str(getattr(outlet, "name", "") or OutletSettings.load().name)


@register.simple_tag(takes_context=True)
def site_url(context: Any) -> str:
    return str(context.get("SITE_URL") or settings.SITE_URL)
