"""Several workers (threads here, processes or machines in production) share one issue row by row."""

import os
import threading

import pytest
from django.db import connection

from newsletters.models import Delivery, SendWorker
from newsletters.sending import issue_run
from newsletters.services import issue_draft, issue_send_start
from tests.newsletters.conftest import make_subscribers

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL): the SQLite test database lives in one connection's memory",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_two_workers_with_several_connections_each_send_every_message_exactly_once(
    security, security_story, smtp_server, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 7
    make_subscribers(security, 120)
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)

    def worker() -> None:
        try:
            issue_run(issue_id=issue.pk, threads=3)
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    received = sorted(r for m in smtp_server.messages for r in m.rcpt_tos)
    assert received == sorted(f"reader{n}@example.org" for n in range(120))
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    assert SendWorker.objects.filter(stopped_at__isnull=True).count() == 0
