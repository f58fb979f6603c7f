import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from core.entitlement import user_is_pro
from membership.demo import load_demo
from membership.models import Membership

pytestmark = pytest.mark.django_db


def test_grant_pro_gives_complimentary_pro_for_n_days(dora):
    out = io.StringIO()
    call_command("grant_pro", dora.email, "--days", "30", stdout=out)
    assert "complimentary PRO until" in out.getvalue()
    assert user_is_pro(type(dora).objects.get(pk=dora.pk))
    assert Membership.objects.get(user=dora).source_label() == "complimentary"


def test_grant_pro_refuses_an_unknown_address(db):
    with pytest.raises(CommandError, match="No account"):
        call_command("grant_pro", "ghost@example.com", "--days", "3")


def test_reconcile_stripe_says_when_billing_is_not_configured(db):
    with pytest.raises(CommandError, match="not configured"):
        call_command("reconcile_stripe")


def test_reconcile_stripe_reads_subscriptions_back(dora, stripe_fake):
    stripe_fake.subscriptions["sub_1"] = {
        "id": "sub_1",
        "status": "past_due",
        "customer": "cus_1",
        "metadata": {},
        "items": {"data": [{"id": "si_1", "quantity": 1, "current_period_end": 2_000_000_000}]},
    }
    Membership.objects.create(user=dora, status="active", stripe_subscription_id="sub_1")
    out = io.StringIO()
    call_command("reconcile_stripe", stdout=out)
    assert "1 subscriptions checked, 1 changed" in out.getvalue()
    assert Membership.objects.get(user=dora).status == "past_due"


def test_staff_see_members_and_export_them_as_csv(alice):
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="manager", is_staff=True, is_superuser=True))
    listing = client.get("/admin/membership/members/")
    assert listing.status_code == 200
    assert b"alice@example.com" in listing.content
    export = client.get("/admin/membership/members/?export=csv")
    assert export.status_code == 200
    csv = b"".join(export.streaming_content)
    assert b"alice@example.com" in csv
    assert b"complimentary" in csv


def test_readers_cannot_see_the_members_list(dora):
    client = Client()
    client.force_login(dora)
    assert client.get("/admin/membership/members/").status_code in (302, 403)


def test_the_demo_has_a_pro_and_a_free_member(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    sign_ins = load_demo(io.StringIO())
    again = load_demo(io.StringIO())
    assert sign_ins == again
    (pro_name, password), (free_name, _) = sign_ins
    client = Client()
    assert client.post("/accounts/login/", {"login": pro_name, "password": password}).status_code == 302
    assert user_is_pro(type(Membership.objects.first().user).objects.get(username=pro_name))
    assert not user_is_pro(type(Membership.objects.first().user).objects.get(username=free_name))
