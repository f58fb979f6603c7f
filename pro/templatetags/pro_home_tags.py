from typing import Any

from django import template
from django.db.models import F

from pro.models import MemoPage, TrendReportPage

register = template.Library()


@register.inclusion_tag("newsroom/home_pro_rail.html")
def pro_rail(memos: int = 3, reports: int = 2) -> dict[str, Any]:
    """The latest memos and trend reports by title and standfirst (both public) for the home page."""

    def latest(model: Any, count: int) -> list[Any]:
        pages = model.objects.live().public().order_by(F("published_at").desc(nulls_last=True), "-first_published_at")
        return list(pages[:count])

    return {"memos": latest(MemoPage, memos), "reports": latest(TrendReportPage, reports)}
