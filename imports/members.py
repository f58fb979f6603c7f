"""Readers from another system: newsletter subscriptions with their consent, and PRO status.

Members go in a batch at a time (100 rows): the batch's import records,
subscribers, suppressions, newsletters and subscriptions are each read in one
query, and the new subscribers, subscriptions, consents and import records
are each written in one insert, so a batch costs about ten statements however
many rows it holds. Only complimentary members, who need an account and a PRO
grant, are handled one by one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from imports.articles import Report, batches
from imports.models import ImportedItem
from membership.services import complimentary_grant
from newsletters.models import Consent, Newsletter, Subscriber, Subscription, Suppression
from newsletters.services import clean_name, email_normalise

COMPLIMENTARY_DAYS = 365
PAID_NOTE = "paid members (their card subscriptions stay with the old provider until moved)"
T = TypeVar("T")


@dataclass
class Member:
    """One row of a member list, read and checked."""

    external_id: str  # the import record's id: the old system's id, or the address
    email: str
    name: str = ""
    newsletter_slugs: list[str] = field(default_factory=list)
    status: str = "free"  # free | comped | paid
    consented_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        self.email = email_normalise(self.email)  # a ValidationError names what is wrong


def members_import(*, source: str, members: list[Member], origin: str, report: Report) -> None:
    """Each new member's subscriber row, their newsletters (never re-adding one they left), PRO if
    complimentary, and an import record; a member imported before is skipped."""
    recorded = set(
        ImportedItem.objects.filter(
            source=source, kind="member", external_id__in=[m.external_id for m in members]
        ).values_list("external_id", flat=True)
    )
    fresh: list[Member] = []
    for member in members:
        if member.external_id in recorded:
            report.skipped += 1
            continue
        recorded.add(member.external_id)  # the same id twice in a file counts once
        fresh.append(member)
    if not fresh:
        return
    subscribers = _subscribers(fresh, report)
    suppressed = set(Suppression.objects.filter(email__in=list(subscribers)).values_list("email", flat=True))
    if suppressed:
        report.count("suppressed addresses (not subscribed)", sum(1 for m in fresh if m.email in suppressed))
    _subscriptions([m for m in fresh if m.email not in suppressed], subscribers, origin=origin[:60], report=report)
    granted: set[str] = set()
    for member in fresh:
        if member.email in suppressed:
            continue
        if member.status == "comped" and member.email not in granted:
            granted.add(member.email)  # one year, however many rows name the address
            _complimentary(subscribers[member.email], report)
        elif member.status == "paid":
            report.count(PAID_NOTE)
    ImportedItem.objects.bulk_create(
        ImportedItem(source=source, kind="member", external_id=m.external_id, object_id=subscribers[m.email].pk)
        for m in fresh
    )
    report.created += len(fresh)


def _subscribers(members: list[Member], report: Report) -> dict[str, Subscriber]:
    """The subscriber row of every address, made for those new to the site (the first row's name wins)."""
    addresses = list(dict.fromkeys(m.email for m in members))
    found = {s.email: s for s in Subscriber.objects.filter(email__in=addresses)}
    now = timezone.now()
    new: dict[str, Subscriber] = {}
    for member in members:
        if member.email not in found and member.email not in new:
            new[member.email] = Subscriber(
                email=member.email, name=clean_name(member.name), confirmed_at=member.consented_at or now
            )
    if new:
        # Another import of the same addresses may commit first: its rows are kept and read back below.
        Subscriber.objects.bulk_create(new.values(), ignore_conflicts=True)
        found.update({s.email: s for s in Subscriber.objects.filter(email__in=list(new))})
    report.count("subscribers new", len(new))
    if len(members) > len(new):
        report.count("subscribers already here", len(members) - len(new))
    return found


def _subscriptions(members: list[Member], subscribers: dict[str, Subscriber], *, origin: str, report: Report) -> None:
    slugs = {slug for m in members for slug in m.newsletter_slugs}
    newsletters = {n.slug: n for n in Newsletter.objects.filter(slug__in=slugs)}
    current = set(
        Subscription.objects.filter(subscriber__in=[s.pk for s in subscribers.values()]).values_list(
            "subscriber_id", "newsletter_id"
        )
    )
    now = timezone.now()
    subscriptions: list[Subscription] = []
    consents: list[Consent] = []
    for member in members:
        subscriber = subscribers[member.email]
        for slug in dict.fromkeys(member.newsletter_slugs):
            newsletter = newsletters.get(slug)
            if newsletter is None:
                report.count(f"subscriptions to unknown newsletter “{slug}” skipped")
                continue
            if (subscriber.pk, newsletter.pk) in current:
                report.count("subscriptions kept as they were")
                continue
            current.add((subscriber.pk, newsletter.pk))
            when = member.consented_at or now
            subscriptions.append(
                Subscription(
                    subscriber=subscriber,
                    newsletter=newsletter,
                    status=Subscription.Status.ACTIVE,
                    confirmed_at=when,
                    source=origin,
                )
            )
            consents.append(
                Consent(
                    subscriber=subscriber, newsletter=newsletter, action=Consent.Action.IMPORTED, at=when, source=origin
                )
            )
    Subscription.objects.bulk_create(subscriptions)
    Consent.objects.bulk_create(consents)
    if subscriptions:
        report.count("subscriptions", len(subscriptions))


def _complimentary(subscriber: Subscriber, report: Report) -> None:
    users = get_user_model()._default_manager
    user = users.filter(email__iexact=subscriber.email).first()
    if user is None:
        user = users.create_user(username=f"imported-{uuid.uuid4().hex[:12]}", email=subscriber.email)
        user.set_unusable_password()
        user.save()
    if subscriber.user_id is None:
        Subscriber.objects.filter(pk=subscriber.pk).update(user=user)
        subscriber.user = user
    complimentary_grant(user=user, days=COMPLIMENTARY_DAYS, note="Complimentary in the previous system")
    report.count("complimentary PRO members")


def run_member_batches(
    items: Iterable[T],
    to_member: Callable[[T], Member],
    *,
    source: str,
    origin: str,
    report: Report,
    label: Callable[[T], str],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Members a batch at a time, as stories go: each batch is read (an unreadable row is reported and
    skipped), then written in a few statements and committed on its own; a failed batch rolls back alone."""
    for batch in batches(items):
        members: list[Member] = []
        for item in batch:
            report.seen += 1
            try:
                members.append(to_member(item))
            except (ValidationError, ValueError, KeyError, TypeError) as error:
                message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                report.errors.append(f"{label(item)}: {message}")
        before = (report.created, report.skipped, dict(report.counts))
        try:
            with transaction.atomic():
                members_import(source=source, members=members, origin=origin, report=report)
                if report.dry_run:
                    transaction.set_rollback(True)
        except DatabaseError as error:
            report.created, report.skipped, report.counts = before
            report.errors.append(f"A batch of {len(batch)} was rolled back ({error}); run the import again to resume.")
        if progress:
            progress(len(batch))
