"""Memos and reports as PDF (WeasyPrint), charts and their tables included."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from core.models import outlet_name
from lib.pdf import PDF, render_pdf
from pro.access import ProductView, product_view


def build_pdf(*, page: Any, view: ProductView) -> bytes:
    return render_pdf(
        "pro/product_pdf.html", {"page": page, "view": view, "outlet": outlet_name(), "today": timezone.localdate()}
    )


def product_pdf(request: HttpRequest, page: Any) -> HttpResponse:
    """The memo or report as PDF, for PRO members only (403 with the offer otherwise)."""
    view = product_view(page=page, user=request.user)
    if not view.complete:
        return render(request, "pro/pro_required.html", {"page": page}, status=403)
    response = HttpResponse(build_pdf(page=page, view=view), content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{slugify(page.title) or "newsdesk"}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
