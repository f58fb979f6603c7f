import base64
import json

import pytest

from newsletters.models import Delivery, Subscription, Suppression
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db

URL = "/anymail/postmark/tracking/"


@pytest.fixture
def secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    return "Basic " + base64.b64encode(b"hook:s3cret").decode()


def postmark(client, payload, auth):
    return client.post(URL, json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=auth)


def test_a_hard_bounce_suppresses_the_address(client, secret, security):
    make_subscribers(security, 1)
    payload = {"RecordType": "Bounce", "Type": "HardBounce", "Email": "reader0@example.org", "MessageID": "abc"}
    assert postmark(client, payload, secret).status_code == 200
    assert Suppression.objects.get(email="reader0@example.org").reason == "bounced"


def test_a_spam_complaint_suppresses_and_is_counted_on_the_delivery(client, secret, security, security_story):
    from newsletters.services import issue_draft, issue_send_start

    make_subscribers(security, 1)
    issue = issue_draft(newsletter=security)
    issue_send_start(issue=issue, enqueue=False)
    Delivery.objects.update(state="sent", esp_message_id="pm-1")
    payload = {"RecordType": "SpamComplaint", "Email": "reader0@example.org", "MessageID": "pm-1"}
    assert postmark(client, payload, secret).status_code == 200
    assert Suppression.objects.get(email="reader0@example.org").reason == "complained"
    assert Delivery.objects.get().complained_at is not None


def test_a_request_without_the_secret_is_refused_and_changes_nothing(client, secret, security):
    make_subscribers(security, 1)
    payload = {"RecordType": "SpamComplaint", "Email": "reader0@example.org", "MessageID": "x"}
    wrong = "Basic " + base64.b64encode(b"hook:guess").decode()
    assert postmark(client, payload, wrong).status_code == 400
    assert not Suppression.objects.exists()


def test_webhooks_are_off_until_a_secret_is_configured(client, settings, security):
    settings.ANYMAIL = {}
    payload = {"RecordType": "SpamComplaint", "Email": "reader0@example.org", "MessageID": "x"}
    assert postmark(client, payload, "").status_code == 404


def test_an_unsubscribe_reported_by_the_provider_unsubscribes(client, secret, security):
    make_subscribers(security, 1)
    payload = {
        "RecordType": "SubscriptionChange",
        "Recipient": "reader0@example.org",
        "SuppressSending": True,
        "SuppressionReason": "ManualSuppression",
        "MessageID": "x",
    }
    assert postmark(client, payload, secret).status_code == 200
    assert Subscription.objects.get().status == "unsubscribed"
