"""Memos and trend reports for tests, as plain functions any module can call."""

from __future__ import annotations

from typing import Any

from wagtail.rich_text import RichText

from pro.models import MemoPage, ProductIndexPage, TrendReportPage
from tests.factories import add_page, home_page

TABLE = "Quarter, Deliveries, Intercepted\nQ3 2022, 120, 40\nQ4 2022, 340, 210\nQ1 2023, 410, 300"


def product_index() -> ProductIndexPage:
    index = ProductIndexPage.objects.first()
    return index or add_page(home_page(), ProductIndexPage(title="PRO library", slug="library"))


def make_memo(
    *, title: str = "Minsk joins the drone pipeline", slug: str = "minsk-drone-pipeline", secret: str = ""
) -> MemoPage:
    secret = secret or "Belarusian lines could assemble Shaheds within a year."
    memo = MemoPage(
        title=title,
        slug=slug,
        dek="Why Belarus matters to Iran’s drone exports.",
        bottom_line=f"<p>{secret}</p>",
        key_judgements=[("judgement", "Tehran wants a second production base."), ("judgement", f"Judged: {secret}")],
        what_to_watch=[("item", "New hangars at Baranovichi.")],
        sources=[("source", {"title": "IRNA, 21 August 2023", "url": "https://www.irna.ir/"})],
    )
    return add_page(product_index(), memo)


def make_report(
    *, title: str = "The drone economy", slug: str = "drone-economy", secret: str = "", table: str = TABLE, **extra: Any
) -> TrendReportPage:
    secret = secret or "Deliveries tripled in three quarters."
    report = TrendReportPage(
        title=title,
        slug=slug,
        dek="How Iranian drones reshaped a war and a market.",
        body=[
            ("heading", "Deliveries"),
            ("paragraph", RichText(f"<p>{secret}</p>")),
            ("table_chart", {"title": "Drone deliveries per quarter", "unit": "drones", "data": table}),
        ],
        **extra,
    )
    return add_page(product_index(), report)
