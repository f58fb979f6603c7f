"""Writes that span membership's models: checkout, Stripe sync, teams, accounts."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import uuid
from typing import Any

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from core.accounts import verified_addresses
from core.entitlement import entitlement_for
from core.models import OutletSettings
from core.personal_data import personal_data_for
from lib.emails import send_templated_email
from membership.billing import stripe as billing
from membership.models import (
    CheckoutAttempt,
    Invitation,
    Lead,
    Membership,
    Plan,
    Seat,
    StripeEvent,
    SubscriptionStatus,
    Team,
    TrialClaim,
)

logger = logging.getLogger(__name__)
User = get_user_model()


class MembershipError(Exception):
    """A refusal with a message fit to show; `status` is the HTTP answer."""

    status = 400

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status:
            self.status = status


# Sent with `user_ids` whenever something that grants PRO changed for them;
# receivers re-check `core.entitlement` themselves.
pro_may_have_changed = Signal()


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _ts(value: Any) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC) if value else None


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


# Memberships and complimentary PRO -----------------------------------------


def membership_for(*, user: Any) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user)
    return membership


def default_plan(kind: str = Plan.Kind.INDIVIDUAL) -> Plan | None:
    return Plan.objects.filter(kind=kind, is_active=True).first()


@transaction.atomic
def complimentary_grant(*, user: Any, days: int, note: str = "") -> Membership:
    """PRO without payment for `days` from now (or from the end of a current grant)."""
    if days < 1:
        raise MembershipError("Grant at least one day.")
    membership = Membership.objects.select_for_update().get(pk=membership_for(user=user).pk)
    now = timezone.now()
    current = membership.complimentary_until
    start = current if current and current > now else now
    membership.complimentary_until = start + dt.timedelta(days=days)
    membership.complimentary_note = note or membership.complimentary_note
    if membership.source != Membership.Source.STRIPE or not membership.subscription_live(now):
        membership.source = Membership.Source.COMPLIMENTARY
    membership.plan = membership.plan or default_plan()
    membership.save()
    pro_may_have_changed.send(sender=Membership, user_ids=[user.pk])
    return membership


# Checkout -----------------------------------------------------------------


def user_emails(user: Any) -> set[str]:
    emails = {e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    if user.email:
        emails.add(user.email.lower())
    return emails


def trial_available(*, user: Any) -> bool:
    """One free week per person, by account and by every address they hold."""
    if TrialClaim.objects.filter(user=user).exists():
        return False
    return not TrialClaim.objects.filter(email__in=user_emails(user)).exists()


def checkout_attempt_create(*, user: Any, plan: Plan, seats: int = 1, team_name: str = "") -> CheckoutAttempt:
    return CheckoutAttempt.objects.create(user=user, plan=plan, seats=seats, team_name=team_name)


# The /pro/ page is read far more often than its form is sent, so showing the
# form stores nothing: it carries a signed, random attempt id that becomes a
# CheckoutAttempt row only when the form is sent (a second send of the same
# form still finds that row and is refused).
CHECKOUT_FORM_MAX_AGE = 24 * 3600
_checkout_signer = signing.TimestampSigner(salt="membership.checkout-form")


def checkout_form_token(*, user: Any) -> str:
    return _checkout_signer.sign(f"{uuid.uuid4()}:{user.pk}")


def checkout_attempt_claim(*, form_token: str, user: Any, plan: Plan) -> CheckoutAttempt:
    """The attempt a sent checkout form stands for. ValueError for a malformed value."""
    token = uuid.UUID(form_token.split(":", 1)[0])
    try:
        value = _checkout_signer.unsign(form_token, max_age=CHECKOUT_FORM_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise MembershipError("That checkout form has expired. Please start again.", 404) from error
    if value != f"{token}:{user.pk}":
        raise MembershipError("That checkout form has expired. Please start again.", 404)
    attempt, _ = CheckoutAttempt.objects.get_or_create(token=token, defaults={"user": user, "plan": plan})
    if attempt.user_id != user.pk:
        raise MembershipError("That checkout form has expired. Please start again.", 404)
    return attempt


def _line_item(plan: Plan, seats: int) -> dict[str, Any]:
    if plan.stripe_price_id:
        return {"price": plan.stripe_price_id, "quantity": seats}
    return {
        "price_data": {
            "currency": plan.currency,
            "unit_amount": plan.seat_price_cents(seats),
            "recurring": {"interval": "year"},
            "product_data": {"name": plan.name},
        },
        "quantity": seats,
    }


def _team_for_checkout(*, attempt: CheckoutAttempt) -> Team:
    """The admin's unpaid team is reused, so an abandoned checkout leaves one team, not many."""
    team = Team.objects.filter(admin=attempt.user, status=SubscriptionStatus.NONE).first()
    if team is None:
        team = Team.objects.create(admin=attempt.user, plan=attempt.plan, name=attempt.team_name)
    else:
        team.name, team.plan = attempt.team_name or team.name, attempt.plan
        team.save(update_fields=["name", "plan"])
    return team


@transaction.atomic
def checkout_start(*, attempt_token: str, user: Any) -> str:
    """The Stripe Checkout URL for this attempt; a second submit is refused."""
    attempt = (
        CheckoutAttempt.objects.select_for_update()
        .filter(token=attempt_token, user=user)
        .select_related("plan")
        .first()
    )
    if attempt is None:
        raise MembershipError("That checkout form has expired. Please start again.", 404)
    if attempt.stripe_session_id:
        raise MembershipError(
            "This checkout was already started (the form was sent twice). Continue in the other tab, or start again.",
            409,
        )
    plan = attempt.plan
    is_team = plan.kind == Plan.Kind.TEAM
    if is_team:
        if not plan.min_seats <= attempt.seats <= plan.max_seats:
            raise MembershipError(f"Choose between {plan.min_seats} and {plan.max_seats} seats.", 400)
        owner: Team | Membership = _team_for_checkout(attempt=attempt)
        metadata = {"kind": "team", "team": str(owner.uid), "checkout": str(attempt.token)}
    else:
        if entitlement_for(user).source in ("subscription", "team"):
            raise MembershipError("You are already a PRO member.", 409)
        owner = membership_for(user=user)
        metadata = {"kind": "individual", "membership": str(owner.uid), "checkout": str(attempt.token)}
    if not owner.stripe_customer_id:
        customer = billing.customer_create(
            email=user.email,
            name=user.get_full_name() or user.email,
            metadata={"user": str(user.pk)},
            idempotency_key=f"customer-{owner.uid}",
        )
        owner.stripe_customer_id = customer["id"]
        owner.save(update_fields=["stripe_customer_id"])
    trial_days = plan.trial_days if not is_team and trial_available(user=user) else 0
    session = billing.checkout_session_create(
        customer=owner.stripe_customer_id,
        line_item=_line_item(plan, attempt.seats),
        trial_days=trial_days,
        success_url=absolute("/pro/welcome/") + "?session_id={CHECKOUT_SESSION_ID}",
        cancel_url=absolute("/pro/teams/" if is_team else "/pro/"),
        metadata=metadata,
        idempotency_key=f"checkout-{attempt.token}",
    )
    attempt.stripe_session_id = session["id"]
    attempt.stripe_session_url = session["url"]
    attempt.save(update_fields=["stripe_session_id", "stripe_session_url"])
    return session["url"]


def checkout_complete(*, session: dict[str, Any]) -> Membership | Team | None:
    """Fulfil a finished checkout (from the success page or the webhook, whichever comes first)."""
    if session.get("mode") != "subscription" or not session.get("subscription"):
        return None
    subscription_id = session["subscription"]
    if isinstance(subscription_id, dict):
        subscription_id = subscription_id["id"]
    return subscription_sync(subscription_id=subscription_id)


def _trial_claim(*, user: Any) -> None:
    for email in user_emails(user) or {f"user-{user.pk}@invalid"}:
        try:
            with transaction.atomic():
                TrialClaim.objects.get_or_create(email=email, defaults={"user": user})
        except IntegrityError:
            pass


def _owner_for(subscription: dict[str, Any]) -> Membership | Team | None:
    metadata = subscription.get("metadata") or {}
    if metadata.get("kind") == "team" and metadata.get("team"):
        return Team.objects.filter(uid=metadata["team"]).first()
    if metadata.get("membership"):
        return Membership.objects.filter(uid=metadata["membership"]).first()
    sub_id = subscription["id"]
    return (
        Membership.objects.filter(stripe_subscription_id=sub_id).first()
        or Team.objects.filter(stripe_subscription_id=sub_id).first()
    )


def _period_end(subscription: dict[str, Any]) -> Any:
    value = subscription.get("current_period_end")
    if not value:
        items = (subscription.get("items") or {}).get("data") or []
        value = items[0].get("current_period_end") if items else None
    return _ts(value)


def _quantity(subscription: dict[str, Any]) -> int:
    items = (subscription.get("items") or {}).get("data") or []
    return int(items[0].get("quantity") or 0) if items else int(subscription.get("quantity") or 0)


def subscription_sync(*, subscription_id: str) -> Membership | Team | None:
    """Re-read a subscription from Stripe and store its state.

    The row is locked before Stripe is read, so of two concurrent syncs the
    later read is the one that stays: events may arrive in any order, twice,
    or not at all (reconcile_stripe calls this too).
    """
    first = billing.subscription_retrieve(subscription_id)
    owner = _owner_for(first)
    if owner is None:
        logger.warning("Stripe subscription %s belongs to no member or team here", subscription_id)
        return None
    with transaction.atomic():
        owner = type(owner).objects.select_for_update().get(pk=owner.pk)
        subscription = billing.subscription_retrieve(subscription_id)
        _subscription_store(owner=owner, subscription=subscription)
    return owner


def _subscription_store(*, owner: Membership | Team, subscription: dict[str, Any]) -> None:
    status = subscription.get("status", "")
    if status not in SubscriptionStatus.values:
        raise ValueError(f"unknown subscription status {status!r}")
    first_time = owner.stripe_subscription_id != subscription["id"]
    owner.status = status
    owner.stripe_subscription_id = subscription["id"]
    customer = subscription.get("customer")
    owner.stripe_customer_id = (customer["id"] if isinstance(customer, dict) else customer) or owner.stripe_customer_id
    owner.current_period_end = _period_end(subscription)
    owner.trial_end = _ts(subscription.get("trial_end"))
    owner.cancel_at_period_end = bool(subscription.get("cancel_at_period_end") or subscription.get("cancel_at"))
    owner.stripe_synced_at = timezone.now()
    if isinstance(owner, Team):
        owner.seats = _quantity(subscription)
        owner.save()
        if first_time:
            _admin_seat(team=owner)
        pro_may_have_changed.send(sender=Team, user_ids=list(owner.members.values_list("user_id", flat=True)))
        return
    owner.source = Membership.Source.STRIPE
    owner.plan = owner.plan or default_plan()
    owner.save()
    pro_may_have_changed.send(sender=Membership, user_ids=[owner.user_id])
    if subscription.get("trial_end") and first_time:
        _trial_claim(user=owner.user)


def _admin_seat(*, team: Team) -> None:
    if not Seat.objects.filter(user=team.admin).exists():
        try:
            seat_add(team=team, user=team.admin, how="admin")
        except MembershipError:
            pass


# Webhooks -----------------------------------------------------------------

SUBSCRIPTION_EVENTS = {
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "customer.subscription.paused",
    "customer.subscription.resumed",
    "customer.subscription.trial_will_end",
}
INVOICE_EVENTS = {"invoice.paid", "invoice.payment_failed", "invoice.payment_succeeded"}


def _invoice_subscription(invoice: dict[str, Any]) -> str | None:
    sub = invoice.get("subscription")
    if not sub:
        details = ((invoice.get("parent") or {}).get("subscription_details")) or {}
        sub = details.get("subscription")
    if isinstance(sub, dict):
        sub = sub.get("id")
    return sub or None


def stripe_event_receive(*, event: dict[str, Any]) -> str:
    """Store and apply a verified event once. Returns what happened."""
    event_id = str(event.get("id") or "")
    if not event_id.startswith("evt_"):
        raise ValueError("event without an id")
    try:
        with transaction.atomic():
            record, created = StripeEvent.objects.get_or_create(
                event_id=event_id,
                defaults={
                    "type": str(event.get("type", ""))[:100],
                    "created": _ts(event.get("created")) or timezone.now(),
                    "payload": event,
                },
            )
    except IntegrityError:
        return "duplicate"
    if not created and record.processed_at:
        return "duplicate"
    stripe_event_apply(record=record)
    return "applied"


def stripe_event_apply(*, record: StripeEvent) -> None:
    event_type = record.type
    obj = record.payload["data"]["object"]
    if event_type == "checkout.session.completed":
        checkout_complete(session=obj)
    elif event_type in SUBSCRIPTION_EVENTS:
        owner = subscription_sync(subscription_id=obj["id"])
        if event_type == "customer.subscription.trial_will_end" and isinstance(owner, Membership):
            trial_reminder_send(membership=owner)
    elif event_type in INVOICE_EVENTS:
        subscription_id = _invoice_subscription(obj)
        if subscription_id:
            subscription_sync(subscription_id=subscription_id)
    record.processed_at = timezone.now()
    record.error = ""
    record.save(update_fields=["processed_at", "error"])


def trial_reminder_send(*, membership: Membership) -> bool:
    """Email once per trial that it ends soon and what happens then."""
    if not membership.trial_end or membership.status != SubscriptionStatus.TRIALING:
        return False
    claimed = Membership.objects.filter(pk=membership.pk).exclude(trial_reminder_sent_for=membership.trial_end)
    if claimed.update(trial_reminder_sent_for=membership.trial_end) != 1:
        return False
    plan = membership.plan or default_plan()
    send_templated_email(
        template="membership_trial_ending",
        to=[membership.user.email],
        context={"membership": membership, "plan": plan, "account_url": absolute("/account/")},
    )
    return True


def reconcile(*, stdout: Any = None) -> dict[str, int]:
    """Re-read every subscription we know of from Stripe."""
    counts = {"checked": 0, "changed": 0, "failed": 0}
    owners: list[Membership | Team] = [
        *Membership.objects.exclude(stripe_subscription_id=""),
        *Team.objects.exclude(stripe_subscription_id=""),
    ]
    for owner in owners:
        counts["checked"] += 1
        before = (owner.status, owner.current_period_end, owner.cancel_at_period_end)
        try:
            after_owner = subscription_sync(subscription_id=owner.stripe_subscription_id)
        except billing.BillingError as error:
            counts["failed"] += 1
            if stdout:
                stdout.write(f"{owner}: {error}")
            continue
        if (
            after_owner
            and (after_owner.status, after_owner.current_period_end, after_owner.cancel_at_period_end) != before
        ):
            counts["changed"] += 1
    for record in StripeEvent.objects.filter(processed_at__isnull=True):
        try:
            stripe_event_apply(record=record)
        except billing.BillingError:
            counts["failed"] += 1
    return counts


def portal_url(*, owner: Membership | Team, return_path: str) -> str:
    if not owner.stripe_customer_id:
        raise MembershipError("There is no billing account to manage yet.", 404)
    session = billing.portal_session_create(
        customer=owner.stripe_customer_id,
        return_url=absolute(return_path),
        idempotency_key=f"portal-{owner.uid}-{secrets.token_hex(8)}",
    )
    return session["url"]


# Teams --------------------------------------------------------------------


def seat_add(*, team: Team, user: Any, how: str) -> Seat:
    """Take a seat; the team row is locked so two joins cannot pass the limit together."""
    with transaction.atomic():
        locked = Team.objects.select_for_update().get(pk=team.pk)
        if Seat.objects.filter(user=user).exists():
            raise MembershipError("You already have a seat on a team.", 409)
        if Seat.objects.filter(team=locked).count() >= locked.seats:
            raise MembershipError("All of this team's seats are taken. Ask the team admin to add seats.", 409)
        membership_for(user=user)  # so staff lists show every PRO reader
        seat = Seat.objects.create(team=locked, user=user, how=how)
    pro_may_have_changed.send(sender=Seat, user_ids=[user.pk])
    return seat


def team_invite(*, team: Team, emails: list[str], invited_by: Any) -> list[Invitation]:
    invitations = []
    for email in dict.fromkeys(e.strip().lower() for e in emails if e.strip()):
        if Seat.objects.filter(team=team, user__email__iexact=email).exists():
            continue
        raw = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            team=team,
            email=email,
            token_hash=token_hash(raw),
            invited_by=invited_by,
            expires_at=timezone.now() + dt.timedelta(days=settings.TEAM_INVITATION_DAYS),
        )
        send_templated_email(
            template="membership_team_invitation",
            to=[email],
            context={"team": team, "invited_by": invited_by, "url": absolute(f"/team/join/{raw}/")},
        )
        invitations.append(invitation)
    return invitations


def invitation_find(*, raw_token: str) -> Invitation:
    invitation = Invitation.objects.select_related("team").filter(token_hash=token_hash(raw_token)).first()
    if invitation is None:
        raise MembershipError("This invitation link is not valid.", 404)
    if invitation.accepted_at or invitation.revoked_at:
        raise MembershipError("This invitation has already been used or withdrawn.", 410)
    if invitation.expires_at <= timezone.now():
        raise MembershipError("This invitation has expired. Ask your team admin for a new one.", 410)
    return invitation


def invitation_accept(*, raw_token: str, user: Any) -> Seat:
    with transaction.atomic():
        invitation = invitation_find(raw_token=raw_token)
        if invitation.email.lower() not in verified_addresses(user):
            raise MembershipError(
                f"This invitation was sent to {invitation.email}. Sign in with that address to accept it.", 403
            )
        seat = seat_add(team=invitation.team, user=user, how="invitation")
        if (
            Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(accepted_at=timezone.now())
            != 1
        ):
            raise MembershipError("This invitation has already been used.", 410)
    return seat


def team_domain_join(*, team: Team, user: Any) -> Seat:
    if not (team.domain_join and team.domain):
        raise MembershipError("This team does not take members by email domain.", 403)
    domain = team.domain.lower().lstrip("@")
    if not any(email.rsplit("@", 1)[-1] == domain for email in verified_addresses(user)):
        raise MembershipError(f"Joining needs a verified address at {domain}.", 403)
    if not team.is_live():
        raise MembershipError("This team's subscription is not active.", 409)
    return seat_add(team=team, user=user, how="domain")


def seat_remove(*, team: Team, seat: Seat) -> None:
    if seat.team_id != team.pk:
        raise MembershipError("That seat is not on your team.", 404)
    seat.delete()
    pro_may_have_changed.send(sender=Seat, user_ids=[seat.user_id])


def seat_reassign(*, team: Team, seat: Seat, email: str, by: Any) -> Invitation:
    with transaction.atomic():
        seat_remove(team=team, seat=seat)
        return team_invite(team=team, emails=[email], invited_by=by)[0]


def team_seats_change(*, team: Team, seats: int) -> Team:
    if seats < max(team.plan.min_seats, team.members.count()):
        raise MembershipError(
            f"A team needs at least {max(team.plan.min_seats, team.members.count())} seats "
            "(remove people first to go lower).",
            400,
        )
    if seats > team.plan.max_seats:
        raise MembershipError(f"For more than {team.plan.max_seats} seats, talk to us.", 400)
    if not team.stripe_subscription_id:
        raise MembershipError("This team has no subscription to change.", 409)
    subscription = billing.subscription_retrieve(team.stripe_subscription_id)
    billing.subscription_quantity_update(
        subscription=subscription, quantity=seats, idempotency_key=f"seats-{team.uid}-{team.seats}-to-{seats}"
    )
    return subscription_sync(subscription_id=team.stripe_subscription_id) or team  # type: ignore[return-value]


def lead_create(*, name: str, email: str, organisation: str, seats: int, message: str, user: Any = None) -> Lead:
    lead = Lead.objects.create(
        name=name, email=email, organisation=organisation, seats=seats, message=message, user=user
    )
    desk = OutletSettings.load().pro_desk_email or settings.DEFAULT_FROM_EMAIL
    transaction.on_commit(
        lambda: send_templated_email(
            template="membership_team_lead", to=[desk], context={"lead": lead}, headers={"Reply-To": email}
        )
    )
    return lead


# Accounts -----------------------------------------------------------------


def account_export(*, user: Any) -> dict[str, Any]:
    """Everything we hold about a person, as JSON-ready data."""
    membership = Membership.objects.filter(user=user).first()
    seat = Seat.objects.select_related("team").filter(user=user).first()
    data: dict[str, Any] = {
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "membership": None,
        "team_seat": None,
        "teams_administered": [
            {"name": t.name, "seats": t.seats, "status": t.status} for t in Team.objects.filter(admin=user)
        ],
        "trial_claims": [c.claimed_at.isoformat() for c in TrialClaim.objects.filter(user=user)],
        "team_enquiries": [
            {"organisation": lead.organisation, "seats": lead.seats, "message": lead.message}
            for lead in Lead.objects.filter(user=user)
        ],
    }
    if membership:
        data["membership"] = {
            "plan": str(membership.plan or ""),
            "status": membership.status,
            "paid_until": membership.current_period_end.isoformat() if membership.current_period_end else None,
            "cancel_at_period_end": membership.cancel_at_period_end,
            "complimentary_until": (
                membership.complimentary_until.isoformat() if membership.complimentary_until else None
            ),
        }
    if seat:
        data["team_seat"] = {"team": seat.team.name, "joined_at": seat.joined_at.isoformat()}
    data.update(personal_data_for(user))
    return data


def account_delete(*, user: Any) -> None:
    membership = Membership.objects.filter(user=user).first()
    if (
        membership
        and membership.stripe_subscription_id
        and membership.subscription_live()
        and not membership.cancel_at_period_end
    ):
        raise MembershipError("Cancel your subscription in Billing first, then delete your account.", 409)
    for team in Team.objects.filter(admin=user):
        if team.members.exclude(user=user).exists() or (team.subscription_live() and not team.cancel_at_period_end):
            raise MembershipError(
                f"You run the team {team.name}. Cancel its plan and remove its members first, or ask us to "
                "hand it to a colleague.",
                409,
            )
    with transaction.atomic():
        Team.objects.filter(admin=user).delete()
        TrialClaim.objects.filter(user=user).update(user=None)
        user.delete()


def sessions_end_all(*, user: Any, keep_session_key: str = "") -> int:
    """End every session of `user` (but `keep_session_key`), on every device, server-side."""
    ended = 0
    for session in UserSession.objects.filter(user=user).exclude(session_key=keep_session_key or None):
        session.end()
        ended += 1
    return ended


def account_is_claimed(*, user: Any) -> bool:
    """Whether the owner of one of the account's addresses has ever proved it."""
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def account_claim(*, user: Any, email: str, keep_session_key: str = "") -> None:
    """The first verified sign-in to an account: drop what anyone else set on it.

    Until an address is proved, whoever created the account may not be its
    owner (anyone can sign up with someone else's address). So the owner's
    first proof leaves no password, no other session, no name and no other
    unproved address behind; the owner can set a password afterwards.
    Changing the password hash also ends sessions that allauth never listed
    (Django checks the hash on every request).
    """
    with transaction.atomic():
        if user.has_usable_password():
            # Only when there is one: a new hash ends sessions signed with the
            # old one, and allauth may be about to sign the owner in with a
            # user object loaded before this change.
            user.set_unusable_password()
        user.first_name = ""
        user.last_name = ""
        user.save(update_fields=["password", "first_name", "last_name"])
        EmailAddress.objects.filter(user=user, verified=False).exclude(email__iexact=email).delete()
        Lead.objects.filter(user=user).update(user=None)
    sessions_end_all(user=user, keep_session_key=keep_session_key)
