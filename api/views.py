"""Making and revoking API keys from the account page."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from api.keys import api_key_create, api_key_revoke, may_hold_keys
from api.models import ApiKey

MAX_KEYS = 20


def _refuse(request: HttpRequest, text: str, status: int) -> HttpResponse:
    return render(request, "api/key_refused.html", {"text": text}, status=status)


@require_POST
@login_required
@never_cache
def create_key(request: HttpRequest) -> HttpResponse:
    if not may_hold_keys(request.user):
        return _refuse(request, "API keys come with PRO membership and team plans.", 403)
    name = request.POST.get("name", "").strip()
    if not name or len(name) > 80:
        return _refuse(request, "Give the key a name of up to 80 characters, e.g. “Research dashboard”.", 400)
    user: Any = request.user
    if ApiKey.objects.filter(owner=user, revoked_at__isnull=True).count() >= MAX_KEYS:
        return _refuse(request, f"You have {MAX_KEYS} keys; revoke one you no longer use first.", 400)
    key, raw = api_key_create(owner=user, name=name)
    response = render(request, "api/key_created.html", {"key": key, "raw": raw})
    response["Referrer-Policy"] = "same-origin"
    return response


@require_POST
@login_required
def revoke_key(request: HttpRequest, uid: UUID) -> HttpResponse:
    user: Any = request.user
    key = get_object_or_404(ApiKey, uid=uid, owner=user)
    api_key_revoke(key=key)
    messages.success(request, f"The key “{key.name}” is revoked; calls with it now fail.")
    return redirect("membership:account")
