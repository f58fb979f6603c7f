from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.entitlement import user_is_pro
from lib.pagination import paginate
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
