from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.entitlement import user_is_pro
from pro.models import MemoPage, TrendReportPage

PER_PAGE = 20


def _listing(request: HttpRequest, model: Any, kind: str) -> HttpResponse:
    pages = model.objects.live().public().order_by("-published_at", "-first_published_at")
    paginator = Paginator(pages, PER_PAGE)
    number = request.GET.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= paginator.num_pages:
        return render(
            request,
            "pro/message.html",
            {"title": "No such page", "text": "That page of the list does not exist."},
            status=404,
        )
    context = {"kind": kind, "page_obj": paginator.page(int(number)), "is_pro": user_is_pro(request.user)}
    return render(request, "pro/listing.html", context)


@require_GET
def memo_list(request: HttpRequest) -> HttpResponse:
    return _listing(request, MemoPage, "memo")


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    return _listing(request, TrendReportPage, "report")
