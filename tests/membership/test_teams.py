import datetime as dt
import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from core.models import OutletSettings
from membership.models import Invitation, Lead, Seat
from membership.services import MembershipError, seat_add
from tests.clients import signed_in_client
from tests.membership.cast import live_team, verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return verified_user("admin", email="admin@gulfanalytics.com")


@pytest.fixture
def team(admin):
    team = live_team(admin, stripe_subscription_id="sub_team")
    seat_add(team=team, user=admin, how="admin")
    return team


def _invite(admin, email: str) -> str:
    signed_in_client(admin).post("/account/team/invite/", {"emails": email})
    found = re.search(r"/team/join/[\w-]+/", str(mail.outbox[-1].body))
    assert found
    return found.group(0)


def test_an_invited_colleague_takes_a_seat_and_reads_pro(team, admin):
    colleague = verified_user("colleague")
    link = _invite(admin, colleague.email)
    client = signed_in_client(colleague)
    assert b"Take my seat" in client.get(link).content
    assert client.post(link).status_code == 302
    assert Seat.objects.filter(team=team, user=colleague).exists()
    assert b"badge--pro" in client.get("/account/").content


def test_an_invitation_is_for_its_address_only(team, admin, dora):
    link = _invite(admin, "someone.else@example.com")
    response = signed_in_client(dora).post(link)
    assert response.status_code == 403
    assert b"someone.else@example.com" in response.content
    assert not Seat.objects.filter(user=dora).exists()


def test_an_expired_invitation_gets_a_clear_410(team, admin, dora):
    link = _invite(admin, dora.email)
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    response = signed_in_client(dora).post(link)
    assert response.status_code == 410
    assert b"expired" in response.content


def test_a_team_cannot_go_over_its_seats(team, admin):
    for n in range(2):
        seat_add(team=team, user=verified_user(f"member{n}"), how="admin")
    extra = verified_user("extra")
    link = _invite(admin, extra.email)
    response = signed_in_client(extra).post(link)
    assert response.status_code == 409
    assert b"seats are taken" in response.content
    assert Invitation.objects.get(email=extra.email).accepted_at is None


def test_domain_join_needs_a_verified_address_at_the_domain(team, admin, dora):
    signed_in_client(admin).post("/account/team/settings/", {"domain": "gulfanalytics.com", "domain_join": "on"})
    team.refresh_from_db()
    assert team.domain_join
    assert signed_in_client(dora).post(f"/team/{team.uid}/join/").status_code == 403
    insider = verified_user("insider", email="insider@gulfanalytics.com")
    assert signed_in_client(insider).post(f"/team/{team.uid}/join/").status_code == 302
    assert Seat.objects.filter(user=insider, team=team).exists()


def test_an_admin_removes_and_reassigns_seats(team, admin):
    member = verified_user("member")
    seat = seat_add(team=team, user=member, how="admin")
    client = signed_in_client(admin)
    client.post(f"/account/team/seats/{seat.pk}/reassign/", {"email": "newcomer@example.com"})
    assert not Seat.objects.filter(user=member).exists()
    assert Invitation.objects.filter(email="newcomer@example.com").exists()


def test_only_the_admin_manages_the_team(team, dora):
    assert signed_in_client(dora).get("/account/team/").status_code == 404
    seat = Seat.objects.get(team=team)
    assert signed_in_client(dora).post(f"/account/team/seats/{seat.pk}/remove/").status_code == 404


def test_seat_changes_go_to_stripe_with_proration(team, admin, stripe_fake):
    stripe_fake.subscriptions["sub_team"] = {
        "id": "sub_team",
        "object": "subscription",
        "status": "active",
        "customer": "cus_team",
        "metadata": {"kind": "team", "team": str(team.uid)},
        "cancel_at_period_end": False,
        "trial_end": None,
        "items": {"data": [{"id": "si_team", "quantity": 3, "current_period_end": 2_000_000_000}]},
    }
    response = signed_in_client(admin).post("/account/team/seats/", {"seats": "6"})
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.seats == 6
    path, params, key = stripe_fake.posts[-1]
    assert path == "/v1/subscriptions/sub_team"
    assert params["proration_behavior"] == "create_prorations"
    assert key


def test_a_large_team_is_sent_to_talk_to_us_and_the_lead_reaches_the_pro_desk(
    site, dora, django_capture_on_commit_callbacks
):
    outlet = OutletSettings.load()
    outlet.pro_desk_email = "pro@newsdesk.example"
    outlet.save()
    client = signed_in_client(dora)
    response = client.post("/pro/teams/", {"team_name": "Big Bank", "seats": "400"})
    assert response["Location"] == "/pro/teams/talk/?seats=400"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/pro/teams/talk/",
            {"name": "Dora", "email": "dora@example.com", "organisation": "Big Bank", "seats": "400", "message": "Hi"},
        )
    assert Lead.objects.get().organisation == "Big Bank"
    assert mail.outbox[-1].to == ["pro@newsdesk.example"]
    assert "Big Bank" in mail.outbox[-1].subject


def test_a_bad_lead_form_gets_a_clear_message(site):
    response = Client().post("/pro/teams/talk/", {"name": "", "email": "nope", "organisation": "", "seats": "0"})
    assert response.status_code == 400
    assert b"field-error" in response.content
    assert not Lead.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (set DATABASE_URL)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_joins_never_pass_the_seat_limit(team):
    people = [verified_user(f"racer{n}") for n in range(6)]
    outcomes: list[str] = []

    def join(user) -> None:
        try:
            seat_add(team=team, user=user, how="admin")
            outcomes.append("seat")
        except MembershipError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=join, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Seat.objects.filter(team=team).count() == 3
    assert outcomes.count("seat") == 2
