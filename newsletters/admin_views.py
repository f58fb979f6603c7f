"""The editor's desk for one issue: preview, test, redraft, schedule, send, pause, counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from lib.params import BadParam, choice_param, parse_int
from newsletters.briefings import draft_findings
from newsletters.models import Delivery, Issue, Newsletter, Subscription
from newsletters.rendering import prepare_issue, sample_personal
from newsletters.services import (
    IssueStateError,
    issue_audience_count,
    issue_counts,
    issue_draft,
    issue_pause,
    issue_resume,
    issue_schedule,
    issue_send_start,
    issue_send_test,
    issue_unschedule,
)
from newsletters.transport import SendFailure

PREVIEW_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'self'"


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Send at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="In the site's time zone.",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )


TYPED_CONFIRMATION_OVER = 1000


class SendConfirmForm(forms.Form):
    """Sending asks first; a large list also asks for the briefing's name to be typed."""

    confirm = forms.BooleanField(required=True, widget=forms.HiddenInput, initial=True)
    typed = forms.CharField(required=False, label="Type the briefing's name to confirm", max_length=100)

    def __init__(self, *args: Any, issue: Issue, audience: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.issue = issue
        self.audience = audience
        self.needs_typing = audience > TYPED_CONFIRMATION_OVER
        if self.needs_typing:
            self.fields["typed"].required = True
            self.fields["typed"].help_text = f"Type {issue.newsletter.name} exactly as shown."

    def clean_typed(self) -> str:
        typed = " ".join(self.cleaned_data.get("typed", "").split())
        if self.needs_typing and typed.casefold() != self.issue.newsletter.name.casefold():
            raise forms.ValidationError(f"That is not “{self.issue.newsletter.name}”: nothing was sent.")
        return typed


def _issue(request: HttpRequest, pk: int, *, change: bool = False) -> Issue:
    permission = "newsletters.change_issue" if change else "newsletters.view_issue"
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)


def _dashboard(issue: Issue) -> HttpResponse:
    return redirect("newsletters_issue:dashboard", issue.pk)


def briefings_for_desk() -> list[Any]:
    """Active briefings with their latest issue and subscriber count, for the "New issue" strip."""
    briefings = list(
        Newsletter.objects.filter(is_active=True)
        .annotate(
            subscribers=Count("subscriptions", filter=Q(subscriptions__status=Subscription.Status.ACTIVE)),
        )
        .order_by("sort_order", "name")
    )
    latest: dict[int, Issue] = {}
    for issue in Issue.objects.filter(newsletter__in=[b.pk for b in briefings]).order_by("newsletter_id", "-number"):
        latest.setdefault(issue.newsletter_id, issue)
    for briefing in briefings:
        briefing.latest_issue = latest.get(briefing.pk)  # type: ignore[attr-defined]
    return briefings


def _can_edit(user: Any) -> bool:
    return user.is_active and user.has_perm("newsletters.change_issue")


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    issue = _issue(request, pk)
    counts = issue_counts(issue=issue)
    suspects = Delivery.objects.filter(issue=issue).filter(possible_duplicate=True) | Delivery.objects.filter(
        issue=issue, state=Delivery.State.UNKNOWN
    )
    items = list(issue.items.select_related("article").order_by("sort_order"))
    context = {
        "issue": issue,
        "items": items,
        "item_count": _count(len(items), "item"),
        "findings": draft_findings(issue) if issue.is_editable else "",
        "widen_days": WIDEN_DAYS,
        "counts": counts,
        "suspects": suspects.order_by("pk")[:200],
        "schedule_form": ScheduleForm(initial={"when": issue.scheduled_for or _next_slot(issue.newsletter)}),
        "edit_url": reverse("newsletters_issue:edit", args=[issue.pk]),
        "can_edit": _can_edit(request.user),
        "header_icon": "mail",
    }
    return TemplateResponse(request, "newsletters/admin/issue_dashboard.html", context)


def _next_slot(newsletter: Newsletter) -> dt.datetime:
    now = timezone.localtime()
    slot = now.replace(hour=newsletter.send_time.hour, minute=newsletter.send_time.minute, second=0, microsecond=0)
    return slot if slot > now else slot + dt.timedelta(days=1)


def preview(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    issue = _issue(request, pk)
    pro = choice_param(request, "variant", "free", choices=("free", "pro")) == "pro"
    prepared = prepare_issue(issue, variants=(pro,))
    html, text = prepared.personalise(pro=pro, **sample_personal(issue, name=_short_name(request)))
    if kind == "text":
        response = HttpResponse(f"Subject: {prepared.subject}\n\n{text}", content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(html)
    response["Content-Security-Policy"] = PREVIEW_CSP
    return response


def _act(request: HttpRequest, pk: int, action: Any, success: str) -> HttpResponse:
    issue = _issue(request, pk, change=True)
    try:
        action(issue)
    except IssueStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success.format(issue=issue))
    return _dashboard(issue)


WIDEN_DAYS = (3, 7, 30)


def _posted_int(request: HttpRequest, name: str, *, maximum: int | None = None) -> int:
    raw = request.POST.get(name, "").strip()
    try:
        return parse_int(raw, min=0, max=maximum) if raw else 0
    except ValueError:
        raise BadParam(name, f"“{name}” must be a whole number, like 7.") from None


def _widened_since(request: HttpRequest) -> dt.datetime | None:
    days = _posted_int(request, "days", maximum=90)
    return timezone.now() - dt.timedelta(days=days) if days else None


@require_POST
def redraft(request: HttpRequest, pk: int) -> HttpResponse:
    issue = _issue(request, pk, change=True)
    since = _widened_since(request)
    try:
        issue = issue_draft(newsletter=issue.newsletter, issue=issue, user=request.user, since=since)
    except IssueStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Redrafted. {draft_findings(issue)}")
    return _dashboard(issue)


@require_POST
@user_passes_test(_can_edit)
def draft_new(request: HttpRequest) -> HttpResponse:
    newsletter = get_object_or_404(Newsletter, pk=_posted_int(request, "newsletter"))
    issue = issue_draft(newsletter=newsletter, user=request.user, since=_widened_since(request))
    messages.success(request, f"Drafted issue No. {issue.number}. {draft_findings(issue)}")
    return _dashboard(issue)


@require_POST
def send_test(request: HttpRequest, pk: int) -> HttpResponse:
    issue = _issue(request, pk, change=True)
    email = getattr(request.user, "email", "")
    if not email:
        messages.error(request, "Your account has no email address to send the test to.")
        return _dashboard(issue)
    try:
        issue_send_test(issue=issue, to=email, name=_short_name(request))
    except (SendFailure, OSError) as error:
        messages.error(request, f"The test could not be sent: {error}")
    else:
        messages.success(request, f"A test copy is on its way to {email}.")
    return _dashboard(issue)


@require_POST
def schedule(request: HttpRequest, pk: int) -> HttpResponse:
    issue = _issue(request, pk, change=True)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a date and time to send it.")
        return _dashboard(issue)
    when = form.cleaned_data["when"]
    return _act(request, pk, lambda i: issue_schedule(issue=i, when=when), f"Scheduled for {when:%d %B %Y, %H:%M}.")


@require_POST
def unschedule(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda i: issue_unschedule(issue=i), "Back to draft: it will not be sent.")


def send_now(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks "Send to N subscribers of X now?"; only a confirmed POST starts the send."""
    issue = _issue(request, pk, change=True)
    if not issue.is_editable:
        messages.error(request, "This issue has already been sent or is being sent.")
        return _dashboard(issue)
    audience = issue_audience_count(issue=issue)
    if request.method != "POST":
        form = SendConfirmForm(issue=issue, audience=audience)
        return _send_confirm_page(request, issue, form)
    form = SendConfirmForm(request.POST, issue=issue, audience=audience)
    if not form.is_valid():
        return _send_confirm_page(request, issue, form, status=400)
    try:
        recipients = issue_send_start(issue=issue)
    except IssueStateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Sending has started to {recipients:,} {pluralize_word(recipients, 'subscriber')}.")
    return _dashboard(issue)


def _send_confirm_page(request: HttpRequest, issue: Issue, form: SendConfirmForm, status: int = 200) -> HttpResponse:
    context = {
        "issue": issue,
        "form": form,
        "audience": form.audience,
        "audience_label": f"{form.audience:,} {pluralize_word(form.audience, 'subscriber')}",
        "header_icon": "mail",
    }
    return TemplateResponse(request, "newsletters/admin/issue_send_confirm.html", context, status=status)


def pluralize_word(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


def _count(count: int, word: str) -> str:
    return f"{count:,} {pluralize_word(count, word)}"


@require_POST
def pause(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda i: issue_pause(issue=i), "Paused: messages in hand finish, nothing new starts.")


@require_POST
def resume(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda i: issue_resume(issue=i), "Resumed.")


def _short_name(request: HttpRequest) -> str:
    short_name = getattr(request.user, "get_short_name", None)
    return str(short_name()) if callable(short_name) else ""
