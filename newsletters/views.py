"""Reader pages: the briefings, signing up, confirming, managing and leaving, the archive."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.entitlement import user_is_pro
from lib.client_ip import client_bucket, client_ip
from lib.dates import format_time, format_weekday_datetime, zone_choices, zone_place
from newsletters.forms import ChooseForm, SignupForm, offered_newsletters
from newsletters.models import Issue, Newsletter, Subscriber, Subscription
from newsletters.rendering import article_item, issue_items
from newsletters.services import (
    newsletter_articles,
    subscriber_confirm,
    subscriber_for_user,
    subscriber_signup,
    subscriber_update,
    subscription_unsubscribe,
)
from newsletters.tokens import confirm_token_read

SIGNUPS_PER_HOUR = 20


def _client(request: HttpRequest) -> dict[str, Any]:
    # The same client-address rule as sign-in: a spoofed X-Forwarded-For counts only behind trusted proxies.
    return {"ip": client_ip(request), "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300]}


def _over_limit(request: HttpRequest) -> bool:
    key = f"newsletters:signup:{client_bucket(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > SIGNUPS_PER_HOUR
    except ValueError:
        return False


def _subscriber_by_token(token: str) -> Subscriber:
    subscriber = Subscriber.objects.filter(token=token).first() if len(token) <= 64 else None
    if subscriber is None:
        raise Http404("This link is not valid. Use the link in your latest email, or sign up again.")
    return subscriber


def _public_newsletter(slug: str) -> Newsletter:
    return get_object_or_404(Newsletter, slug=slug, is_active=True)


def newsletter_list(request: HttpRequest) -> HttpResponse:
    form = SignupForm(initial={"source": "newsletters page"})
    return render(request, "newsletters/newsletter_list.html", {"newsletters": offered_newsletters(), "form": form})


def newsletter_detail(request: HttpRequest, slug: str) -> HttpResponse:
    newsletter = _public_newsletter(slug)
    issues = newsletter.issues.filter(status=Issue.Status.SENT).order_by("-number")[:20]
    form = SignupForm(initial={"source": f"{slug} page", "newsletters": [newsletter]})
    context = {"newsletter": newsletter, "issues": [] if newsletter.pro_only else issues, "form": form}
    return render(request, "newsletters/newsletter_detail.html", context)


# No CSRF token: the form sits on cached article pages, and a forged signup can
# only trigger one (throttled) confirmation email that the owner must act on.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return redirect("newsletters:list")
    form = SignupForm(request.POST)
    if not form.is_valid():
        context = {"newsletters": offered_newsletters(), "form": form}
        return render(request, "newsletters/newsletter_list.html", context, status=400)
    if _over_limit(request):
        return render(request, "newsletters/too_many.html", status=429)
    if not form.cleaned_data["website"]:
        subscriber_signup(
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            newsletters=form.cleaned_data["newsletters"],
            source=form.cleaned_data["source"] or "signup form",
            user=request.user,
            **_client(request),
        )
    # The same answer whatever the address: it reveals nobody's subscriptions.
    return redirect("newsletters:check_inbox")


def check_inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletters/check_inbox.html")


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = confirm_token_read(token)
    except signing.SignatureExpired:
        return render(request, "newsletters/link_invalid.html", {"expired": True}, status=410)
    except (signing.BadSignature, Subscriber.DoesNotExist):
        return render(request, "newsletters/link_invalid.html", status=400)
    pending = Newsletter.objects.filter(
        subscriptions__subscriber=subscriber, subscriptions__status=Subscription.Status.PENDING
    )
    if request.method == "POST" and not pending.exists():  # a second click: nothing left to confirm
        messages.success(request, "Your subscriptions are already confirmed.")
        return redirect("newsletters:manage", subscriber.token)
    # A GET only shows the button: mail scanners that open links confirm nothing.
    form = ChooseForm(request.POST or None, queryset=pending, initial={"newsletters": list(pending)})
    if request.method == "POST" and form.is_valid():
        activated = subscriber_confirm(
            subscriber=subscriber, newsletter_ids=[n.pk for n in form.cleaned_data["newsletters"]], **_client(request)
        )
        if not activated:
            messages.success(request, "Your subscriptions are up to date.")
            return redirect("newsletters:manage", subscriber.token)
        return redirect("newsletters:welcome", subscriber.token)
    status = 400 if request.method == "POST" else 200
    context = {"subscriber": subscriber, "form": form, "pending": pending}
    return render(request, "newsletters/confirm.html", context, status=status)


def _reader_zone(request: HttpRequest) -> ZoneInfo | None:
    """?tz=Area/City from the zone picker, else the `tz` cookie the events pages keep; unknown names are ignored."""
    for name in (request.GET.get("tz", ""), request.COOKIES.get("tz", "")):
        if not 0 < len(name) <= 64:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def _next_send(newsletter: Newsletter, now: dt.datetime) -> dt.datetime:
    """The next moment the briefing usually goes out: its send time (and weekday) in its own zone."""
    try:
        zone = ZoneInfo(newsletter.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = now.astimezone(zone)
    send = dt.datetime.combine(local.date(), newsletter.send_time, tzinfo=zone)
    weekly = newsletter.cadence == Newsletter.Cadence.WEEKLY and newsletter.send_weekday is not None
    while send <= now or (weekly and send.weekday() != newsletter.send_weekday):
        send = dt.datetime.combine(send.date() + dt.timedelta(days=1), newsletter.send_time, tzinfo=zone)
    return send


def _arrives(newsletter: Newsletter, next_send: dt.datetime, zone: ZoneInfo) -> str:
    """ "Every morning at 07:00 GMT+4" or "Every Sunday at 16:00 GMT+4", in the reader's zone."""
    moment = next_send.astimezone(zone)
    at = format_time(moment, zone)
    if newsletter.cadence == Newsletter.Cadence.DAILY:
        return f"Every day at {at}"
    if newsletter.send_weekday is None:
        return f"Once a week, at {at}"
    return f"Every {moment:%A} at {at}"


@never_cache  # it names the reader's briefings and carries their link: never a shared copy
def welcome(request: HttpRequest, token: str) -> HttpResponse:
    """Where a confirmation lands: each confirmed briefing and when it arrives, in the reader's zone."""
    subscriber = _subscriber_by_token(token)
    subscriptions = (
        Subscription.objects.filter(subscriber=subscriber, status=Subscription.Status.ACTIVE)
        .select_related("newsletter")
        .order_by("newsletter__sort_order", "newsletter__name")
    )
    chosen = _reader_zone(request)
    zone = chosen or ZoneInfo("UTC")
    now = timezone.now()
    briefings = []
    for subscription in subscriptions:
        next_send = _next_send(subscription.newsletter, now)
        briefings.append(
            {
                "newsletter": subscription.newsletter,
                "arrives": _arrives(subscription.newsletter, next_send, zone),
                "next_send": next_send,
                "next_text": format_weekday_datetime(next_send, zone),
            }
        )
    context = {
        "subscriber": subscriber,
        "briefings": briefings,
        "zone": chosen,
        "zone_label": zone_place(chosen.key) if chosen else "UTC",
        "zone_groups": zone_choices(chosen.key if chosen else ""),
        "is_pro": user_is_pro(request.user),
    }
    response = render(request, "newsletters/welcome.html", context)
    if chosen and request.GET.get("tz"):
        response.set_cookie("tz", chosen.key, max_age=365 * 24 * 3600, samesite="Lax")
    return response


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = _subscriber_by_token(token)
    return _manage_page(request, subscriber)


def _manage_page(request: HttpRequest, subscriber: Subscriber) -> HttpResponse:
    active = list(
        Newsletter.objects.filter(
            subscriptions__subscriber=subscriber, subscriptions__status=Subscription.Status.ACTIVE
        )
    )
    # Offered briefings, plus PRO-only ones they already get; retired ones are left alone.
    choices = Newsletter.objects.filter(is_active=True)
    if not user_is_pro(subscriber.user):
        choices = choices.filter(Q(pro_only=False) | Q(pk__in=[n.pk for n in active]))
    choices = choices.distinct()
    form = ChooseForm(request.POST or None, queryset=choices, initial={"newsletters": active})
    if request.method == "POST" and form.is_valid():
        wanted = [] if "leave_all" in request.POST else form.cleaned_data["newsletters"]
        among = None if "leave_all" in request.POST else list(choices)
        subscriber_update(subscriber=subscriber, wanted=wanted, among=among, **_client(request))
        if not wanted:
            messages.success(request, "You have left every briefing. You will get no more newsletters from us.")
        else:
            messages.success(request, "Your choices are saved.")
        return redirect(request.path)
    status = 400 if request.method == "POST" else 200
    return render(request, "newsletters/manage.html", {"subscriber": subscriber, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    if not request.user.email:  # type: ignore[union-attr]
        messages.error(request, "Add an email address to your account to receive newsletters.")
        return redirect("newsletters:list")
    try:
        subscriber = subscriber_for_user(user=request.user)
    except ValidationError:
        messages.error(request, "The email address on your account cannot receive newsletters; please change it.")
        return redirect("newsletters:list")
    return _manage_page(request, subscriber)


@csrf_exempt  # RFC 8058: the mailbox provider POSTs with no cookies; the token alone decides
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = (
        Subscription.objects.select_related("subscriber", "newsletter").filter(token=token).first()
        if len(token) <= 64
        else None
    )
    if subscription is None:
        return render(request, "newsletters/link_invalid.html", status=404)
    if request.method == "GET":
        # Link scanners prefetch GETs: a GET only shows the button.
        return render(request, "newsletters/unsubscribe.html", {"subscription": subscription})
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    subscription_unsubscribe(
        subscription=subscription, source="one-click header" if one_click else "unsubscribe page", **_client(request)
    )
    return render(request, "newsletters/unsubscribed.html", {"subscription": subscription})


def issue_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    newsletter = _public_newsletter(slug)
    issue = get_object_or_404(Issue, newsletter=newsletter, number=number, status=Issue.Status.SENT)
    if newsletter.pro_only:
        raise Http404("PRO newsletters have no public archive.")
    items = issue_items(issue, pro=user_is_pro(request.user))
    return render(request, "newsletters/issue_detail.html", {"newsletter": newsletter, "issue": issue, "items": items})


def sample(request: HttpRequest, slug: str) -> HttpResponse:
    newsletter = _public_newsletter(slug)
    latest = newsletter.issues.filter(status=Issue.Status.SENT).order_by("-number").first()
    if latest is not None and not newsletter.pro_only:
        return redirect(latest)
    # Nothing sent yet: show what the next issue would carry, however old the stories.
    since = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    items = [article_item(a, pro=False) for a in newsletter_articles(newsletter=newsletter, since=since)]
    context = {"newsletter": newsletter, "issue": None, "items": items, "sample": True}
    return render(request, "newsletters/issue_detail.html", context)
