import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from events.emails import due_reminders, reminder_send
from events.models import Registration
from events.services import registration_create
from tests.events.builders import JOIN_URL, join_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(qa, alice, dora):
    registration = registration_create(event=qa, user=alice).registration
    mail.outbox.clear()
    return registration


def test_a_registered_member_gets_the_24_hour_and_1_hour_reminders_with_the_join_link(qa, registered, capsys):
    with freeze_time(qa.starts_at - dt.timedelta(hours=23)):
        call_command("send_event_reminders")
        call_command("send_event_reminders")  # a rerun sends nothing more
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Reminder:")
    assert join_page(qa) in mail.outbox[0].body
    assert join_page(qa) in mail.outbox[0].alternatives[0][0]
    assert JOIN_URL not in mail.outbox[0].body + mail.outbox[0].alternatives[0][0]
    with freeze_time(qa.starts_at - dt.timedelta(minutes=50)):
        call_command("send_event_reminders")
        call_command("send_event_reminders")
    assert len(mail.outbox) == 2
    assert "Queued 0 event reminder(s)." in capsys.readouterr().out


def test_nothing_is_sent_before_the_reminder_is_due(qa, registered):
    with freeze_time(qa.starts_at - dt.timedelta(hours=30)):
        call_command("send_event_reminders")
    assert mail.outbox == []


def test_two_workers_claiming_the_same_reminder_send_it_once(qa, registered):
    with freeze_time(qa.starts_at - dt.timedelta(hours=2)):
        assert due_reminders() == [(registered.pk, "day")]
        assert reminder_send(registration_id=registered.pk, which="day") is True
        assert reminder_send(registration_id=registered.pk, which="day") is False
    assert len(mail.outbox) == 1


def test_a_member_who_lost_pro_gets_a_reminder_without_the_join_link(qa, registered, alice):
    from membership.models import Membership

    Membership.objects.filter(user=alice).update(complimentary_until=None)
    with freeze_time(qa.starts_at - dt.timedelta(minutes=30)):
        call_command("send_event_reminders")
    assert len(mail.outbox) == 1
    assert JOIN_URL not in mail.outbox[0].body
    assert JOIN_URL not in mail.outbox[0].alternatives[0][0]


def test_cancelled_registrations_get_no_reminder(qa, registered):
    Registration.objects.filter(pk=registered.pk).update(status="cancelled")
    with freeze_time(qa.starts_at - dt.timedelta(minutes=30)):
        call_command("send_event_reminders")
    assert mail.outbox == []


def test_the_scheduler_runs_the_reminders():
    from django.conf import settings

    assert "send_event_reminders" in [name for name, _ in settings.SCHEDULE]
