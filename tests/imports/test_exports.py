"""Exports: stories as JSON and as a Ghost file our own importer reads back; readers as CSV with consent."""

from __future__ import annotations

import csv
import json
from io import StringIO

import pytest
from django.core.management import call_command

from core.access import Access
from imports.ghost import ghost_import
from imports.mailchimp import mailchimp_import
from newsletters.models import Newsletter
from newsroom.models import ArticlePage
from tests.factories import ArticleFactory, paragraphs
from tests.imports.samples import write_mailchimp

pytestmark = pytest.mark.django_db


def test_articles_export_as_json_with_their_full_body(site):
    ArticleFactory(parent=site.security, title="Exported story", access=Access.PRO,
                   body=paragraphs("Teaser.", "Paid words for subscribers."))  # fmt: skip
    out = StringIO()
    call_command("export_articles", stdout=out, stderr=StringIO())
    records = json.loads(out.getvalue())
    record = next(r for r in records if r["title"] == "Exported story")
    assert record["access"] == "pro" and record["section"] == "security"
    assert "Paid words for subscribers." in json.dumps(record["body"])


def test_the_ghost_export_round_trips_through_the_ghost_importer(site, tmp_path):
    ArticleFactory(parent=site.security, title="Round trip", slug="round-trip", topics=[site.iran],
                   authors=[site.reporter], body=[*paragraphs("One."), ("heading", "Two")])  # fmt: skip
    path = tmp_path / "ghost.json"
    call_command("export_articles", "--format=ghost", f"--output={path}", stdout=StringIO())
    data = json.loads(path.read_text())
    post = next(p for p in data["db"][0]["data"]["posts"] if p["slug"] == "round-trip")
    assert "<h2>Two</h2>" in post["html"] and post["visibility"] == "public"
    report = ghost_import(path=path, section=site.gulf)
    copy = ArticlePage.objects.child_of(site.gulf).get(title="Round trip")
    assert report.created >= 1
    assert [b.block_type for b in copy.body] == ["paragraph", "heading"]
    assert [t.slug for t in copy.topics.all()] == ["iran"]


def test_members_export_as_csv_with_newsletters_and_consent(tmp_path):
    newsletter = Newsletter.objects.get_or_create(slug="security", defaults={"name": "Security", "description": "x"})[0]
    rows = ["=cmd@example.com,=HYPERLINK(1),,1,,2022-01-01 00:00:00,"]
    mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv", rows), newsletter=newsletter)
    out = StringIO()
    call_command("export_members", stdout=out, stderr=StringIO())
    rows = list(csv.DictReader(StringIO(out.getvalue())))
    row = next(r for r in rows if "cmd@example.com" in r["email"])
    assert row["newsletters"] == "security" and row["pro"] == "no"
    assert "imported security" in row["consents"]
    assert row["name"].startswith("'=")  # a formula a reader typed stays text in a spreadsheet
