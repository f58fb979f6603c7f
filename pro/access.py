"""The one place that decides what of a memo or report a visitor receives.

Pages, PDFs and listings take their content from `product_view`; anyone who
is not PRO gets the title, standfirst and shape (how many judgements, which
charts) that sell the product, and nothing of its substance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

from core.entitlement import user_is_pro
from lib.charts import ChartDataError, DrawnChart
from pro.charts import drawn_mentions_chart, drawn_table_chart


@dataclass(frozen=True)
class Section:
    kind: str  # heading | text | chart
    text: str = ""
    html: SafeString = field(default_factory=lambda: mark_safe(""))
    chart: DrawnChart | None = None


@dataclass(frozen=True)
class ProductView:
    complete: bool
    kind: str  # memo | report
    # Memo
    bottom_line: SafeString = field(default_factory=lambda: mark_safe(""))
    judgements: list[str] = field(default_factory=list)
    watch: list[str] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    # Report
    sections: list[Section] = field(default_factory=list)
    # What the teaser may say about the shape
    outline: list[str] = field(default_factory=list)

    @property
    def charts(self) -> list[DrawnChart]:
        return [s.chart for s in self.sections if s.chart is not None]


def _report_sections(page: Any) -> list[Section]:
    sections: list[Section] = []
    for number, block in enumerate(page.body, start=1):
        value = block.value
        if block.block_type == "heading":
            sections.append(Section(kind="heading", text=str(value)))
        elif block.block_type == "paragraph":
            sections.append(Section(kind="text", html=mark_safe(expand_db_html(value.source))))
        elif block.block_type == "table_chart":
            try:
                chart = drawn_table_chart(
                    raw=value["data"], title=value["title"], unit=value["unit"], chart_id=f"chart-{number}"
                )
            except ChartDataError:
                continue  # refused in the editor; an old revision's bad table is skipped, not a 500
            sections.append(Section(kind="chart", chart=chart))
        elif block.block_type == "mentions_chart":
            chart = drawn_mentions_chart(
                names=value["entities"], weeks=value["weeks"], title=value["title"], chart_id=f"chart-{number}"
            )
            sections.append(Section(kind="chart", chart=chart))
    return sections


def _report_outline(page: Any) -> list[str]:
    return [
        f"Chart: {block.value['title']}" if block.block_type.endswith("_chart") else str(block.value)
        for block in page.body
        if block.block_type in ("heading", "table_chart", "mentions_chart")
    ]


def product_view(*, page: Any, user: Any) -> ProductView:
    kind = page.product_kind
    is_memo = kind == "memo"
    if not user_is_pro(user):
        if is_memo:
            outline = [f"{len(page.key_judgements)} key judgements", f"{len(page.what_to_watch)} things to watch"]
        else:
            outline = _report_outline(page)
        return ProductView(complete=False, kind=kind, outline=outline)
    if is_memo:
        return ProductView(
            complete=True,
            kind=kind,
            bottom_line=mark_safe(expand_db_html(page.bottom_line)),
            judgements=[str(b.value) for b in page.key_judgements],
            watch=[str(b.value) for b in page.what_to_watch],
            sources=[{"title": b.value["title"], "url": b.value["url"] or ""} for b in page.sources],
        )
    return ProductView(complete=True, kind=kind, sections=_report_sections(page))
