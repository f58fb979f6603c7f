"""Over SMTP each connection marks a small group `sending` per commit; nothing is handed over unmarked."""

from typing import Any

import pytest
from django.conf import settings

from newsletters import sending
from newsletters.models import Delivery, Issue
from newsletters.sending import issue_run
from newsletters.services import issue_draft, issue_pause, issue_send_start
from newsletters.transport import Outgoing, transport_for_settings
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


class Watching:
    """The real SMTP transport, with a look at the ledger as each message is handed over."""

    def __init__(self, on_send: Any = None) -> None:
        self.inner = transport_for_settings()
        self.needs_raw = self.inner.needs_raw
        self.on_send = on_send
        self.seen: list[tuple[str, int]] = []  # (this row's state, rows in flight) at hand-over

    def send(self, message: Outgoing) -> str:
        row = Delivery.objects.get(email=message.to_email)
        self.seen.append((row.state, Delivery.objects.filter(state=Delivery.State.SENDING).count()))
        if self.on_send:
            self.on_send(len(self.seen))
        return self.inner.send(message)

    def close(self) -> None:
        self.inner.close()


GROUP = settings.NEWSLETTER_IN_FLIGHT_PER_CONNECTION


@pytest.fixture
def big_issue(security, security_story) -> Issue:
    make_subscribers(security, GROUP * 2 + 5)
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    return issue


def test_each_message_is_marked_sending_before_it_is_handed_over_and_at_most_a_group_is_in_flight(
    smtp_server, big_issue
):
    watching = Watching()
    report = issue_run(issue_id=big_issue.pk, transport_factory=lambda: watching)
    assert report.sent == GROUP * 2 + 5 and report.finished
    assert {state for state, _ in watching.seen} == {Delivery.State.SENDING}
    assert max(in_flight for _, in_flight in watching.seen) == GROUP
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_the_operator_setting_sets_how_many_messages_a_connection_has_in_flight(smtp_server, big_issue, settings):
    settings.NEWSLETTER_IN_FLIGHT_PER_CONNECTION = 4
    watching = Watching()
    report = issue_run(issue_id=big_issue.pk, transport_factory=lambda: watching)
    assert report.sent == GROUP * 2 + 5 and report.finished
    # Groups of 4 (the last one shorter), each marked `sending` in one commit before its first message.
    in_flight = [count for _, count in watching.seen]
    assert max(in_flight) == 4
    assert in_flight == [4] * 24 + [1]
    assert {state for state, _ in watching.seen} == {Delivery.State.SENDING}


def test_an_unexpected_error_mid_group_keeps_what_was_sent_and_reports_only_the_message_in_hand(smtp_server, big_issue):
    def fail_on_the_fourth(count: int) -> None:
        if count == 4:
            raise RuntimeError("the process is going down")

    with pytest.raises(RuntimeError):
        issue_run(issue_id=big_issue.pk, transport_factory=lambda: Watching(fail_on_the_fourth))
    rows = list(Delivery.objects.order_by("pk"))
    assert [row.state for row in rows[:3]] == [Delivery.State.SENT] * 3
    assert rows[3].state == Delivery.State.QUEUED and rows[3].possible_duplicate
    assert {row.state for row in rows[4:]} == {Delivery.State.QUEUED}
    assert not any(row.possible_duplicate for row in rows[4:])
    assert len(smtp_server.messages) == 3


def test_a_pause_mid_group_hands_over_nothing_more_and_returns_the_rest_to_the_queue(
    smtp_server, big_issue, monkeypatch
):
    runs: list[sending._Run] = []
    original = sending._Run.__init__

    def capture(self: sending._Run, **kwargs: Any) -> None:
        original(self, **kwargs)
        runs.append(self)

    monkeypatch.setattr(sending._Run, "__init__", capture)

    def pause_after_the_second(count: int) -> None:
        if count == 2:
            issue_pause(issue=Issue.objects.get(pk=big_issue.pk))
            runs[0].stopping.set()  # as another connection's next claim would

    issue_run(issue_id=big_issue.pk, transport_factory=lambda: Watching(pause_after_the_second))
    assert len(smtp_server.messages) == 2
    states = list(Delivery.objects.order_by("pk").values_list("state", flat=True))
    assert states[:2] == [Delivery.State.SENT] * 2
    assert set(states[2:]) == {Delivery.State.QUEUED}
