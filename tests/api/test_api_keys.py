"""API keys: made and revoked on the account page, shown once, stored hashed, rate-limited."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from api.keys import api_key_create, key_hash
from api.models import ApiKey
from tests.membership.cast import live_team, verified_user

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_pro_member_creates_a_key_that_is_shown_once_and_stored_hashed(alice):
    client = _signed_in(alice)
    assert "Create a key" in client.get("/account/").content.decode()
    page = client.post("/account/api-keys/", {"name": "Research dashboard"}).content.decode()
    raw = re.search(r'value="(nd_[^"]+)"', page).group(1)  # type: ignore[union-attr]
    key = ApiKey.objects.get(owner=alice)
    assert key.name == "Research dashboard"
    assert key.key_hash == key_hash(raw) and raw not in key.key_hash
    account = client.get("/account/").content.decode()
    assert "Research dashboard" in account and raw not in account and key.prefix in account
    assert Client().get("/api/v1/articles/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None


def test_a_team_admin_may_make_keys(db):
    admin = verified_user("teamboss")
    live_team(admin)
    response = _signed_in(admin).post("/account/api-keys/", {"name": "Team feed"})
    assert response.status_code == 200
    assert ApiKey.objects.filter(owner=admin).count() == 1


def test_a_free_member_may_not_make_keys(dora):
    client = _signed_in(dora)
    assert "Create a key" not in client.get("/account/").content.decode()
    assert client.post("/account/api-keys/", {"name": "Sneaky"}).status_code == 403
    assert not ApiKey.objects.exists()


def test_a_nameless_key_is_refused_with_a_reason(alice):
    response = _signed_in(alice).post("/account/api-keys/", {"name": " "})
    assert response.status_code == 400
    assert "name" in response.content.decode()


def test_a_revoked_key_stops_working(alice):
    key, raw = api_key_create(owner=alice, name="Old")
    response = _signed_in(alice).post(f"/account/api-keys/{key.uid}/revoke/")
    assert response.status_code == 302
    assert Client().get("/api/v1/articles/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_nobody_revokes_someone_elses_key(alice, dora):
    key, _ = api_key_create(owner=alice, name="Mine")
    assert _signed_in(dora).post(f"/account/api-keys/{key.uid}/revoke/").status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None


def test_a_key_over_its_rate_limit_gets_429_with_retry_after(alice, settings):
    settings.API_KEY_RATE_LIMIT = 3
    _, raw = api_key_create(owner=alice, name="Busy")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert [client.get("/api/v1/sections/").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/v1/sections/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= settings.API_KEY_RATE_WINDOW + 1
    assert response.json()["detail"]
    _, other = api_key_create(owner=alice, name="Quiet")
    assert Client().get("/api/v1/sections/", HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 200
