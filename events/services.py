"""Registrations: confirm or waitlist under a lock on the event row, cancel and promote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from core.entitlement import user_is_pro
from events.models import Event, Registration, Status

MAX_QUESTION = 2000


class RegistrationError(Exception):
    """A registration that cannot be made; `status` is the HTTP answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def is_invited(*, event: Event, user: Any) -> bool:
    if not event.invitation_only:
        return True
    if user.is_staff:
        return True
    if user.email and user.email.lower() in event.invited_addresses():
        return True
    if event.invited_team_id is not None:
        from membership.models import Seat

        return Seat.objects.filter(team_id=event.invited_team_id, user=user).exists()
    return False


def registration_check(*, event: Event, user: Any) -> None:
    """Raise RegistrationError unless this member may register now."""
    if not user.is_authenticated:
        raise RegistrationError("Sign in with your PRO account to register.", 401)
    if not user_is_pro(user):
        raise RegistrationError("Events are for PRO members. Start your free week to register.", 403)
    if not event.published:
        raise RegistrationError("This event is not open for registration.", 404)
    if event.has_started:
        raise RegistrationError("This event has already started or taken place; registration is closed.", 409)
    if not is_invited(event=event, user=user):
        raise RegistrationError("This event is by invitation only, and your account is not on the list.", 403)


@dataclass(frozen=True)
class Outcome:
    registration: Registration
    created: bool  # False when the member was already registered (nothing changed)


def _confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def registration_create(*, event: Event, user: Any, question: str = "") -> Outcome:
    """Confirm, or waitlist when the event is full. The event row is locked so
    concurrent RSVPs are counted one after another and never pass capacity."""
    registration_check(event=event, user=user)
    question = question.strip()[:MAX_QUESTION]
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        existing = Registration.objects.filter(event=locked, user=user).first()
        if existing is not None and existing.status != Status.CANCELLED:
            return Outcome(registration=existing, created=False)
        now = timezone.now()
        full = locked.capacity is not None and _confirmed_count(locked) >= locked.capacity
        status = Status.WAITLISTED if full else Status.CONFIRMED
        if existing is None:
            registration = Registration.objects.create(
                event=locked, user=user, status=status, question=question, waitlisted_at=now if full else None
            )
        else:  # coming back after cancelling: same row, fresh place in the queue
            registration = existing
            registration.status = status
            registration.question = question or registration.question
            registration.waitlisted_at = now if full else None
            registration.cancelled_at = None
            registration.promoted_at = None
            registration.confirmation_sent_at = None
            registration.reminder_day_sent_at = None
            registration.reminder_hour_sent_at = None
            registration.save()
    from events.tasks import send_registration_confirmation

    transaction.on_commit(lambda: send_registration_confirmation.enqueue(registration.pk))
    return Outcome(registration=registration, created=True)


def registration_question(*, registration: Registration, question: str) -> Registration:
    registration.question = question.strip()[:MAX_QUESTION]
    registration.save(update_fields=["question"])
    return registration


def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel; when a confirmed place frees up before the event, the first on
    the waitlist takes it and is emailed. Returns the promoted registration."""
    from events.tasks import send_promotion

    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            return None
        was_confirmed = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        if not was_confirmed or event.has_started:
            return None
        if event.capacity is not None and _confirmed_count(event) >= event.capacity:
            return None
        promoted = (
            Registration.objects.filter(event=event, status=Status.WAITLISTED).order_by("waitlisted_at", "pk").first()
        )
        if promoted is None:
            return None
        promoted.status = Status.CONFIRMED
        promoted.promoted_at = timezone.now()
        promoted.save(update_fields=["status", "promoted_at"])
    transaction.on_commit(lambda: send_promotion.enqueue(promoted.pk))
    return promoted


def waitlist_position(registration: Registration) -> int:
    if registration.status != Status.WAITLISTED or registration.waitlisted_at is None:
        return 0
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Status.WAITLISTED, waitlisted_at__lt=registration.waitlisted_at
    ).count()
    return ahead + 1


# Emails ---------------------------------------------------------------------

REMINDERS = {"day": dt.timedelta(hours=24), "hour": dt.timedelta(hours=1)}


def _claim(registration_id: int, field: str, **conditions: Any) -> Registration | None:
    """Set `field` to now if it is still empty; the one caller that wins sends."""
    claimed = Registration.objects.filter(pk=registration_id, **{f"{field}__isnull": True}, **conditions).update(
        **{field: timezone.now()}
    )
    if claimed != 1:
        return None
    return Registration.objects.select_related("event", "user").get(pk=registration_id)


def _send(registration: Registration, template: str) -> None:
    from events.access import email_context
    from lib.emails import send_templated_email

    if not registration.user.email:
        return
    send_templated_email(
        template=template, to=[registration.user.email], context=email_context(registration=registration)
    )


def registration_confirmation_send(*, registration_id: int) -> bool:
    registration = _claim(registration_id, "confirmation_sent_at", status__in=[Status.CONFIRMED, Status.WAITLISTED])
    if registration is None:
        return False
    _send(registration, "event-registered")
    return True


def promotion_send(*, registration_id: int) -> bool:
    registration = _claim(registration_id, "promotion_sent_at", status=Status.CONFIRMED, promoted_at__isnull=False)
    if registration is None:
        return False
    _send(registration, "event-promoted")
    return True


def reminder_send(*, registration_id: int, which: str) -> bool:
    field = f"reminder_{which}_sent_at"
    registration = _claim(registration_id, field, status=Status.CONFIRMED, event__ends_at__gt=timezone.now())
    if registration is None:
        return False
    _send(registration, "event-reminder")
    return True


def due_reminders(*, now: dt.datetime | None = None) -> list[tuple[int, str]]:
    """(registration id, which) for every reminder whose moment has come and not been sent.

    A reminder is due from its lead time before the start until the start;
    one missed while the scheduler was down still goes out if the event has
    not begun, and the 24-hour one is skipped once the 1-hour one is due.
    """
    now = now or timezone.now()
    due: list[tuple[int, str]] = []
    for which, lead in REMINDERS.items():
        rows = Registration.objects.filter(
            status=Status.CONFIRMED,
            event__published=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + lead,
            **{f"reminder_{which}_sent_at__isnull": True},
        )
        if which == "day":
            rows = rows.filter(event__starts_at__gt=now + REMINDERS["hour"])
        due += [(pk, which) for pk in rows.values_list("pk", flat=True)]
    return due
