"""Memos and reports as PDF (WeasyPrint), charts and their tables included."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from monitor.exports import OUTLET
from pro.access import ProductView


def build_pdf(*, page: Any, view: ProductView) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "pro/product_pdf.html", {"page": page, "view": view, "outlet": OUTLET, "today": timezone.localdate()}
    )
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
