from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from lib.pagination import paginate
from monitor.exports import PDF
from newsroom.paywall import user_is_pro
from pro.access import product_view
from pro.exports import build_pdf
from pro.models import MemoPage, TrendReportPage

PER_PAGE = 20


def _listing(request: HttpRequest, model: Any, kind: str) -> HttpResponse:
    pages = model.objects.live().public().order_by("-published_at", "-first_published_at")
    context = {"kind": kind, "page_obj": paginate(request, pages, PER_PAGE), "is_pro": user_is_pro(request.user)}
    return render(request, "pro/listing.html", context)


@require_GET
def memo_list(request: HttpRequest) -> HttpResponse:
    return _listing(request, MemoPage, "memo")


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    return _listing(request, TrendReportPage, "report")


def product_pdf(request: HttpRequest, page: Any) -> HttpResponse:
    """The memo or report as PDF, for PRO members only (403 with the offer otherwise)."""
    view = product_view(page=page, user=request.user)
    if not view.complete:
        return render(request, "pro/pro_required.html", {"page": page}, status=403)
    response = HttpResponse(build_pdf(page=page, view=view), content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{slugify(page.title) or "newsdesk"}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
