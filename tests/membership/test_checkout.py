import re

import pytest
from django.test import Client

from membership.models import CheckoutAttempt, Membership, SubscriptionStatus, TrialClaim
from membership.services import checkout_form_token
from tests.membership.cast import verified_user

pytestmark = pytest.mark.django_db


def _attempt(client) -> str:
    page = client.get("/pro/").content.decode()
    found = re.search(r'name="attempt" value="([^"]+)"', page)
    assert found
    return found.group(1)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_pro_page_sells_with_the_price_and_the_free_week(site):
    page = Client().get("/pro/").content.decode()
    card = page.split('class="pro-price"')[1].split("</div>")[0]
    assert "<strong>$25</strong>" in card and "$300 a year" in card
    assert "Start your free week" in page
    for product in ("Memos", "Trend Reports", "Live Video Q&amp;A", "Special Events", "PRO for teams", "Questions"):
        assert product in page


def test_without_stripe_keys_checkout_says_billing_is_not_configured(dora):
    client = _signed_in(dora)
    response = client.post("/pro/checkout/", {"attempt": _attempt(client)})
    assert response.status_code == 503
    assert b"Billing is not configured" in response.content


def test_checkout_starts_a_stripe_session_with_a_seven_day_trial_and_idempotency_keys(dora, stripe_fake):
    client = _signed_in(dora)
    response = client.post("/pro/checkout/", {"attempt": _attempt(client)})
    assert response.status_code == 302
    assert response["Location"].startswith(stripe_fake.url + "/checkout/cs_test_")
    paths = [path for path, _, _ in stripe_fake.posts]
    assert paths == ["/v1/customers", "/v1/checkout/sessions"]
    assert all(key for _, _, key in stripe_fake.posts)
    session = stripe_fake.posts[1][1]
    assert session["subscription_data"]["trial_period_days"] == "7"
    assert session["line_items"][0]["price_data"]["unit_amount"] == "30000"
    assert session["line_items"][0]["price_data"]["recurring"]["interval"] == "year"


def test_a_double_submitted_checkout_is_refused_with_a_clear_message(dora, stripe_fake):
    client = _signed_in(dora)
    token = _attempt(client)
    first = client.post("/pro/checkout/", {"attempt": token})
    second = client.post("/pro/checkout/", {"attempt": token})
    assert first.status_code == 302
    assert second.status_code == 409
    assert b"already started" in second.content
    assert len(stripe_fake.sessions) == 1


def test_returning_from_checkout_starts_the_trial_and_unlocks_pro(dora, stripe_fake):
    client = _signed_in(dora)
    client.post("/pro/checkout/", {"attempt": _attempt(client)})
    session = next(iter(stripe_fake.sessions.values()))
    stripe_fake.complete(session["id"])
    page = client.get(f"/pro/welcome/?session_id={session['id']}")
    assert b"Your free week has started" in page.content
    membership = Membership.objects.get(user=dora)
    assert membership.status == SubscriptionStatus.TRIALING
    assert membership.is_pro()
    assert TrialClaim.objects.filter(email=dora.email).exists()


def test_the_free_week_is_once_per_person_by_address_and_by_account(dora, stripe_fake):
    TrialClaim.objects.create(email="dora@example.com")  # her address had a trial on an old account
    twin = verified_user("dora2")
    TrialClaim.objects.create(email="since-changed@example.com", user=twin)  # this account had one
    for user in (dora, twin):
        client = _signed_in(user)
        client.post("/pro/checkout/", {"attempt": _attempt(client)})
    for _, params, _ in stripe_fake.posts:
        if "subscription_data" in params:
            assert "trial_period_days" not in params["subscription_data"]


def test_a_forged_checkout_form_gets_a_4xx(dora, stripe_fake):
    client = _signed_in(dora)
    assert client.post("/pro/checkout/", {"attempt": "nonsense"}).status_code == 400
    assert client.post("/pro/checkout/", {"attempt": "6f1c1a52-3f35-4a1b-9d43-000000000000"}).status_code == 404
    assert not CheckoutAttempt.objects.exclude(stripe_session_id="").exists()


def test_a_member_already_subscribed_cannot_buy_twice(dora, stripe_fake):
    Membership.objects.create(user=dora, status=SubscriptionStatus.ACTIVE, stripe_subscription_id="sub_x")
    client = _signed_in(dora)
    token = checkout_form_token(user=dora)  # a form kept open from before the subscription
    response = client.post("/pro/checkout/", {"attempt": token})
    assert response.status_code == 409


def test_offers_quote_the_price_staff_set_on_the_plan(client, site):
    from membership.models import Plan
    from tests.factories import ArticleFactory

    Plan.objects.filter(slug="pro-annual").update(annual_price_cents=36000)
    page = client.get("/pro/").content.decode()
    assert "$30 a month, billed once a year as $360" in page and "$25" not in page
    story = ArticleFactory(parent=site.security, access="pro")
    assert "$30 a month, billed annually, with a free first week" in client.get(story.url).content.decode()
