"""Readers from another system: newsletter subscriptions with their consent, and PRO status."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from imports.articles import Report
from membership.services import complimentary_grant
from newsletters.models import Consent, Newsletter, Subscriber, Subscription, Suppression
from newsletters.services import clean_name, email_normalise

COMPLIMENTARY_DAYS = 365


def member_import(
    *,
    email: str,
    name: str,
    newsletter_slugs: list[str],
    status: str,
    consented_at: dt.datetime | None,
    source: str,
    report: Report,
) -> Subscriber:
    """The reader's subscriber row, their newsletters (never re-adding one they left), and PRO if complimentary."""
    address = email_normalise(email)
    when = consented_at or timezone.now()
    subscriber, created = Subscriber.objects.get_or_create(
        email=address, defaults={"name": clean_name(name), "confirmed_at": when}
    )
    report.count("subscribers new" if created else "subscribers already here")
    if Suppression.objects.filter(email=address).exists():
        report.count("suppressed addresses (not subscribed)")
        return subscriber
    current = {s.newsletter.slug: s for s in subscriber.subscriptions.select_related("newsletter")}
    for slug in dict.fromkeys(newsletter_slugs):
        newsletter = Newsletter.objects.filter(slug=slug).first()
        if newsletter is None:
            report.count(f"subscriptions to unknown newsletter “{slug}” skipped")
            continue
        if slug in current:
            report.count("subscriptions kept as they were")
            continue
        Subscription.objects.create(
            subscriber=subscriber,
            newsletter=newsletter,
            status=Subscription.Status.ACTIVE,
            confirmed_at=when,
            source=source[:60],
        )
        Consent.objects.create(
            subscriber=subscriber, newsletter=newsletter, action=Consent.Action.IMPORTED, at=when, source=source[:60]
        )
        report.count("subscriptions")
    if status == "comped":
        _complimentary(address, subscriber, report)
    elif status == "paid":
        report.count("paid members (their card subscriptions stay with the old provider until moved)")
    return subscriber


def _complimentary(address: str, subscriber: Subscriber, report: Report) -> None:
    users = get_user_model()._default_manager
    user = users.filter(email__iexact=address).first()
    if user is None:
        user = users.create_user(username=f"imported-{uuid.uuid4().hex[:12]}", email=address)
        user.set_unusable_password()
        user.save()
    if subscriber.user_id is None:
        Subscriber.objects.filter(pk=subscriber.pk).update(user=user)
    complimentary_grant(user=user, days=COMPLIMENTARY_DAYS, note="Complimentary in the previous system")
    report.count("complimentary PRO members")
