import datetime as dt
import re

import pytest
from freezegun import freeze_time

from newsletters.models import Consent, Subscriber, Subscription
from newsletters.services import subscriber_signup
from newsletters.tokens import confirm_token_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(security, gulf):
    return subscriber_signup(email="dana@example.org", newsletters=[security, gulf], source="test")


def confirm_path(subscriber):
    return f"/newsletters/confirm/{confirm_token_make(subscriber)}/"


def test_opening_the_link_only_shows_a_button_so_mail_scanners_confirm_nothing(client, pending):
    response = client.get(confirm_path(pending))
    assert response.status_code == 200 and "Confirm my subscription" in response.content.decode()
    assert not Subscription.objects.filter(status="active").exists()


def test_pressing_the_button_confirms_and_records_consent(client, pending):
    response = client.post(confirm_path(pending), {"newsletters": ["security", "gulf"]}, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302 and response["Location"] == f"/newsletters/welcome/{pending.token}/"
    assert set(Subscription.objects.values_list("status", flat=True)) == {"active"}
    assert Subscriber.objects.get(pk=pending.pk).confirmed_at is not None
    assert Consent.objects.filter(action="confirmed", ip="198.51.100.7").count() == 2


def test_unticking_a_briefing_on_the_confirm_page_leaves_it_unconfirmed(client, pending):
    client.post(confirm_path(pending), {"newsletters": ["gulf"]})
    assert dict(Subscription.objects.values_list("newsletter__slug", "status")) == {
        "gulf": "active",
        "security": "pending",
    }


def test_a_double_click_on_confirm_is_harmless(client, pending):
    client.post(confirm_path(pending), {"newsletters": ["security", "gulf"]})
    again = client.post(confirm_path(pending), {"newsletters": ["security", "gulf"]})
    assert again.status_code in (200, 302)
    assert Consent.objects.filter(action="confirmed").count() == 2
    assert "already confirmed" in client.get(confirm_path(pending)).content.decode()


def test_a_tampered_link_is_a_400_with_a_clear_message(client, pending):
    path = confirm_path(pending)
    tampered = re.sub(r"(.)/$", lambda m: ("A" if m.group(1) != "A" else "B") + "/", path)
    response = client.get(tampered)
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert client.get("/newsletters/confirm/garbage/").status_code == 400


def test_an_expired_link_is_a_410_that_offers_to_sign_up_again(client, pending, settings):
    path = confirm_path(pending)
    with freeze_time(dt.datetime.now() + dt.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS + 1)):
        response = client.post(path, {"newsletters": ["security"]})
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not Subscription.objects.filter(status="active").exists()
