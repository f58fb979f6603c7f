"""Every email a reader gets about their account or subscription wears the house layout and masthead."""

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from newsletters.services import subscriber_signup
from tests.membership.cast import verified_user

pytestmark = pytest.mark.django_db

CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6,8})\s*$", re.MULTILINE)


def assert_house_style(message: Any) -> tuple[str, str]:
    text = str(message.body)
    [(content, mimetype)] = message.alternatives
    html = str(content)
    assert mimetype == "text/html"
    assert text.startswith("Newsdesk · "), text  # the masthead line
    assert '<td class="masthead"' in html and ">Newsdesk</a>" in html
    assert "{{" not in text + html and "{%" not in text + html
    return text, html


def test_the_verification_code_email_uses_the_house_layout(client):
    client.post("/accounts/signup/", {"email": "fresh@example.com"})
    message = mail.outbox[-1]
    text, html = assert_house_style(message)
    assert message.subject == "Your verification code"
    code = CODE.search(text)
    assert code and code.group(1) in html


def test_the_sign_in_code_email_uses_the_house_layout(client):
    verified_user("dana")
    client.post("/accounts/login/code/", {"email": "dana@example.com"})
    message = mail.outbox[-1]
    text, _html = assert_house_style(message)
    assert message.subject == "Your sign-in code" and CODE.search(text)


def test_the_password_reset_email_uses_the_house_layout(client):
    verified_user("dana")
    client.post("/accounts/password/reset/", {"email": "dana@example.com"})
    message = mail.outbox[-1]
    text, html = assert_house_style(message)
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", text)
    assert message.subject == "Choose a new password" and link and link.group(0) in html


def test_the_sign_in_link_email_uses_the_house_layout(client):
    verified_user("dana")
    Client().post("/accounts/link/", {"email": "dana@example.com"})
    text, _html = assert_house_style(mail.outbox[-1])
    assert re.search(r"/accounts/link/[\w-]+/", text)


def test_the_newsletter_welcome_uses_the_house_layout(security, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber_signup(email="new.reader@example.org", newsletters=[security], source="article signup")
    text, html = assert_house_style(mail.outbox[-1])
    assert "Security Briefing" in text and "Confirm my subscription" in html


@pytest.mark.parametrize(
    ("prefix", "context"),
    [
        ("email_confirmation", {"activate_url": "https://news.example.com/accounts/confirm-email/k3y/"}),
        ("email_confirmation_signup", {"activate_url": "https://news.example.com/accounts/confirm-email/k3y/"}),
        ("email_confirmation", {"code": "AB12CD"}),
        ("login_code", {"code": "AB12CD"}),
        ("password_reset_key", {"password_reset_url": "https://news.example.com/accounts/password/reset/key/x-y/"}),
        ("unknown_account", {"signup_url": "https://news.example.com/accounts/signup/"}),
        ("account_already_exists", {"password_reset_url": "https://news.example.com/accounts/password/reset/"}),
    ],
)
def test_every_allauth_email_template_wears_the_masthead(prefix, context):
    """The link forms too (a second address is confirmed by link), not only the emails the flows above send."""
    from allauth.account.adapter import get_adapter

    message = get_adapter().render_mail(
        f"account/email/{prefix}", "reader@example.org", {"email": "reader@example.org", **context}
    )
    text, html = assert_house_style(message)
    for value in context.values():
        assert value in text and value in html
