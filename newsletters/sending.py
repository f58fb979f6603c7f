"""The send protocol: a frozen ledger, rows claimed atomically, progress per recipient.

Each `Delivery` row moves, by conditional UPDATEs that only one worker can win:

    queued ──claim a batch──▶ claimed ──just before SMTP──▶ sending ──accepted──▶ sent
                                                              └──5xx──▶ failed (+ suppression)
                                                              └──4xx / timeout──▶ queued again, later

`sending` is written (and committed) before a message is handed to the mail
server, and `sent` after the server accepts it. Over SMTP each connection
takes its rows in groups of NEWSLETTER_IN_FLIGHT_PER_CONNECTION: one commit turns a group
`sending`, the messages go out one by one, and the next commit writes the
group's outcomes together with the next group's `sending`, so a commit serves
many messages while the rows in flight stay at most one group per connection.
Through an ESP's batch send (up to NEWSLETTER_ESP_BATCH_SIZE recipients per
API call) a whole call's rows turn `sending` in one commit before the call and
`sent` in one after it, so the rows in flight are at most one call's. When a
worker dies:

- its `claimed` rows were never handed to SMTP: they go back to the queue;
- its `sending` rows (at most one group per SMTP connection, or one API call's) have an unknown outcome:
  they are sent again and flagged `possible_duplicate` (or, with
  NEWSLETTER_RESEND_UNKNOWN=0, marked `unknown`), and reported either way.

A restarted worker (or another one, on any machine) recovers dead workers'
rows by itself before it claims anything.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from html import escape as html_escape
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min, Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from newsletters.mime import Addressee, MessageBuilder, QuotedTemplate, list_unsubscribe, message_id
from newsletters.models import Delivery, Issue, SendWorker, Subscription, Suppression
from newsletters.rendering import PERSONAL_FIELDS, PreparedIssue, prepare_issue
from newsletters.transport import (
    Batch,
    EspBatchTransport,
    Outgoing,
    PermanentFailure,
    SendFailure,
    TemporaryFailure,
    Transport,
    UnknownOutcome,
    transport_for_settings,
)

logger = logging.getLogger(__name__)
HOSTNAME = socket.gethostname()[:255]
HEARTBEAT_SECONDS = 2.0
OPEN_STATES = (Delivery.State.QUEUED, Delivery.State.CLAIMED, Delivery.State.SENDING)
_running_workers: set[int] = set()  # SendWorker ids alive in this process

# Sent once, with `issue_id`, when the last delivery of an issue is done.
issue_sent = Signal()


@dataclass
class Recovery:
    released: int = 0  # claimed by a dead worker, never handed to SMTP: queued again silently
    unknown: list[str] = field(default_factory=list)  # being handed to SMTP when the worker died
    resent: bool = True  # whether the unknown ones are sent again (possible duplicates)


@dataclass
class SendReport:
    issue_id: int
    sent: int = 0
    failed: int = 0
    retried: int = 0
    skipped: int = 0
    recovery: Recovery = field(default_factory=Recovery)
    status: str = ""

    @property
    def finished(self) -> bool:
        return self.status == Issue.Status.SENT


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_dead(worker: SendWorker, now: Any) -> bool:
    if worker.pk in _running_workers:
        return False
    if worker.heartbeat_at < now - timedelta(seconds=settings.NEWSLETTER_WORKER_LEASE_SECONDS):
        return True
    # On this machine we need not wait for the lease: the process is gone.
    return worker.hostname == HOSTNAME and (worker.pid == os.getpid() or not _pid_alive(worker.pid))


def issue_recover(*, issue_id: int) -> Recovery:
    """Give back what dead workers held; report what they may have sent."""
    now = timezone.now()
    recovery = Recovery(resent=settings.NEWSLETTER_RESEND_UNKNOWN)
    for worker in SendWorker.objects.filter(issue_id=issue_id, stopped_at__isnull=True):
        if not _is_dead(worker, now):
            continue
        with transaction.atomic():
            if (
                SendWorker.objects.filter(pk=worker.pk, stopped_at__isnull=True).update(stopped_at=now, crashed=True)
                != 1
            ):
                continue  # another worker is recovering it
            mine = Delivery.objects.filter(worker=worker)
            recovery.released += mine.filter(state=Delivery.State.CLAIMED).update(
                state=Delivery.State.QUEUED, worker=None
            )
            in_flight = mine.filter(state=Delivery.State.SENDING)
            recovery.unknown += list(in_flight.values_list("email", flat=True))
            if settings.NEWSLETTER_RESEND_UNKNOWN:
                in_flight.update(state=Delivery.State.QUEUED, worker=None, possible_duplicate=True)
            else:
                in_flight.update(state=Delivery.State.UNKNOWN, error="worker died while handing it to SMTP")
    if recovery.released or recovery.unknown:
        logger.warning(
            "issue %s: recovered %s claimed row(s); %s in flight with unknown outcome (%s): %s",
            issue_id,
            recovery.released,
            len(recovery.unknown),
            "sent again" if recovery.resent else "not sent again",
            ", ".join(recovery.unknown),
        )
    return recovery


class RateLimiter:
    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next = time.monotonic()
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(self._next, now)
            self._next = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


@dataclass
class _Row:
    pk: int
    email: str
    pro: bool
    attempts: int
    name: str
    manage_token: str
    unsubscribe_token: str


class _Run:
    """One worker process sending one issue, with one or more SMTP connections."""

    def __init__(
        self,
        *,
        issue: Issue,
        worker: SendWorker,
        prepared: PreparedIssue,
        transport_factory: Callable[[], Transport],
        progress: Callable[[int], None] | None,
    ) -> None:
        self.issue_id = issue.pk
        self.issue_uuid = issue.uuid
        self.worker_id = worker.pk
        self.prepared = prepared
        self.transport_factory = transport_factory
        self.progress = progress
        self.builder = MessageBuilder(
            from_email=prepared.from_email,
            subject=prepared.subject,
            reply_to=prepared.reply_to,
            list_id=prepared.list_id,
            unsubscribe_mailto=settings.NEWSLETTER_UNSUBSCRIBE_MAILTO,
        )
        self.manage_prefix = settings.SITE_URL + reverse("newsletters:manage", args=["TOKEN"]).replace("TOKEN/", "")
        self.unsub_prefix = settings.SITE_URL + reverse("newsletters:unsubscribe", args=["TOKEN"]).replace("TOKEN/", "")
        self.rate = RateLimiter(settings.NEWSLETTER_RATE_PER_SECOND)
        # Rows an SMTP connection marks `sending` in one commit: the most a crash can leave with an
        # unknown outcome per connection. A commit per message cost more than building and handing
        # over the message; one per 10 costs a tenth of that.
        self.in_flight = settings.NEWSLETTER_IN_FLIGHT_PER_CONNECTION
        self.lock = threading.Lock()
        self.claim_lock = threading.Lock()  # threads share a worker id: one claim at a time keeps their rows apart
        self.stopping = threading.Event()
        self.last_heartbeat = time.monotonic()
        self.counts = {"sent": 0, "failed": 0, "retried": 0, "skipped": 0}
        self.errors: list[BaseException] = []
        self.encoded = {
            pro: (QuotedTemplate(prepared.text[pro].parts), QuotedTemplate(prepared.html[pro].parts))
            for pro in prepared.html
        }

    # -- database steps -------------------------------------------------

    def claim(self, size: int | None = None) -> list[_Row]:
        with self.claim_lock:
            return self._claim(size or settings.NEWSLETTER_BATCH_SIZE)

    def _claim(self, size: int) -> list[_Row]:
        now = timezone.now()
        with transaction.atomic():
            status = Issue.objects.filter(pk=self.issue_id).values_list("status", flat=True).first()
            if status != Issue.Status.SENDING:
                self.stopping.set()  # paused or cancelled: finish the message in hand, claim no more
                return []
            due = Delivery.objects.filter(issue_id=self.issue_id, state=Delivery.State.QUEUED).filter(
                Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
            )
            if connection.features.has_select_for_update_skip_locked:
                due = due.select_for_update(skip_locked=True)
            ids = list(due.order_by("pk").values_list("pk", flat=True)[:size])
            if not ids:
                return []
            Delivery.objects.filter(pk__in=ids, state=Delivery.State.QUEUED).update(
                state=Delivery.State.CLAIMED, worker_id=self.worker_id
            )
        fields = ("pk", "email", "pro", "attempts", "subscriber__name", "subscriber__token", "subscription__token")
        rows = Delivery.objects.filter(pk__in=ids, state=Delivery.State.CLAIMED, worker_id=self.worker_id)
        # The next batch honours whoever left or bounced since the ledger was written.
        gone = set(
            rows.filter(
                ~Q(subscription__status=Subscription.Status.ACTIVE) | Q(email__in=Suppression.objects.values("email"))
            ).values_list("pk", flat=True)
        )
        if gone:
            Delivery.objects.filter(pk__in=gone, worker_id=self.worker_id, state=Delivery.State.CLAIMED).update(
                state=Delivery.State.SKIPPED, worker=None
            )
            self._count("skipped", len(gone))
        return [_Row(*values) for values in rows.values_list(*fields) if values[0] not in gone]

    def record(
        self, outcomes: list[tuple[str, _Row, Any]], group: list[_Row], unsent: Sequence[_Row] = ()
    ) -> list[_Row]:
        """Write a group's outcomes and mark the next group as being sent, in one commit.

        Returns the rows of `group` still ours (a worker that thought us dead may have
        taken some back). `unsent` rows, marked `sending` but never handed over, go back
        to the queue. The statements for the common case are plain SQL: the ORM's query
        building would cost more than the commit itself.
        """
        table = Delivery._meta.db_table
        sent = [row for kind, row, esp_id in outcomes if kind == "sent" and not esp_id]
        with transaction.atomic(), connection.cursor() as cursor:
            if sent:
                cursor.execute(
                    f"UPDATE {table} SET state = %s, sent_at = %s, attempts = attempts + 1, esp_message_id = '', "  # noqa: S608
                    f"error = '' WHERE id IN ({', '.join(['%s'] * len(sent))}) AND state = %s AND worker_id = %s",
                    [
                        Delivery.State.SENT,
                        connection.ops.adapt_datetimefield_value(timezone.now()),
                        *(row.pk for row in sent),
                        Delivery.State.SENDING,
                        self.worker_id,
                    ],
                )
                self._count("sent", len(sent))
            for kind, row, detail in outcomes:
                if kind == "sent" and detail:  # a provider's message id, one row each
                    cursor.execute(
                        f"UPDATE {table} SET state = %s, sent_at = %s, attempts = attempts + 1, "  # noqa: S608
                        "esp_message_id = %s, error = '' WHERE id = %s AND state = %s AND worker_id = %s",
                        [
                            Delivery.State.SENT,
                            connection.ops.adapt_datetimefield_value(timezone.now()),
                            detail,
                            row.pk,
                            Delivery.State.SENDING,
                            self.worker_id,
                        ],
                    )
                    self._count("sent")
                elif kind != "sent":
                    self._write_outcome(kind, row, detail)
            if unsent:
                Delivery.objects.filter(
                    pk__in=[row.pk for row in unsent], state=Delivery.State.SENDING, worker_id=self.worker_id
                ).update(state=Delivery.State.QUEUED, worker=None)
            if time.monotonic() - self.last_heartbeat > HEARTBEAT_SECONDS:
                self.last_heartbeat = time.monotonic()
                SendWorker.objects.filter(pk=self.worker_id).update(heartbeat_at=timezone.now())
            if not group:
                return []
            cursor.execute(
                f"UPDATE {table} SET state = %s WHERE id IN ({', '.join(['%s'] * len(group))}) "  # noqa: S608
                "AND state = %s AND worker_id = %s",
                [Delivery.State.SENDING, *(row.pk for row in group), Delivery.State.CLAIMED, self.worker_id],
            )
            if cursor.rowcount == len(group):
                return group
            ours = set(
                Delivery.objects.filter(
                    pk__in=[row.pk for row in group], state=Delivery.State.SENDING, worker_id=self.worker_id
                ).values_list("pk", flat=True)
            )
        return [row for row in group if row.pk in ours]  # the rest were recovered by a worker that thought us dead

    def _write_outcome(self, kind: str, row: _Row, detail: Any) -> None:
        mine = Delivery.objects.filter(pk=row.pk, state=Delivery.State.SENDING, worker_id=self.worker_id)
        attempts = row.attempts + 1
        if kind == "failed" or attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
            mine.update(state=Delivery.State.FAILED, attempts=attempts, error=str(detail)[:300], worker=None)
            if isinstance(detail, SendFailure) and detail.suppress:
                Suppression.objects.get_or_create(
                    email=row.email, defaults={"reason": Suppression.Reason.REJECTED, "detail": str(detail)[:300]}
                )
            self._count("failed")
        else:
            delay = settings.NEWSLETTER_RETRY_SECONDS * 2 ** (attempts - 1)
            extra = {"possible_duplicate": True} if isinstance(detail, UnknownOutcome) else {}
            mine.update(
                state=Delivery.State.QUEUED,
                worker=None,
                attempts=attempts,
                error=str(detail)[:300],
                next_attempt_at=timezone.now() + timedelta(seconds=delay),
                **extra,
            )
            self._count("retried")

    def release(self, rows: list[_Row]) -> None:
        if rows:
            Delivery.objects.filter(
                pk__in=[r.pk for r in rows], state=Delivery.State.CLAIMED, worker_id=self.worker_id
            ).update(state=Delivery.State.QUEUED, worker=None)

    def _count(self, name: str, n: int = 1) -> None:
        with self.lock:
            self.counts[name] += n
        if name in ("sent", "failed") and self.progress:
            self.progress(n)

    # -- the loop -------------------------------------------------------

    def outgoing(self, row: _Row, transport: Transport) -> Outgoing:
        manage_url = f"{self.manage_prefix}{row.manage_token}/"
        unsubscribe_url = f"{self.unsub_prefix}{row.unsubscribe_token}/"
        mid = message_id(delivery_id=row.pk, issue_uuid=self.issue_uuid)
        addressee = Addressee(row.email, row.name, mid, unsubscribe_url, row.unsubscribe_token)
        message = Outgoing(
            from_email=self.prepared.from_email,
            to_email=row.email,
            to_name=row.name,
            subject=self.prepared.subject,
            reply_to=self.prepared.reply_to,
            headers=self.builder.headers(addressee),
            html="",
            text="",
        )
        if transport.needs_raw:  # MIME from the bodies encoded once per issue: no per-recipient HTML string
            text, html = self.encoded[row.pro]
            values = {
                "greeting": f"Hello {row.name}," if row.name else "Hello,",
                "email": row.email,
                "manage_url": manage_url,
                "unsubscribe_url": unsubscribe_url,
            }
            message.raw = self.builder.build_encoded(
                addressee,
                text=text.fill(values),
                html=html.fill({name: html_escape(value) for name, value in values.items()}),
            )
        else:
            message.html, message.text = self.prepared.personalise(
                pro=row.pro, name=row.name, email=row.email, manage_url=manage_url, unsubscribe_url=unsubscribe_url
            )
        return message

    def loop(self) -> None:
        transport = self.transport_factory()
        try:
            if isinstance(transport, EspBatchTransport):
                self.loop_batches(transport)
            while not self.stopping.is_set():
                batch = self.claim()
                if not batch:
                    break
                self.send_groups(batch, transport)
        except BaseException as error:
            self.errors.append(error)
            self.stopping.set()
            raise
        finally:
            transport.close()

    def send_groups(self, batch: list[_Row], transport: Transport) -> None:
        """Send a claimed batch group by group, each group's bookkeeping in one commit."""
        outcomes: list[tuple[str, _Row, Any]] = []
        size = self.in_flight
        for start in range(0, len(batch), size):
            if self.stopping.is_set():
                self.record(outcomes, [])
                self.release(batch[start:])
                return
            group = self.record(outcomes, batch[start : start + size])
            outcomes = []
            for position, row in enumerate(group):
                if self.stopping.is_set():  # paused: what is not handed over yet goes back
                    self.record(outcomes, [], unsent=group[position:])
                    self.release(batch[start + size :])
                    return
                self.rate.wait()
                try:
                    outcomes.append(self.send_one(row, transport))
                except BaseException:
                    # An unexpected error: keep what is known; the message in hand has an unknown outcome.
                    self.abandon(outcomes, row, group[position + 1 :])
                    self.release(batch[start + size :])
                    raise
        self.record(outcomes, [])

    def abandon(self, outcomes: list[tuple[str, _Row, Any]], in_hand: _Row, unsent: list[_Row]) -> None:
        try:
            self.record(outcomes, [], unsent=unsent)
            Delivery.objects.filter(pk=in_hand.pk, state=Delivery.State.SENDING, worker_id=self.worker_id).update(
                state=Delivery.State.QUEUED, worker=None, possible_duplicate=True
            )
        except Exception:
            logger.exception("issue %s: could not write back the rows in flight", self.issue_id)

    # -- batches through an ESP ----------------------------------------

    def loop_batches(self, transport: EspBatchTransport) -> None:
        while not self.stopping.is_set():
            rows = self.claim(transport.batch_size)
            if not rows:
                return
            for pro in (False, True):  # one body per variant
                group = [row for row in rows if row.pro == pro]
                if group and self.stopping.is_set():
                    self.release(group)
                elif group:
                    self.send_batch(self.mark_sending(group), transport)

    def mark_sending(self, rows: list[_Row]) -> list[_Row]:
        """Commit `sending` for a whole API call's rows; keep those still ours."""
        mine = Delivery.objects.filter(
            pk__in=[row.pk for row in rows], state=Delivery.State.CLAIMED, worker_id=self.worker_id
        )
        with transaction.atomic():
            if mine.update(state=Delivery.State.SENDING) == len(rows):
                return rows
            ours = set(
                Delivery.objects.filter(
                    pk__in=[row.pk for row in rows], state=Delivery.State.SENDING, worker_id=self.worker_id
                ).values_list("pk", flat=True)
            )
        return [row for row in rows if row.pk in ours]  # the rest were recovered by a worker that thought us dead

    def batch(self, rows: list[_Row], transport: EspBatchTransport) -> Batch:
        field = transport.field
        pro = rows[0].pro
        values = {
            row.email: {
                "greeting": f"Hello {row.name}," if row.name else "Hello,",
                "email": row.email,
                "manage_url": f"{self.manage_prefix}{row.manage_token}/",
                "unsubscribe_url": f"{self.unsub_prefix}{row.unsubscribe_token}/",
            }
            for row in rows
        }
        # The HTML body needs a field of its own only where escaping changes someone's value
        # (a name with `&` or `<`); links and plain names fill both bodies from one field.
        escaped = {name for name in PERSONAL_FIELDS if any(html_escape(v[name]) != v[name] for v in values.values())}
        html = self.prepared.html[pro].fill(
            {name: field(f"{name}_html" if name in escaped else name) for name in PERSONAL_FIELDS}
        )
        text = self.prepared.text[pro].fill({name: field(name) for name in PERSONAL_FIELDS})
        merge_data, merge_headers, merge_metadata = {}, {}, {}
        list_id, mailto = self.builder.list_id, self.builder.unsubscribe_mailto
        for row in rows:
            mine = values[row.email]
            for name in escaped:
                mine[f"{name}_html"] = html_escape(mine[name])
            merge_data[row.email] = mine
            merge_headers[row.email] = {
                "Message-ID": message_id(delivery_id=row.pk, issue_uuid=self.issue_uuid),
                "List-Unsubscribe": list_unsubscribe(mine["unsubscribe_url"], mailto, row.unsubscribe_token),
            }
            merge_metadata[row.email] = {"delivery": str(row.pk)}
        shared = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "List-Id": list_id}
        return Batch(
            from_email=self.prepared.from_email,
            subject=self.prepared.subject,
            reply_to=self.prepared.reply_to,
            html=html,
            text=text,
            headers=shared,
            recipients=[(row.email, row.name) for row in rows],
            merge_data=merge_data,
            merge_headers=merge_headers,
            merge_metadata=merge_metadata,
        )

    def send_batch(self, rows: list[_Row], transport: EspBatchTransport) -> None:
        if not rows:
            return
        self.rate.wait()
        try:
            statuses = transport.send_batch(self.batch(rows, transport))
        except SendFailure as error:
            kind = "failed" if isinstance(error, PermanentFailure) else "retry"
            with transaction.atomic():
                for row in rows:
                    self._write_outcome(kind, row, error)
            return
        refused = {"rejected", "invalid", "failed"}
        accepted = [row for row in rows if statuses.get(row.email, ("queued", ""))[0] not in refused]
        table = Delivery._meta.db_table
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET state = %s, sent_at = %s, attempts = %s, esp_message_id = %s, error = '' "  # noqa: S608
                "WHERE id = %s AND state = %s AND worker_id = %s",
                [
                    (
                        Delivery.State.SENT,
                        now,
                        row.attempts + 1,
                        statuses.get(row.email, ("", ""))[1],
                        row.pk,
                        Delivery.State.SENDING,
                        self.worker_id,
                    )
                    for row in accepted
                ],
            )
            for row in rows:
                status = statuses.get(row.email, ("queued", ""))[0]
                if status in refused:
                    self._write_outcome("failed", row, PermanentFailure(f"the ESP {status} it", suppress=True))
            SendWorker.objects.filter(pk=self.worker_id).update(heartbeat_at=timezone.now())
        self._count("sent", len(accepted))

    def send_one(self, row: _Row, transport: Transport) -> tuple[str, _Row, Any]:
        try:
            return ("sent", row, transport.send(self.outgoing(row, transport)))
        except PermanentFailure as error:
            return ("failed", row, error)
        except TemporaryFailure as error:
            return ("retry", row, error)

    def run_threads(self, threads: int) -> None:
        if threads <= 1:
            self.loop()
            return

        def target() -> None:
            try:
                self.loop()
            except BaseException:
                logger.exception("newsletter send thread failed")
            finally:
                connection.close()

        pool = [threading.Thread(target=target, name=f"send-{self.issue_id}-{n}") for n in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        if self.errors:
            raise self.errors[0]


def issue_run(
    *,
    issue_id: int,
    threads: int | None = None,
    progress: Callable[[int], None] | None = None,
    transport_factory: Callable[[], Transport] | None = None,
    wait_for_retries: float = 60,
) -> SendReport:
    """Send what is left of an issue in this process; safe to run anywhere, any number of times."""
    report = SendReport(issue_id=issue_id)
    report.recovery = issue_recover(issue_id=issue_id)
    issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
    if issue.status != Issue.Status.SENDING:
        report.status = issue.status
        return report
    prepared = prepare_issue(issue)
    worker = SendWorker.objects.create(issue=issue, hostname=HOSTNAME, pid=os.getpid())
    _running_workers.add(worker.pk)
    run = _Run(
        issue=issue,
        worker=worker,
        prepared=prepared,
        transport_factory=transport_factory or transport_for_settings,
        progress=progress,
    )
    try:
        while True:
            run.run_threads(threads or settings.NEWSLETTER_SEND_THREADS)
            if run.stopping.is_set():
                break
            wait = _seconds_to_next_retry(issue_id)
            if wait is None or wait > wait_for_retries:
                break
            time.sleep(max(0.0, wait))
    finally:
        _running_workers.discard(worker.pk)
        SendWorker.objects.filter(pk=worker.pk).update(stopped_at=timezone.now())
    report.sent, report.failed = run.counts["sent"], run.counts["failed"]
    report.retried, report.skipped = run.counts["retried"], run.counts["skipped"]
    report.status = issue_finish_if_done(issue_id=issue_id)
    return report


def _seconds_to_next_retry(issue_id: int) -> float | None:
    nxt = Delivery.objects.filter(issue_id=issue_id, state=Delivery.State.QUEUED).aggregate(Min("next_attempt_at"))
    when = nxt["next_attempt_at__min"]
    if when is None:
        queued = Delivery.objects.filter(issue_id=issue_id, state=Delivery.State.QUEUED).exists()
        return 0.0 if queued else None
    return (when - timezone.now()).total_seconds()


def issue_finish_if_done(*, issue_id: int) -> str:
    if not Delivery.objects.filter(issue_id=issue_id, state__in=OPEN_STATES).exists():
        finished = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, finished_at=timezone.now()
        )
        if finished:
            issue_sent.send(sender=Issue, issue_id=issue_id)
    return Issue.objects.filter(pk=issue_id).values_list("status", flat=True).get()


def issue_needs_worker(*, issue_id: int) -> bool:
    """True when an issue is sending, has work due and no live worker is on it."""
    issue_recover(issue_id=issue_id)
    live = SendWorker.objects.filter(issue_id=issue_id, stopped_at__isnull=True).exists()
    wait = _seconds_to_next_retry(issue_id)
    return not live and wait is not None and wait <= 0
