"""The admin's import page: upload, dry run with a report, then the import, with its progress page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from imports.models import ImportJob
from newsroom.models import ArticlePage
from tests.imports.samples import write_wxr, wxr_item

pytestmark = pytest.mark.django_db


def _upload(client: Client, content: bytes, *, dry_run: bool) -> ImportJob:
    data = {"kind": "wordpress", "target": "gulf", "file": SimpleUploadedFile("wp.xml", content, "text/xml")}
    if dry_run:
        data["dry_run"] = "on"
    response = client.post("/admin/imports/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.latest("pk")


def test_an_admin_dry_runs_then_imports_an_upload(site, admin_user, tmp_path, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(admin_user)
    assert "Import content and readers" in client.get("/admin/imports/").content.decode()
    content = write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2)]).read_bytes()
    before = ArticlePage.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(client, content, dry_run=True)
    page = client.get(f"/admin/imports/{job.pk}/").content.decode()
    assert "Dry run (nothing saved)" in page and "2 new" in page
    # A finished job says what it read, in words that agree with the numbers.
    assert "2 items read." in page and "so far" not in page
    assert "1 author, 1 attachment in the file." in page
    assert ArticlePage.objects.count() == before
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(client, content, dry_run=False)
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE and job.processed == 2
    assert ArticlePage.objects.count() == before + 2


def test_a_truncated_upload_is_refused_with_a_reason(site, admin_user, tmp_path, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(admin_user)
    content = write_wxr(tmp_path / "wp.xml", [wxr_item(1)]).read_bytes()[:-300]
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(client, content, dry_run=False)
    page = client.get(f"/admin/imports/{job.pk}/").content.decode()
    assert "not a complete WordPress export" in page
    assert not ArticlePage.objects.filter(title="Old story 1").exists()


def test_editors_who_are_not_administrators_may_not_import(bob):
    client = Client()
    client.force_login(bob)
    assert client.get("/admin/imports/").status_code in (302, 403)
