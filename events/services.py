"""Registrations: confirm or waitlist under a lock on the event row, cancel and promote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from core.entitlement import user_is_pro
from events.access import is_invited
from events.models import Event, Registration, Status
from events.tasks import send_promotion_task, send_registration_confirmation_task

MAX_QUESTION = 2000


class RegistrationError(Exception):
    """A registration that cannot be made; `status` is the HTTP answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


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
    transaction.on_commit(lambda: send_registration_confirmation_task.enqueue(registration.pk))
    return Outcome(registration=registration, created=True)


def registration_question(*, registration: Registration, question: str) -> Registration:
    registration.question = question.strip()[:MAX_QUESTION]
    registration.save(update_fields=["question"])
    return registration


def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel; when a confirmed place frees up before the event, the first on
    the waitlist takes it and is emailed. Returns the promoted registration."""
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
    transaction.on_commit(lambda: send_promotion_task.enqueue(promoted.pk))
    return promoted
