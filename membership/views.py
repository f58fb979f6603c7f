from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from allauth.account.views import password_set as allauth_password_set
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.entitlement import entitlement_for
from lib.middleware import READER_CSP
from lib.pages import message_page
from lib.params import int_param, str_param
from membership import services, signin
from membership.billing import stripe as billing
from membership.forms import (
    DeleteAccountForm,
    InviteForm,
    LeadForm,
    ProfileForm,
    ReassignForm,
    SeatsForm,
    SignInLinkForm,
    TeamCheckoutForm,
    TeamSettingsForm,
)
from membership.models import Membership, Plan, Seat, Team
from membership.services import MembershipError

# Longest `?next=` the sign-in page carries over, and the largest team size a
# "talk to us" link may prefill; beyond either the parameter is ignored.
NEXT_MAX_LENGTH = 2000
MAX_SEATS_ASKED = 100_000

# Access helpers -------------------------------------------------------------


def _problem(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return message_page(
        request,
        title="We could not do that",
        text=message,
        status=status,
        back_url=reverse("membership:account"),
        back_label="Your account",
    )


def _refusal(request: HttpRequest, error: MembershipError, template: str = "") -> HttpResponse:
    if not template:
        return _problem(request, str(error), error.status)
    return render(request, template, {"message": str(error)}, status=error.status)


def _team_for_admin(request: HttpRequest) -> Team:
    return get_object_or_404(Team, admin=request.user)


def _with_billing_origin(response: HttpResponse) -> HttpResponse:
    """Let forms on this page redirect to Checkout or the portal.

    The site's CSP allows form-action to 'self' and https: (Stripe's pages);
    a STRIPE_API_BASE host (a local fake in tests, plain http) is added here.
    """
    base = settings.STRIPE_API_BASE
    if base and not base.startswith("https:"):
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        response["Content-Security-Policy"] = READER_CSP.replace("form-action 'self'", f"form-action 'self' {origin}")
    return response


def _plans() -> dict[str, Plan | None]:
    return {
        "individual": services.default_plan(Plan.Kind.INDIVIDUAL),
        "team": services.default_plan(Plan.Kind.TEAM),
    }


# Sign-in links --------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def signin_link_request(request: HttpRequest) -> HttpResponse:
    next_url = str_param(request, "next", "", max_length=NEXT_MAX_LENGTH, lenient=True)
    form = SignInLinkForm(request.POST or None, initial={"next": next_url})
    if request.method == "POST" and form.is_valid():
        try:
            signin.link_request(request=request, email=form.cleaned_data["email"], next_url=form.cleaned_data["next"])
        except MembershipError as error:
            return _refusal(request, error)
        return render(request, "account/signin_link_sent.html", {"email": form.cleaned_data["email"]})
    status = 400 if request.method == "POST" else 200
    return render(request, "account/signin_link_request.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def signin_link_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            return signin.link_consume(request=request, raw_token=token)
        found = signin.link_find(raw_token=token)
    except MembershipError as error:
        return _refusal(request, error, "account/signin_link_invalid.html")
    return _token_page(render(request, "account/signin_link_confirm.html", {"email": found.email}))


def _token_page(response: HttpResponse) -> HttpResponse:
    """A page whose address holds a secret: keep it out of other sites' Referer.

    `same-origin` rather than `no-referrer` (or the meta tag): with no referrer
    at all, Chromium sends `Origin: null` with the page's own form and the
    CSRF check refuses the button press.
    """
    response["Referrer-Policy"] = "same-origin"
    return response


# The PRO page and checkout --------------------------------------------------


@require_GET
def pro(request: HttpRequest) -> HttpResponse:
    plans = _plans()
    context: dict[str, Any] = {
        "plan": plans["individual"],
        "team_plan": plans["team"],
        "billing_configured": billing.configured(),
        "entitlement": entitlement_for(request.user),
        "attempt": None,
    }
    if request.user.is_authenticated and plans["individual"]:
        # Signed, not stored: reading this page writes nothing.
        context["attempt"] = services.checkout_form_token(user=request.user)
        context["trial_available"] = services.trial_available(user=request.user)
    return _with_billing_origin(render(request, "membership/pro.html", context))


@require_POST
def checkout(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{settings.LOGIN_URL}?next=/pro/")
    if not billing.configured():
        return render(request, "membership/billing_not_configured.html", status=503)
    plan = _plans()["individual"]
    try:
        if plan is None:
            raise MembershipError("PRO is not on sale at the moment.", 404)
        attempt = services.checkout_attempt_claim(
            form_token=request.POST.get("attempt", ""), user=request.user, plan=plan
        )
        url = services.checkout_start(attempt_token=str(attempt.token), user=request.user)
    except ValueError:
        return _refusal(request, MembershipError("That checkout form is not valid. Please start again.", 400))
    except (MembershipError, billing.BillingError) as error:
        status = getattr(error, "status", 502)
        return _problem(request, str(error), status)
    return redirect(url)


@require_GET
@login_required
def welcome(request: HttpRequest) -> HttpResponse:
    session_id = str_param(request, "session_id", "", max_length=255)
    owner = None
    if session_id and billing.configured():
        try:
            session = billing.checkout_session_retrieve(session_id)
            owner = services.checkout_complete(session=session)
        except billing.BillingError as error:
            return _problem(request, str(error), 404)
    is_team = isinstance(owner, Team)
    return render(request, "membership/welcome.html", {"owner": owner, "is_team": is_team})


@require_http_methods(["GET", "POST"])
def teams(request: HttpRequest) -> HttpResponse:
    plan = _plans()["team"]
    form = TeamCheckoutForm(request.POST or None, initial={"seats": plan.min_seats if plan else 3})
    if request.method == "POST" and plan and form.is_valid():
        if not request.user.is_authenticated:
            return redirect(f"{settings.LOGIN_URL}?next=/pro/teams/")
        seats = form.cleaned_data["seats"]
        if seats > plan.max_seats:
            return redirect(f"/pro/teams/talk/?seats={seats}")
        if seats < plan.min_seats:
            form.add_error("seats", f"Team plans start at {plan.min_seats} seats.")
        elif not billing.configured():
            return render(request, "membership/billing_not_configured.html", status=503)
        else:
            attempt = services.checkout_attempt_create(
                user=request.user, plan=plan, seats=seats, team_name=form.cleaned_data["team_name"]
            )
            try:
                return redirect(services.checkout_start(attempt_token=str(attempt.token), user=request.user))
            except (MembershipError, billing.BillingError) as error:
                return _problem(request, str(error), getattr(error, "status", 502))
    status = 400 if request.method == "POST" else 200
    return _with_billing_origin(render(request, "membership/teams.html", {"form": form, "plan": plan}, status=status))


@require_http_methods(["GET", "POST"])
def team_lead(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {"seats": int_param(request, "seats", "", min=1, max=MAX_SEATS_ASKED, lenient=True)}
    if request.user.is_authenticated:
        initial.update(email=request.user.email, name=request.user.get_full_name())
    form = LeadForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = request.user if request.user.is_authenticated else None
        services.lead_create(user=user, **form.cleaned_data)
        return render(request, "membership/team_lead_thanks.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "membership/team_lead.html", {"form": form}, status=status)


# Webhook ------------------------------------------------------------------


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    if not settings.STRIPE_WEBHOOK_SECRET:
        return HttpResponse("Billing is not configured.", status=503)
    try:
        event = billing.event_verify(payload=request.body, signature=request.headers.get("Stripe-Signature", ""))
        outcome = services.stripe_event_receive(event=event)
    except (ValueError, KeyError, TypeError, billing.stripe.SignatureVerificationError):
        return HttpResponseBadRequest("Invalid event.")
    except billing.BillingError:
        # Stripe could not be read back: answer an error so Stripe retries later.
        return HttpResponse("Try again later.", status=503)
    return JsonResponse({"received": True, "outcome": outcome})


# The account page -----------------------------------------------------------


@require_GET
@login_required
def account(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    context = {
        "entitlement": entitlement_for(user),
        "membership": Membership.objects.filter(user=user).select_related("plan").first(),
        "seat": Seat.objects.select_related("team").filter(user=user).first(),
        "team": Team.objects.filter(admin=user).first(),
        "profile_form": ProfileForm(instance=user),
        "billing_configured": billing.configured(),
        "has_password": user.has_usable_password(),
        "may_set_password": services.account_is_claimed(user=user),
    }
    return _with_billing_origin(render(request, "membership/account.html", context))


@require_POST
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST, instance=request.user)
    if not form.is_valid():
        return _problem(request, "Please check your name.", 400)
    form.save()
    messages.success(request, "Your profile is saved.")
    return redirect("membership:account")


@require_POST
@login_required
def billing_portal(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    owner: Membership | Team | None = Membership.objects.filter(user=user).first()
    if request.POST.get("for") == "team":
        owner = _team_for_admin(request)
    if not billing.configured():
        return render(request, "membership/billing_not_configured.html", status=503)
    try:
        if owner is None:
            raise MembershipError("There is no billing account to manage yet.", 404)
        url = services.portal_url(owner=owner, return_path="/account/billing/return/")
    except (MembershipError, billing.BillingError) as error:
        return _problem(request, str(error), getattr(error, "status", 502))
    return redirect(url)


@require_GET
@login_required
def billing_return(request: HttpRequest) -> HttpResponse:
    """Back from Stripe's portal: read the new state now rather than wait for the webhook."""
    user: Any = request.user
    owners = [*Membership.objects.filter(user=user), *Team.objects.filter(admin=user)]
    for owner in owners:
        if owner.stripe_subscription_id and billing.configured():
            try:
                services.subscription_sync(subscription_id=owner.stripe_subscription_id)
            except billing.BillingError:
                messages.info(request, "Stripe is slow to answer; your changes will show here shortly.")
    return redirect("membership:account")


@require_GET
@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = services.account_export(user=request.user)
    response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=request.user)
        except MembershipError as error:
            # Refused: the reader stays signed in and reads why on the same page.
            form.add_error(None, str(error))
            status = error.status
        else:
            logout(request)
            messages.success(request, "Your account and its data are deleted.")
            return redirect("/")
    return render(request, "membership/delete_account.html", {"form": form}, status=status)


@require_POST
@login_required
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    user = request.user
    services.sessions_end_all(user=user)
    logout(request)
    messages.success(request, "You are signed out on every device.")
    return redirect("/")


# Teams --------------------------------------------------------------------


@require_GET
@login_required
def team(request: HttpRequest) -> HttpResponse:
    team = _team_for_admin(request)
    context = {
        "team": team,
        "seats": team.members.select_related("user"),
        "invitations": [i for i in team.invitations.all() if i.is_pending],
        "invite_form": InviteForm(),
        "settings_form": TeamSettingsForm(initial={"domain": team.domain, "domain_join": team.domain_join}),
        "seats_form": SeatsForm(initial={"seats": team.seats}),
        "join_url": services.absolute(f"/team/{team.uid}/join/"),
    }
    return _with_billing_origin(render(request, "membership/team.html", context))


def _team_action(request: HttpRequest, action: Any) -> HttpResponse:
    team = _team_for_admin(request)
    try:
        message = action(team)
    except (MembershipError, billing.BillingError) as error:
        return _problem(request, str(error), getattr(error, "status", 502))
    messages.success(request, message)
    return redirect("membership:team")


@require_POST
@login_required
def team_invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _problem(request, str(form.errors["emails"][0]), 400)

    def invite(team: Team) -> str:
        sent = services.team_invite(team=team, emails=form.cleaned_data["emails"], invited_by=request.user)
        return f"{len(sent)} invitation(s) sent."

    return _team_action(request, invite)


@require_POST
@login_required
def team_seat_remove(request: HttpRequest, seat_id: int) -> HttpResponse:
    def remove(team: Team) -> str:
        seat = get_object_or_404(Seat, pk=seat_id, team=team)
        services.seat_remove(team=team, seat=seat)
        return f"{seat.user.email} no longer has a seat."

    return _team_action(request, remove)


@require_POST
@login_required
def team_seat_reassign(request: HttpRequest, seat_id: int) -> HttpResponse:
    form = ReassignForm(request.POST)
    if not form.is_valid():
        return _problem(request, "Enter an email address.", 400)

    def reassign(team: Team) -> str:
        seat = get_object_or_404(Seat, pk=seat_id, team=team)
        services.seat_reassign(team=team, seat=seat, email=form.cleaned_data["email"], by=request.user)
        return f"The seat is free; {form.cleaned_data['email']} is invited to take it."

    return _team_action(request, reassign)


@require_POST
@login_required
def team_settings(request: HttpRequest) -> HttpResponse:
    form = TeamSettingsForm(request.POST)
    if not form.is_valid():
        return _problem(request, form.errors.as_text(), 400)

    def save(team: Team) -> str:
        team.domain = form.cleaned_data["domain"]
        team.domain_join = form.cleaned_data["domain_join"] and bool(team.domain)
        team.save(update_fields=["domain", "domain_join"])
        return "Team settings saved."

    return _team_action(request, save)


@require_POST
@login_required
def team_seats(request: HttpRequest) -> HttpResponse:
    form = SeatsForm(request.POST)
    if not form.is_valid():
        return _problem(request, "Enter a number of seats.", 400)

    def change(team: Team) -> str:
        team = services.team_seats_change(team=team, seats=form.cleaned_data["seats"])
        return f"Your team now has {team.seats} seats; Stripe prorates the difference."

    return _team_action(request, change)


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        found = services.invitation_find(raw_token=token)
        if request.method == "POST" and request.user.is_authenticated:
            services.invitation_accept(raw_token=token, user=request.user)
            messages.success(request, f"Welcome to {found.team.name} on PRO.")
            return redirect("membership:account")
    except MembershipError as error:
        return _refusal(request, error)
    return _token_page(render(request, "membership/invitation.html", {"invitation": found, "next": request.path}))


@require_http_methods(["GET", "POST"])
def domain_join(request: HttpRequest, uid: UUID) -> HttpResponse:
    team = get_object_or_404(Team, uid=uid, domain_join=True)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.team_domain_join(team=team, user=request.user)
        except MembershipError as error:
            return _refusal(request, error)
        messages.success(request, f"Welcome to {team.name} on PRO.")
        return redirect("membership:account")
    return render(request, "membership/domain_join.html", {"team": team, "next": request.path})


# Passwords ------------------------------------------------------------------


@login_required
def password_set(request: HttpRequest) -> HttpResponse:
    """allauth's page to set a password, for owners who proved their address only."""
    if not services.account_is_claimed(user=request.user):
        return _refusal(
            request,
            MembershipError("Confirm your email address first (sign in with an emailed link or code).", 403),
        )
    return allauth_password_set(request)
