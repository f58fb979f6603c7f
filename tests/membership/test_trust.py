"""Accounts cannot be pre-claimed, token pages work in browsers, members' pages
stay private, and the smaller account findings stay closed."""

import json
import re
import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from membership.models import CheckoutAttempt, Plan, StripeEvent, Team
from membership.services import seat_add, team_invite
from tests.membership.cast import live_team, verified_user
from tests.membership.stripe_fake import post_event

pytestmark = pytest.mark.django_db

OWNER = "owner@example.com"
STRANGERS_PASSWORD = "stranger's own secret 81"


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _link_sign_in(client: Client, email: str) -> None:
    client.post("/accounts/link/", {"email": email})
    link = re.search(r"/accounts/link/[\w-]+/", str(mail.outbox[-1].body))
    assert link
    response = client.post(link.group(0))
    assert response.status_code == 302, response.content


def _code_sign_in(client: Client, email: str) -> None:
    response = client.post("/accounts/login/code/", {"email": email})
    assert response.status_code == 302, response.content
    code = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)?)\s*$", str(mail.outbox[-1].body), re.MULTILINE)
    assert code, mail.outbox[-1].body
    response = client.post("/accounts/login/code/confirm/", {"code": code.group(1)})
    assert response.status_code == 302, response.content


def _password_sign_in(client: Client, email: str, password: str) -> None:
    client.post("/accounts/login/", {"login": email, "password": password})


def _stranger_signs_up(client: Client) -> None:
    response = client.post("/accounts/signup/", {"email": OWNER, "password1": STRANGERS_PASSWORD})
    assert response.status_code == 302, response.content


def _legacy_preclaimed_account() -> object:
    """What sign-up with a password left behind before: a stranger's password
    and name on an address nobody proved, and the stranger's session."""
    user = get_user_model().objects.create_user(
        username="preclaimed", email=OWNER, password=STRANGERS_PASSWORD, first_name="Mallory", last_name="Stranger"
    )
    EmailAddress.objects.create(user=user, email=OWNER, verified=False, primary=True)
    EmailAddress.objects.create(user=user, email="mallory@example.net", verified=False, primary=False)
    return user


# Sign-up asks for an address only ---------------------------------------------------


def test_sign_up_asks_for_an_email_address_and_no_password(site):
    page = Client().get("/accounts/signup/").content.decode()
    assert 'name="email"' in page
    assert 'type="password"' not in page


def test_a_password_sent_with_sign_up_is_not_set(site):
    _stranger_signs_up(Client())
    assert not get_user_model().objects.get(email=OWNER).has_usable_password()


def test_sign_in_with_a_password_is_still_offered(site):
    assert 'type="password"' in Client().get("/accounts/login/").content.decode()


# The owner's first verified sign-in leaves nothing of a stranger's ------------------


@pytest.mark.parametrize("door", ["link", "code"])
def test_a_strangers_sign_up_password_does_not_survive_the_owners_sign_in(site, door):
    stranger, owner = Client(), Client()
    _stranger_signs_up(stranger)
    (_link_sign_in if door == "link" else _code_sign_in)(owner, OWNER)
    assert _signed_in(owner)
    stranger = Client()  # cookies cleared, so no half-finished sign-up is resumed
    _password_sign_in(stranger, OWNER, STRANGERS_PASSWORD)
    assert not _signed_in(stranger)


@pytest.mark.parametrize("door", ["link", "code"])
def test_the_first_verified_sign_in_wipes_a_preclaimed_account(site, door):
    user = _legacy_preclaimed_account()
    stranger = Client()
    stranger.force_login(user)  # a session the stranger held somehow
    assert stranger.get("/account/").status_code == 200

    owner = Client()
    (_link_sign_in if door == "link" else _code_sign_in)(owner, OWNER)
    assert _signed_in(owner)
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert (user.first_name, user.last_name) == ("", "")
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified")) == [(OWNER, True)]
    assert stranger.get("/account/").status_code == 302  # the stranger's session is over
    assert owner.get("/account/").status_code == 200  # the owner's is not
    again = Client()
    _password_sign_in(again, OWNER, STRANGERS_PASSWORD)
    assert not _signed_in(again)


def test_a_verified_member_keeps_password_and_name_when_signing_in_by_link(dora):
    dora.first_name = "Dora"
    dora.save()
    _link_sign_in(Client(), dora.email)
    dora.refresh_from_db()
    assert dora.has_usable_password() and dora.first_name == "Dora"


def test_only_a_verified_owner_may_set_a_password(site):
    user = _legacy_preclaimed_account()
    user.set_unusable_password()
    user.save()
    client = Client()
    client.force_login(user)
    assert client.get("/accounts/password/set/").status_code == 403
    assert "/accounts/password/set/" not in client.get("/account/").content.decode()

    EmailAddress.objects.filter(user=user, email=OWNER).update(verified=True)
    assert client.get("/accounts/password/set/").status_code == 200
    assert "/accounts/password/set/" in client.get("/account/").content.decode()


# Finding 1: token pages keep the token out of referrers by header, not meta tag ------


def test_the_sign_in_link_page_sets_referrer_policy_by_header(dora):
    client = Client()
    client.post("/accounts/link/", {"email": dora.email})
    link = re.search(r"/accounts/link/[\w-]+/", str(mail.outbox[-1].body))
    assert link
    response = client.get(link.group(0))
    assert response["Referrer-Policy"] == "same-origin"
    assert 'name="referrer"' not in response.content.decode()


def test_the_invitation_page_sets_referrer_policy_by_header(db):
    admin = verified_user("teamadmin")
    team = Team.objects.create(name="Gulf Analytics", admin=admin, plan=Plan.objects.get(kind=Plan.Kind.TEAM), seats=3)
    team_invite(team=team, emails=["new@example.com"], invited_by=admin)
    link = re.search(r"/team/join/[\w-]+/", str(mail.outbox[-1].body))
    assert link
    response = Client().get(link.group(0))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert 'name="referrer"' not in response.content.decode()


# Finding 8 --------------------------------------------------------------------------


def test_a_refused_deletion_keeps_the_member_signed_in_and_says_why(db):
    admin = verified_user("teamadmin")
    team = live_team(admin)
    seat_add(team=team, user=verified_user("colleague"), how="invitation")
    client = Client()
    client.force_login(admin)
    response = client.post("/account/delete/", {"confirm": admin.email})
    assert response.status_code == 409
    assert "You run the team Gulf Analytics" in response.content.decode()
    assert _signed_in(client)
    assert client.get("/account/").status_code == 200


def test_the_pro_page_writes_nothing_when_a_member_reads_it(dora):
    client = Client()
    client.force_login(dora)
    client.get("/pro/")  # the first request of a session may record the session itself
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get("/pro/").status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert CheckoutAttempt.objects.count() == 0


@pytest.mark.parametrize("ahead", [301, 3600, 10 * 365 * 86400])
def test_a_stripe_event_dated_in_the_future_is_refused(dora, stripe_fake, ahead):
    subscription = {"id": "sub_future", "object": "subscription", "status": "active", "metadata": {}}
    event = stripe_fake.event("customer.subscription.updated", subscription)
    response = post_event(Client(), event, timestamp=int(time.time()) + ahead)
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0


def test_a_stripe_event_a_little_ahead_of_our_clock_is_accepted(dora, stripe_fake):
    event = stripe_fake.event("checkout.session.completed", {"id": "cs_1", "mode": "payment"})
    response = post_event(Client(), event, timestamp=int(time.time()) + 60)
    assert response.status_code == 200
    assert StripeEvent.objects.count() == 1


@pytest.mark.parametrize("url", ["/", "/pro/", "/account/", "/search/?q=drone", "/no-such-page/"])
def test_every_page_for_a_signed_in_reader_is_private(site, dora, url):
    client = Client()
    client.force_login(dora)
    cache_control = client.get(url).get("Cache-Control", "")
    assert "private" in cache_control


def test_anonymous_pages_are_not_marked_private(site):
    assert "private" not in Client().get("/").get("Cache-Control", "")


# Finding 10: download my data -------------------------------------------------------


def test_download_my_data_has_every_part(site, alice):
    from events.models import Registration
    from monitor.models import Alert, BriefingFolder, Clip, Entity
    from newsletters.models import Consent, Newsletter, Subscriber, Subscription
    from tests.events.builders import make_qa

    newsletter = Newsletter.objects.create(name="Security Briefing Export", slug="security-export", description="x")
    subscriber = Subscriber.objects.create(email=alice.email, user=alice, name="Alice")
    Subscription.objects.create(subscriber=subscriber, newsletter=newsletter, status="active", source="article")
    Consent.objects.create(subscriber=subscriber, newsletter=newsletter, action="subscribe", source="article signup")
    entity = Entity.objects.create(kind="person", name="Dana Export", slug="dana-export")
    alert = Alert.objects.create(user=alice, name="Drones in the Gulf", words="drone")
    alert.entities.add(entity)
    folder = BriefingFolder.objects.create(owner=alice, name="Board memo")
    Clip.objects.create(folder=folder, title="Inside the depot", url="https://example.com/a", note="quote this")
    Registration.objects.create(event=make_qa(), user=alice, question="Who supplies the engines?")

    client = Client()
    client.force_login(alice)
    data = json.loads(client.get("/account/export/").content)
    [exported_subscriber] = data["newsletter_subscribers"]
    assert exported_subscriber["subscriptions"][0]["newsletter"] == "Security Briefing Export"
    assert exported_subscriber["consents"][0]["action"] == "subscribe"
    assert exported_subscriber["consents"][0]["source"] == "article signup"
    assert data["monitor_alerts"][0]["name"] == "Drones in the Gulf"
    assert data["monitor_alerts"][0]["names"] == ["Dana Export"]
    assert data["briefing_books"][0]["name"] == "Board memo"
    assert data["briefing_books"][0]["clips"][0]["note"] == "quote this"
    assert data["event_registrations"][0]["question"] == "Who supplies the engines?"


def test_download_my_data_leaves_out_other_readers(site, alice, dora):
    from monitor.models import Alert

    Alert.objects.create(user=dora, name="Dora's alert")
    client = Client()
    client.force_login(alice)
    data = json.loads(client.get("/account/export/").content)
    assert data["monitor_alerts"] == [] and data["newsletter_subscribers"] == []


def test_a_legacy_owner_who_signs_in_with_password_and_code_stays_signed_in(site):
    user = _legacy_preclaimed_account()  # here the password is the owner's own, set before the fix
    owner = Client()
    response = owner.post("/accounts/login/", {"login": OWNER, "password": STRANGERS_PASSWORD})
    assert response.status_code == 302
    code = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)?)\s*$", str(mail.outbox[-1].body), re.MULTILINE)
    assert code, mail.outbox[-1].body
    response = owner.post(response["Location"], {"code": code.group(1)})
    assert response.status_code == 302, response.content
    assert owner.get("/account/").status_code == 200
    user.refresh_from_db()
    assert not user.has_usable_password()  # nobody can tell whose it was: it goes
