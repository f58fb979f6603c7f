from __future__ import annotations

import zoneinfo
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from core.entitlement import user_is_pro
from events.access import (
    TZ_COOKIE,
    TZ_SESSION_KEY,
    BadTimeZone,
    build_ics,
    event_archive,
    google_calendar_url,
    location,
    may_join,
    reader_zone,
    request_zone,
    times,
    waitlist_position,
)
from events.models import Event, Registration, Status
from events.services import (
    RegistrationError,
    registration_cancel,
    registration_create,
    registration_question,
)
from lib.csv import safe_writer
from lib.page_cache import shared_page
from lib.pages import message_page
from lib.params import BadParam, str_param

TZ_COOKIE_AGE = 365 * 24 * 3600
# Longer than any zone name (the longest is 32 characters).
TZ_MAX_LENGTH = 64


def _message(request: HttpRequest, title: str, text: str, status: int) -> HttpResponse:
    return message_page(
        request, title=title, text=text, status=status, back_url=reverse("events:list"), back_label="All events"
    )


def _zone(request: HttpRequest) -> zoneinfo.ZoneInfo | None:
    """Turn a bad ?tz= away (BadTimeZone) and remember a signed-in reader's choice on their
    session. The pages show the reader's times in personal parts (`request_zone`), so the
    rest of the page is the same for everyone."""
    try:
        asked = str_param(request, "tz", None, max_length=TZ_MAX_LENGTH)
    except BadParam as error:
        raise BadTimeZone(error.message) from None
    if asked is None:
        return request_zone(request)
    zone = reader_zone(asked)
    if request.user.is_authenticated:
        request.session[TZ_SESSION_KEY] = zone.key if zone else ""
    return zone


def _with_zone(request: HttpRequest, response: HttpResponse, zone: zoneinfo.ZoneInfo | None) -> HttpResponse:
    """Remember a zone chosen with the picker in a cookie (no account needed)."""
    if "tz" in request.GET:
        if zone:
            response.set_cookie(TZ_COOKIE, zone.key, max_age=TZ_COOKIE_AGE, samesite="Lax")
        else:
            response.delete_cookie(TZ_COOKIE, samesite="Lax")
    return response


def _bad_zone(request: HttpRequest) -> HttpResponse:
    return _message(
        request,
        "Unknown time zone",
        "The tz parameter must be a time zone name such as Europe/London or Asia/Dubai.",
        400,
    )


def _event(slug: str) -> Event:
    return get_object_or_404(Event.objects.published().prefetch_related("speakers"), slug=slug)


def _member(request: HttpRequest) -> Any:
    """The signed-in user (views using it require a sign-in)."""
    return request.user


def _own_registration(request: HttpRequest, uid: UUID) -> Registration:
    """The signed-in member's own registration; anyone else's (or a made-up id) is a 404."""
    registration = Registration.objects.select_related("event").filter(uid=uid, user=_member(request)).first()
    if registration is None:
        raise Http404("No such registration.")
    return registration


@require_GET
@shared_page
def event_list(request: HttpRequest) -> HttpResponse:
    try:
        zone = _zone(request)
    except BadTimeZone:
        return _bad_zone(request)
    upcoming = list(Event.objects.upcoming().prefetch_related("speakers"))
    past = list(Event.objects.past().prefetch_related("speakers")[:30])
    context = {
        # The reader's own zone is shown in personal parts; these times are everyone's.
        "upcoming": [(e, times(e, None)) for e in upcoming],
        "past": [(e, times(e, None)) for e in past],
        "is_pro": user_is_pro(request.user),
    }
    return _with_zone(request, render(request, "events/event_list.html", context), zone)


@require_GET
@shared_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The same page for every reader of an audience; the registration box, the join link
    and the reader's zone are personal parts (events_tags), rendered for each request."""
    event = _event(slug)
    try:
        zone = _zone(request)
    except BadTimeZone:
        return _bad_zone(request)
    context: dict[str, Any] = {
        "event": event,
        "is_pro": user_is_pro(request.user),
        "archive": event_archive(event=event, user=request.user),
        "when": times(event, None),
        "where": location(event),
        "google_url": google_calendar_url(event),
    }
    if request.user.is_staff:  # staff pages are never cached
        context["counts"] = {
            s: event.registrations.filter(status=s).count() for s in (Status.CONFIRMED, Status.WAITLISTED)
        }
    return _with_zone(request, render(request, "events/event_detail.html", context), zone)


@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    if not request.user.is_authenticated:
        return _message(request, "Sign in to register", "Sign in with your PRO account to register.", 401)
    try:
        outcome = registration_create(event=event, user=request.user, question=request.POST.get("question", ""))
    except RegistrationError as error:
        return _message(request, "You cannot register for this event", error.message, error.status)
    registration = outcome.registration
    if not outcome.created:
        status = "confirmed" if registration.status == Status.CONFIRMED else "on the waitlist"
        return _message(request, "Already registered", f"You are already registered ({status}); nothing changed.", 409)
    if registration.status == Status.WAITLISTED:
        messages.info(
            request,
            f"The event is full: you are number {waitlist_position(registration)} on the waitlist. "
            "We will email you if a place frees up.",
        )
    else:
        messages.success(request, "You are registered. A confirmation is on its way to your inbox.")
    return redirect("events:detail", event.slug)


@require_POST
@login_required
def cancel_registration(request: HttpRequest, uid: UUID) -> HttpResponse:
    registration = _own_registration(request, uid)
    if registration.status == Status.CANCELLED:
        return _message(request, "Already cancelled", "This registration was already cancelled.", 409)
    registration_cancel(registration=registration)
    messages.success(request, "Your registration is cancelled.")
    return redirect("events:detail", registration.event.slug)


@require_POST
@login_required
def update_question(request: HttpRequest, uid: UUID) -> HttpResponse:
    registration = _own_registration(request, uid)
    if registration.status == Status.CANCELLED or registration.event.has_started:
        return _message(request, "Too late to change", "Questions can be changed before the event starts.", 409)
    registration_question(registration=registration, question=request.POST.get("question", ""))
    messages.success(request, "Your question is saved for the speakers.")
    return redirect("events:detail", registration.event.slug)


@require_GET
def join(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    if not request.user.is_authenticated:
        # The link in a member's email or calendar: sign in, then come back here.
        return redirect_to_login(request.get_full_path())
    if not may_join(event=event, user=request.user):
        return _message(
            request,
            "The join link is for registered PRO members",
            "Register for this Q&A with your PRO account; the link then appears on the event page "
            "and in your reminders.",
            403,
        )
    response = HttpResponseRedirect(event.join_url)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event(slug)
    response = HttpResponse(build_ics(event=event, user=request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(event.slug)}.ics"'
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def attendees_csv(request: HttpRequest, slug: str) -> HttpResponse:
    if not (request.user.is_authenticated and request.user.is_staff):
        return _message(request, "Staff only", "The attendee list is for staff.", 403)
    event = get_object_or_404(Event, slug=slug)
    rows = event.registrations.exclude(status=Status.CANCELLED).select_related("user").order_by("status", "created_at")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(event.slug)}-attendees.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = safe_writer(response)
    writer.writerow(["name", "email", "status", "registered at", "question", "checked in"])
    for r in rows:
        name = r.user.get_full_name() or r.user.get_username()
        writer.writerow(
            [name, r.user.email, r.get_status_display(), f"{r.created_at:%Y-%m-%d %H:%M} UTC", r.question, ""]
        )
    return response
