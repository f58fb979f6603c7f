"""The short page that tells a reader why something did not happen and where to go next."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def message_page(
    request: HttpRequest, *, title: str, text: str, status: int, back_url: str, back_label: str
) -> HttpResponse:
    context = {"title": title, "text": text, "back_url": back_url, "back_label": back_label}
    return render(request, "message.html", context, status=status)
