"""The emails about a registration, each sent at most once however often its task runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from events.access import email_context
from events.models import Registration, Status
from lib.emails import send_templated_email

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
    if not registration.user.email:
        return
    send_templated_email(
        template=template, to=[registration.user.email], context=email_context(registration=registration)
    )


def registration_confirmation_send(*, registration_id: int) -> bool:
    registration = _claim(registration_id, "confirmation_sent_at", status__in=[Status.CONFIRMED, Status.WAITLISTED])
    if registration is None:
        return False
    _send(registration, "events_registered")
    return True


def promotion_send(*, registration_id: int) -> bool:
    registration = _claim(registration_id, "promotion_sent_at", status=Status.CONFIRMED, promoted_at__isnull=False)
    if registration is None:
        return False
    _send(registration, "events_promoted")
    return True


def reminder_send(*, registration_id: int, which: str) -> bool:
    field = f"reminder_{which}_sent_at"
    registration = _claim(registration_id, field, status=Status.CONFIRMED, event__ends_at__gt=timezone.now())
    if registration is None:
        return False
    _send(registration, "events_reminder")
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
