import pytest

from newsletters.models import Consent, Subscription
from tests.newsletters.conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(security):
    make_subscribers(security, 1)
    return Subscription.objects.get()


def test_a_get_never_unsubscribes(client, subscription):
    response = client.get(f"/newsletters/unsubscribe/{subscription.token}/")
    assert response.status_code == 200 and "Unsubscribe from the Security Briefing?" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "active"


def test_a_cookieless_one_click_post_unsubscribes_at_once(subscription):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/newsletters/unsubscribe/{subscription.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed" and subscription.unsubscribed_at is not None
    assert Consent.objects.get(action="unsubscribed").source == "one-click header"


def test_a_double_click_on_unsubscribe_is_harmless(client, subscription):
    path = f"/newsletters/unsubscribe/{subscription.token}/"
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200
    assert Consent.objects.filter(action="unsubscribed").count() == 1
    assert "You have left" in client.get(path).content.decode()


def test_a_tampered_or_unknown_token_is_a_404_with_a_clear_message(client, subscription):
    response = client.post(f"/newsletters/unsubscribe/{subscription.token[:-2]}xx/")
    assert response.status_code == 404 and "not valid" in response.content.decode()
    assert client.post("/newsletters/unsubscribe/" + "x" * 500 + "/").status_code == 404
    subscription.refresh_from_db()
    assert subscription.status == "active"
