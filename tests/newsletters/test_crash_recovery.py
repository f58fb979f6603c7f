"""A worker killed mid-send loses nobody; what it had in flight is sent again and reported."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from newsletters.models import Delivery, SendWorker
from newsletters.sending import issue_recover
from newsletters.services import issue_draft, issue_send_start
from tests.newsletters.conftest import make_subscribers

ROOT = Path(__file__).resolve().parents[2]


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def crashed_send(db, security, security_story):
    make_subscribers(security, 6)
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    from newsletters.sending import HOSTNAME

    worker = SendWorker.objects.create(issue=issue, hostname=HOSTNAME, pid=dead_pid())
    rows = list(Delivery.objects.filter(issue=issue).order_by("pk"))
    Delivery.objects.filter(pk__in=[r.pk for r in rows[:2]]).update(state="sent", worker=worker)
    Delivery.objects.filter(pk=rows[2].pk).update(state="sending", worker=worker)  # in the SMTP server's hands
    Delivery.objects.filter(pk__in=[r.pk for r in rows[3:5]]).update(state="claimed", worker=worker)
    return issue, rows


def test_a_dead_workers_claimed_rows_go_back_to_the_queue_and_in_flight_ones_are_reported(crashed_send):
    issue, rows = crashed_send
    recovery = issue_recover(issue_id=issue.pk)
    assert recovery.released == 2
    assert recovery.unknown == [rows[2].email]
    states = dict(Delivery.objects.values_list("pk", "state"))
    assert [states[r.pk] for r in rows] == ["sent", "sent", "queued", "queued", "queued", "queued"]
    assert list(Delivery.objects.filter(possible_duplicate=True).values_list("email", flat=True)) == [rows[2].email]
    assert SendWorker.objects.get(pid__gt=0).crashed


def test_the_restarted_command_finishes_the_issue_sending_only_what_is_left_and_says_who_is_unknown(
    crashed_send, smtp_server, capsys
):
    _, rows = crashed_send
    call_command("send_newsletter", "security", "--no-progress")
    out = capsys.readouterr().out
    assert "died while handing 1 message(s)" in out and rows[2].email in out
    received = sorted(r for m in smtp_server.messages for r in m.rcpt_tos)
    assert received == sorted(r.email for r in rows[2:])  # the two already sent are not sent again
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}


def test_with_resending_off_an_in_flight_message_is_marked_unknown_and_never_sent_again(
    crashed_send, smtp_server, settings
):
    settings.NEWSLETTER_RESEND_UNKNOWN = False
    _, rows = crashed_send
    call_command("send_newsletter", "security", "--no-progress")
    assert Delivery.objects.get(pk=rows[2].pk).state == "unknown"
    assert not smtp_server.to(rows[2].email)


def test_a_live_worker_on_this_machine_is_left_alone(crashed_send):
    issue, _ = crashed_send
    SendWorker.objects.update(pid=os.getppid())  # a process that is certainly alive
    assert issue_recover(issue_id=issue.pk).released == 0


def test_three_sigkills_during_a_thousand_recipient_send_lose_nobody():
    result = subprocess.run(
        [sys.executable, "bench/newsletter_crash.py", "--recipients", "1000", "--kills", "3", "--seed", "7"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["recipients"] == 1000 and figures["kills"] == 3
    assert figures["lost"] == 0
    assert figures["duplicated"] <= figures["duplicate_bound"]
    assert "duplicates not reported:      0" in result.stdout
