"""Outbound webhooks: signed deliveries of article, newsletter, membership and alert events."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from werkzeug import Request, Response

from membership.services import complimentary_grant, seat_remove
from newsletters.models import Issue, Newsletter
from newsletters.sending import issue_finish_if_done
from tests.factories import ArticleFactory
from tests.membership.cast import live_team, verified_user
from webhooks.models import Delivery, Endpoint, Event
from webhooks.services import webhook_delivery_attempt
from webhooks.signing import BadSignature, verify

pytestmark = pytest.mark.django_db


class Receiver:
    """A webhook receiver: keeps every request and checks its signature like a real one would."""

    def __init__(self, secret: str, status: int = 204) -> None:
        self.secret, self.status = secret, status
        self.received: list[dict[str, Any]] = []

    def __call__(self, request: Request) -> Response:
        body = request.get_data(as_text=True)
        try:
            verify(secret=self.secret, headers=dict(request.headers), body=body)
            verified = True
        except BadSignature:
            verified = False
        self.received.append({"headers": dict(request.headers), "body": json.loads(body), "verified": verified})
        return Response(status=self.status)


@pytest.fixture
def endpoint(httpserver) -> Endpoint:
    return Endpoint.objects.create(name="Receiver", url=httpserver.url_for("/hook"), events=list(Event.values))


@pytest.fixture
def receiver(httpserver, endpoint) -> Receiver:
    receiver = Receiver(endpoint.secret)
    httpserver.expect_request("/hook", method="POST").respond_with_handler(receiver)
    return receiver


def test_publishing_an_article_sends_a_signed_delivery_the_receiver_verifies(
    site, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(parent=site.security, title="Minsk signs on")
    assert len(receiver.received) == 1
    got = receiver.received[0]
    assert got["verified"] is True
    assert got["body"]["type"] == "article.published"
    assert got["body"]["data"]["id"] == article.pk
    assert got["headers"]["Webhook-Signature"].startswith("v1,")
    assert got["headers"]["Webhook-Id"].startswith("msg_")
    assert Delivery.objects.get().state == Delivery.State.SUCCEEDED


def test_a_tampered_body_fails_verification(endpoint):
    from webhooks.signing import headers

    signed = headers(secret=endpoint.secret, message_id="msg_1", timestamp=int(timezone.now().timestamp()), body="{}")
    verify(secret=endpoint.secret, headers=signed, body="{}")
    with pytest.raises(BadSignature):
        verify(secret=endpoint.secret, headers=signed, body='{"x": 1}')
    with pytest.raises(BadSignature):
        verify(secret=endpoint.secret, headers=signed, body="{}", now=timezone.now().timestamp() + 3600)


def test_republishing_sends_updated_and_unpublishing_sends_unpublished(
    site, receiver, django_capture_on_commit_callbacks
):
    article = ArticleFactory(parent=site.security)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
        article.unpublish()
    assert [r["body"]["type"] for r in receiver.received][-2:] == ["article.updated", "article.unpublished"]


def test_a_failing_receiver_is_retried_with_back_off_then_given_up(site, httpserver, endpoint):
    httpserver.expect_request("/hook", method="POST").respond_with_data("down", status=503)
    article = ArticleFactory(parent=site.security)  # on-commit not run: the delivery waits
    delivery = Delivery.objects.get(event="article.published", body__contains=f'"id": {article.pk}')
    assert webhook_delivery_attempt(delivery_id=delivery.pk) == Delivery.State.PENDING
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and delivery.last_status == 503
    assert delivery.next_attempt_at > timezone.now()
    # Not due yet: a second worker sends nothing.
    assert webhook_delivery_attempt(delivery_id=delivery.pk) == "skipped"
    for _ in range(10):
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
        if webhook_delivery_attempt(delivery_id=delivery.pk) == Delivery.State.FAILED:
            break
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.FAILED and delivery.attempts == 8


def test_the_admin_log_replays_a_delivery(site, receiver, admin_user, django_capture_on_commit_callbacks):
    ArticleFactory(parent=site.security)
    original = Delivery.objects.get()
    client = Client()
    client.force_login(admin_user)
    assert "article.published" in client.get("/django-admin/webhooks/delivery/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/django-admin/webhooks/delivery/", {"action": "replay", "_selected_action": [original.pk]}
        )
    assert response.status_code == 302
    replay = Delivery.objects.get(replay_of=original)
    assert replay.state == Delivery.State.SUCCEEDED and replay.body == original.body
    assert receiver.received[-1]["headers"]["Webhook-Id"] == replay.message_id


def test_an_endpoint_is_registered_in_the_admin(admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        "/django-admin/webhooks/endpoint/add/",
        {"name": "CRM", "url": "https://hooks.example.com/in", "events": ["article.published"], "secret": "whsec_AAAA",
         "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Endpoint.objects.get(name="CRM").events == ["article.published"]


def test_only_subscribed_endpoints_get_an_event(site, httpserver):
    Endpoint.objects.create(name="Members only", url=httpserver.url_for("/m"), events=["member.joined_pro"])
    ArticleFactory(parent=site.security)
    assert not Delivery.objects.exists()


def test_joining_and_leaving_pro_are_each_sent_once(endpoint):
    member = verified_user("newpro")
    complimentary_grant(user=member, days=30)
    complimentary_grant(user=member, days=30)  # still PRO: nothing new
    admin = verified_user("teamlead")
    team = live_team(admin)
    from membership.services import seat_add

    seated = verified_user("seated")
    seat = seat_add(team=team, user=seated, how="admin")
    seat_remove(team=team, seat=seat)
    events = [(d.event, json.loads(d.body)["data"]["user_id"]) for d in Delivery.objects.order_by("pk")]
    assert events == [
        ("member.joined_pro", member.pk),
        ("member.joined_pro", seated.pk),
        ("member.left_pro", seated.pk),
    ]


def test_a_sent_newsletter_issue_is_announced(endpoint):
    newsletter = Newsletter.objects.create(name="Hook Briefing", slug="hook", description="Test.")
    issue = Issue.objects.create(newsletter=newsletter, number=1, subject="First", status=Issue.Status.SENDING)
    issue_finish_if_done(issue_id=issue.pk)
    issue_finish_if_done(issue_id=issue.pk)
    deliveries = Delivery.objects.filter(event="newsletter.issue_sent")
    assert deliveries.count() == 1
    assert json.loads(deliveries.get().body)["data"]["subject"] == "First"


def test_a_pro_grant_that_simply_runs_out_is_announced_once_by_the_scheduler(endpoint):
    from django.core.management import call_command

    from membership.models import Membership

    member = verified_user("lapsing")
    complimentary_grant(user=member, days=30)
    call_command("webhooks_retry", verbosity=0)  # still PRO: nothing to say
    assert [d.event for d in Delivery.objects.all()] == ["member.joined_pro"]
    Membership.objects.filter(user=member).update(complimentary_until=timezone.now() - dt.timedelta(minutes=1))
    call_command("run_scheduler", "--once")  # housekeeping notices the expiry
    call_command("webhooks_retry", verbosity=0)  # and only once
    left = Delivery.objects.filter(event="member.left_pro")
    assert [json.loads(d.body)["data"]["user_id"] for d in left] == [member.pk]
    complimentary_grant(user=member, days=30)  # back again: joined once more
    assert Delivery.objects.filter(event="member.joined_pro").count() == 2
