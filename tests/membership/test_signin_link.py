import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from freezegun import freeze_time

from membership.models import SignInToken
from membership.services import token_hash

pytestmark = pytest.mark.django_db


def _ask(client, email, **extra):
    return client.post("/accounts/link/", {"email": email}, **extra)


def _link_in_last_email() -> str:
    found = re.search(r"/accounts/link/[\w-]+/", str(mail.outbox[-1].body))
    assert found
    return found.group(0)


def test_a_known_and_an_unknown_address_get_the_same_answer(dora):
    known = _ask(Client(), dora.email)
    unknown = _ask(Client(), "nobody@example.com")
    assert known.status_code == unknown.status_code == 200
    strip = lambda r, e: r.content.decode().replace(e, "EMAIL").split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert strip(known, dora.email) == strip(unknown, "nobody@example.com")
    assert len(mail.outbox) == 2


def test_the_token_has_256_bits_and_only_its_hash_is_stored(dora):
    _ask(Client(), dora.email)
    raw = _link_in_last_email().split("/")[-2]
    assert len(raw) >= 43  # 32 random bytes, base64url
    stored = SignInToken.objects.get()
    assert stored.token_hash == token_hash(raw)
    assert raw not in str(list(SignInToken.objects.values()))


def test_opening_the_link_does_not_sign_in_only_the_button_does(dora):
    client = Client()
    _ask(client, dora.email)
    link = _link_in_last_email()
    page = client.get(link)
    assert page.status_code == 200 and b"Sign in as" in page.content
    assert "_auth_user_id" not in client.session
    assert client.get(link).status_code == 200  # a mail scanner's visit does not burn it
    before = client.session.session_key
    response = client.post(link)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(dora.pk)
    assert client.session.session_key != before


def test_a_link_works_once(dora):
    client = Client()
    _ask(client, dora.email)
    link = _link_in_last_email()
    client.post(link)
    again = Client().post(link)
    assert again.status_code == 410
    assert b"already been used" in again.content


def test_a_link_expires_after_ten_minutes(dora):
    client = Client()
    _ask(client, dora.email)
    link = _link_in_last_email()
    with freeze_time(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=11)):
        response = Client().post(link)
    assert response.status_code == 410
    assert b"expired" in response.content


def test_a_forged_link_is_refused_without_an_error():
    assert Client().post("/accounts/link/not-a-real-token/").status_code == 410


def test_an_unknown_address_gets_a_new_verified_account_on_confirm():
    client = Client()
    _ask(client, "new.reader@example.com")
    client.post(_link_in_last_email())
    user = get_user_model().objects.get(email="new.reader@example.com")
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/account/").status_code == 200


def test_requests_are_limited_per_address(dora):
    client = Client()
    answers = [_ask(client, dora.email).status_code for _ in range(6)]
    assert answers[:5] == [200] * 5
    assert answers[5] == 429


def test_requests_are_limited_per_ip_and_a_forged_forwarded_for_does_not_reset_it(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "request_login_link": "3/h/ip,5/h/key"}
    answers = [
        _ask(Client(), f"reader{n}@example.com", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(5)
    ]
    assert answers == [200, 200, 200, 429, 429]


def test_known_and_unknown_addresses_do_the_same_work(dora):
    """What a timing probe could tell apart: both store one token and send one email of one shape."""

    def work(email: str) -> tuple[int, str]:
        tokens_before = SignInToken.objects.count()
        sent_before = len(mail.outbox)
        _ask(Client(), email)
        assert len(mail.outbox) == sent_before + 1
        body = str(mail.outbox[-1].body).replace(email, "EMAIL")
        return SignInToken.objects.count() - tokens_before, re.sub(r"/accounts/link/[\w-]+/", "LINK", body)

    assert work(dora.email) == work("nobody@example.com") == (1, work("someone.else@example.com")[1])


def test_a_bad_address_gets_a_clear_message():
    response = _ask(Client(), "not an address")
    assert response.status_code == 400
    assert b"valid email" in response.content
