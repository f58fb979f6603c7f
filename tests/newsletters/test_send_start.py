"""Starting a send writes the whole ledger in bulk queries: none per subscriber."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletters.models import Delivery
from newsletters.services import issue_draft, issue_send_start
from tests.newsletters.conftest import make_subscribers, recently

pytestmark = pytest.mark.django_db


def _start(newsletter, count: int, prefix: str) -> tuple[int, int, set[str]]:
    make_subscribers(newsletter, count, prefix=prefix)
    for n in range(0, count, 3):  # every third subscriber holds PRO (staff count as PRO)
        user = get_user_model().objects.create(username=f"{prefix}-pro{n}", is_staff=True)
        EmailAddress.objects.create(user=user, email=f"{prefix}{n}@example.org", verified=True, primary=True)
    issue = issue_draft(newsletter=newsletter, since=recently() - dt.timedelta(hours=1))
    with CaptureQueriesContext(connection) as queries:
        recipients = issue_send_start(issue=issue, enqueue=False)
    pro = set(Delivery.objects.filter(issue=issue, pro=True).values_list("email", flat=True))
    Delivery.objects.filter(issue=issue).delete()
    return recipients, len(queries), pro


def test_starting_a_send_takes_the_same_queries_for_any_number_of_subscribers(security, security_story):
    small, small_queries, small_pro = _start(security, 6, "small")
    security.subscriptions.all().delete()
    large, large_queries, large_pro = _start(security, 30, "large")
    assert (small, large) == (6, 30)
    assert small_pro == {f"small{n}@example.org" for n in (0, 3)}
    assert len(large_pro) == 10
    assert large_queries == small_queries
