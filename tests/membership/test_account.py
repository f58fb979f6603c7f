import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from membership.models import Membership, SubscriptionStatus

pytestmark = pytest.mark.django_db


def _password_login(user) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": "correct horse battery staple"})
    assert response.status_code == 302, response.content
    return client


def test_the_account_page_has_every_section(dora):
    page = _password_login(dora).get("/account/").content.decode()
    for part in (
        "Profile",
        "/newsletters/account/",
        "Membership and billing",
        "Team",
        "Download my data",
        "Delete my account",
        "Sign out everywhere",
    ):
        assert part in page


def test_the_account_page_needs_sign_in(db):
    assert Client().get("/account/")["Location"].startswith("/accounts/login/")


def test_download_my_data_is_json_about_me_only(dora, alice):
    data = json.loads(_password_login(dora).get("/account/export/").content)
    assert data["account"]["email"] == dora.email
    assert "alice" not in json.dumps(data)


def test_sign_out_everywhere_ends_every_session_server_side(dora):
    laptop, phone = _password_login(dora), _password_login(dora)
    assert Session.objects.count() == 2
    laptop.post("/account/sign-out-everywhere/")
    assert Session.objects.count() == 0
    assert phone.get("/account/").status_code == 302


def test_sign_out_ends_the_session_server_side(dora):
    client = _password_login(dora)
    client.post("/accounts/logout/")
    assert Session.objects.count() == 0


def test_delete_my_account_asks_for_confirmation(dora):
    client = _password_login(dora)
    wrong = client.post("/account/delete/", {"confirm": "someone@else.com"})
    assert wrong.status_code == 400
    assert get_user_model().objects.filter(pk=dora.pk).exists()
    client.post("/account/delete/", {"confirm": dora.email})
    assert not get_user_model().objects.filter(pk=dora.pk).exists()
    assert not EmailAddress.objects.filter(email=dora.email).exists()


def test_a_paying_member_cancels_before_deleting(dora):
    Membership.objects.create(user=dora, status=SubscriptionStatus.ACTIVE, stripe_subscription_id="sub_1")
    response = _password_login(dora).post("/account/delete/", {"confirm": dora.email})
    assert response.status_code == 409
    assert get_user_model().objects.filter(pk=dora.pk).exists()


def test_signing_up_asks_to_verify_the_address(site):
    from django.core import mail

    response = Client().post("/accounts/signup/", {"email": "fresh@example.com"})
    assert response.status_code == 302
    assert mail.outbox and "fresh@example.com" in mail.outbox[-1].to
    assert not EmailAddress.objects.get(email="fresh@example.com").verified


def test_every_page_offers_sign_in_to_anonymous_visitors(site):
    for url in ("/", "/pro/", "/search/", "/no-such-page/"):
        assert b">Sign in</a>" in Client().get(url).content


def test_the_account_page_leads_to_the_members_newsletter_settings(db):
    from django.test import Client

    from tests.membership.cast import verified_user

    client = Client()
    client.force_login(verified_user("nadia"))
    html = client.get("/account/").content.decode()
    assert 'href="/newsletters/account/"' in html
    assert client.get("/newsletters/account/").status_code == 200
