"""The PRO price as staff set it on the Plan, for offers on any page."""

from django import template

from membership.models import Plan
from membership.services import default_plan

register = template.Library()


@register.simple_tag
def pro_plan() -> Plan | None:
    """The individual plan on sale, or None when staff have taken it off sale."""
    return default_plan(Plan.Kind.INDIVIDUAL)
