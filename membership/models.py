"""PRO membership: plans, members, teams and their seats, and Stripe's records.

A person is PRO through their own Membership (Stripe subscription or a
complimentary grant by staff) or through a Seat on a Team whose subscription
is live. `core.entitlement` holds the rule that reads these rows to decide
access, so every app can ask it without importing membership.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.entitlement import LIVE_STATUSES, SubscriptionStatus, complimentary_live, subscription_live, team_live

__all__ = ["LIVE_STATUSES", "SubscriptionStatus"]  # kept importable from here: they describe these rows


class Plan(models.Model):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        TEAM = "team", "Team"

    slug = models.SlugField(unique=True, help_text="Used in URLs, e.g. “pro-annual” or “team-annual”.")
    name = models.CharField(max_length=100, help_text="e.g. “PRO annual”.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.INDIVIDUAL)
    annual_price_cents = models.PositiveIntegerField(
        "price per seat per year (cents)", default=30000, help_text="30000 is $300 a year ($25 a month)."
    )
    currency = models.CharField(max_length=3, default="usd")
    stripe_price_id = models.CharField(
        "Stripe price id",
        max_length=100,
        blank=True,
        help_text="e.g. price_1Nabc…; blank lets checkout describe the price inline from the amount above.",
    )
    trial_days = models.PositiveSmallIntegerField(default=7, help_text="0 for no trial.")
    min_seats = models.PositiveSmallIntegerField(default=1, help_text="Team plans: the fewest seats one can buy.")
    max_seats = models.PositiveSmallIntegerField(
        "most seats bought online",
        default=1,
        help_text="Team plans: above this, buyers are asked to talk to the PRO desk.",
    )
    is_active = models.BooleanField("on sale", default=True)

    class Meta:
        ordering = ["kind", "annual_price_cents"]

    def __str__(self) -> str:
        return self.name

    @property
    def monthly_price(self) -> int:
        return self.annual_price_cents // 1200

    @property
    def annual_price(self) -> int:
        return self.annual_price_cents // 100

    def seat_price_cents(self, seats: int) -> int:
        """Per-seat yearly price for a team of `seats`, after volume tiers."""
        tier = self.tiers.filter(from_seats__lte=seats).order_by("-from_seats").first()
        return tier.annual_price_cents if tier else self.annual_price_cents


class PlanTier(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tiers")
    from_seats = models.PositiveSmallIntegerField(help_text="This price applies from this many seats, e.g. 10.")
    annual_price_cents = models.PositiveIntegerField("price per seat per year (cents)")

    class Meta:
        ordering = ["plan", "from_seats"]
        constraints = [models.UniqueConstraint(fields=["plan", "from_seats"], name="plan_tier_unique_from_seats")]

    def __str__(self) -> str:
        return f"{self.plan}: from {self.from_seats} seats"


class StripeSubscriptionFields(models.Model):
    """What we keep of a Stripe subscription (for a member or a team)."""

    status = models.CharField(max_length=20, choices=SubscriptionStatus.choices, default=SubscriptionStatus.NONE)
    stripe_customer_id = models.CharField("Stripe customer", max_length=100, blank=True, db_index=True)
    stripe_subscription_id = models.CharField("Stripe subscription", max_length=100, blank=True, db_index=True)
    current_period_end = models.DateTimeField("paid until", null=True, blank=True)
    trial_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    # Stripe object's own timestamp of the state we hold; an older copy never
    # overwrites a newer one, so events may arrive in any order.
    stripe_synced_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def subscription_live(self, now: Any = None) -> bool:
        return subscription_live(
            status=self.status, current_period_end=self.current_period_end, now=now or timezone.now()
        )


class Membership(StripeSubscriptionFields):
    class Source(models.TextChoices):
        STRIPE = "stripe", "Stripe subscription"
        COMPLIMENTARY = "complimentary", "Complimentary"
        NONE = "none", "None"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships")
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.NONE)
    complimentary_until = models.DateTimeField(
        null=True, blank=True, help_text="PRO without payment until this moment. Blank: no complimentary access."
    )
    complimentary_note = models.CharField(max_length=200, blank=True, help_text="Why, e.g. “Press partner 2025”.")
    trial_reminder_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Membership of {self.user}"

    def complimentary_live(self, now: Any = None) -> bool:
        return complimentary_live(self.complimentary_until, now or timezone.now())

    def is_pro(self, now: Any = None) -> bool:
        return self.complimentary_live(now) or self.subscription_live(now) or self.team_live(now)

    def team_live(self, now: Any = None) -> bool:
        seat = getattr(self.user, "seat", None)
        return bool(seat and seat.team.is_live(now))

    def user_email(self) -> str:
        return self.user.email

    user_email.short_description = "email"  # type: ignore[attr-defined]

    def team_name(self) -> str:
        seat = getattr(self.user, "seat", None)
        return seat.team.name if seat else ""

    team_name.short_description = "team"  # type: ignore[attr-defined]

    def source_label(self) -> str:
        """How this person is PRO now (or was last): for staff lists and exports."""
        if self.complimentary_live():
            return "complimentary"
        if self.subscription_live():
            return "stripe"
        if self.team_live():
            return "team seat"
        return "lapsed" if self.status != SubscriptionStatus.NONE else "free"

    source_label.short_description = "source"  # type: ignore[attr-defined]


class Team(StripeSubscriptionFields):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=150, help_text="The organisation, e.g. “Gulf Analytics Ltd”.")
    admin = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="administered_teams")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="teams")
    seats = models.PositiveSmallIntegerField(default=0, help_text="Seats paid for (the Stripe quantity).")
    domain = models.CharField(
        max_length=100, blank=True, help_text="Company email domain, e.g. “gulfanalytics.com”, for self-service joins."
    )
    domain_join = models.BooleanField(
        "anyone at the domain may join", default=False, help_text="People with a verified address there take a seat."
    )
    complimentary_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_live(self, now: Any = None) -> bool:
        return team_live(self, now)


class Seat(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    # One seat per person: a reader belongs to at most one team.
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seat")
    joined_at = models.DateTimeField(auto_now_add=True)
    how = models.CharField(max_length=20, default="invitation", help_text="invitation, domain or admin")

    class Meta:
        ordering = ["team", "joined_at"]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Invitation(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.team}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class TrialClaim(models.Model):
    """One free week per person: remembered by address and by account."""

    email = models.EmailField(unique=True, help_text="Lower-cased address that started a trial.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    claimed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-claimed_at"]

    def __str__(self) -> str:
        return self.email


class CheckoutAttempt(models.Model):
    """A checkout form shown once: a second submit of it is refused, not re-billed."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    seats = models.PositiveSmallIntegerField(default=1)
    team_name = models.CharField(max_length=150, blank=True)
    stripe_session_id = models.CharField(max_length=100, blank=True)
    stripe_session_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Checkout {self.token}"


class StripeEvent(models.Model):
    event_id = models.CharField(max_length=100, unique=True)
    type = models.CharField(max_length=100)
    created = models.DateTimeField(help_text="When Stripe created the event.")
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class SignInToken(models.Model):
    """A sign-in link: only the SHA-256 of its 256-bit secret is stored."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    next_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Sign-in link for {self.email}"


class Lead(models.Model):
    """A “talk to us” enquiry for a larger team."""

    name = models.CharField(max_length=150)
    email = models.EmailField()
    organisation = models.CharField(max_length=200)
    seats = models.PositiveIntegerField(help_text="How many people, roughly.")
    message = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    handled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.seats} seats)"
