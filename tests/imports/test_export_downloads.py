"""Editors allowed to download exports get them from the admin, streamed as they are written."""

from __future__ import annotations

import csv
import json
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from imports.mailchimp import mailchimp_import
from newsletters.models import Newsletter
from tests.factories import ArticleFactory
from tests.imports.samples import write_mailchimp

pytestmark = pytest.mark.django_db

EXPORTS_PAGE = "/admin/imports/exports/"


def _allow(user, *codenames: str) -> Client:  # type: ignore[no-untyped-def]
    group = Group.objects.create(name=f"Exports {'+'.join(codenames)}")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="imports", codename__in=codenames))
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def _links(client: Client) -> dict[str, str]:
    page = client.get(EXPORTS_PAGE)
    assert page.status_code == 200
    return {label: href for href, label in re.findall(r'href="([^"]+)" download>([^<]+)</a>', page.content.decode())}


def _refused(response) -> bool:  # type: ignore[no-untyped-def]
    """Wagtail's admin answers a refusal by sending the editor back to the dashboard with a message."""
    return response.status_code in (302, 403) and not response.streaming


def _body(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content).decode()


def test_an_editor_allowed_stories_downloads_them_as_json_and_for_ghost(site, bob):
    ArticleFactory(parent=site.security, title="Convoys cross at dawn")
    client = _allow(bob, "export_articles")
    links = _links(client)
    assert set(links) == {"Stories (JSON)", "Stories for Ghost (JSON)"}  # readers' data is not offered
    stories = json.loads(_body(client.get(links["Stories (JSON)"])))
    assert "Convoys cross at dawn" in [s["title"] for s in stories]
    ghost = json.loads(_body(client.get(links["Stories for Ghost (JSON)"])))
    data = ghost["db"][0]["data"]
    assert "Convoys cross at dawn" in [p["title"] for p in data["posts"]]
    assert {link["post_id"] for link in data["posts_authors"]} <= {p["id"] for p in data["posts"]}
    assert _refused(client.get("/admin/imports/exports/members/"))


def test_an_editor_allowed_readers_downloads_members_with_newsletters_and_consent(bob, tmp_path):
    newsletter = Newsletter.objects.get_or_create(slug="security", defaults={"name": "Security", "description": "x"})[0]
    mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv"), newsletter=newsletter)
    client = _allow(bob, "export_members")
    links = _links(client)
    assert set(links) == {"Members and subscribers (CSV)"}
    rows = list(csv.DictReader(StringIO(_body(client.get(links["Members and subscribers (CSV)"])))))
    row = next(r for r in rows if r["email"] == "mc.one@example.com")
    assert row["newsletters"] == "security"
    assert "imported security" in row["consents"]
    assert _refused(client.get("/admin/imports/exports/articles/"))


def test_editors_without_the_permission_see_no_exports(bob):
    client = Client()
    client.force_login(bob)
    assert _refused(client.get(EXPORTS_PAGE))
    assert _refused(client.get("/admin/imports/exports/members/"))
    assert "Download exports" not in client.get("/admin/").content.decode()
