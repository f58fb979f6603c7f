"""A finished dry run's report imports the same stored file, once, for those who may import."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client

from imports.models import ImportJob
from imports.tasks import run_import_task
from newsroom.models import ArticlePage
from tests.imports.samples import write_wxr, wxr_item

pytestmark = pytest.mark.django_db

BUTTON = "Import this file now"


@pytest.fixture
def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def wxr(tmp_path: Path) -> bytes:
    return write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2)]).read_bytes()


def _upload(client: Client, content: bytes, *, dry_run: bool = True) -> ImportJob:
    data = {"kind": "wordpress", "target": "gulf", "file": SimpleUploadedFile("wp.xml", content, "text/xml")}
    if dry_run:
        data["dry_run"] = "on"
    response = client.post("/admin/imports/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.latest("pk")


def _report(client: Client, job: ImportJob) -> str:
    response = client.get(f"/admin/imports/{job.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _imports_enqueued(callbacks: list[Callable[[], object]]) -> int:
    return sum(1 for c in callbacks if isinstance(c, partial) and c.func == run_import_task.enqueue)


def _press(client: Client, job: ImportJob, **kwargs):
    return client.post(f"/admin/imports/{job.pk}/import-now/", **kwargs)


@pytest.fixture
def dry_run(site, admin_client, wxr, django_capture_on_commit_callbacks) -> ImportJob:
    with django_capture_on_commit_callbacks(execute=True):
        job = _upload(admin_client, wxr)
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    return job


def test_a_finished_dry_run_offers_to_import_its_file(admin_client, dry_run):
    page = _report(admin_client, dry_run)
    assert BUTTON in page
    assert f'action="/admin/imports/{dry_run.pk}/import-now/"' in page and "csrfmiddlewaretoken" in page


def test_a_dry_run_still_waiting_and_a_real_import_offer_no_button(site, admin_client, wxr):
    waiting = _upload(admin_client, wxr)  # its task is queued on commit, which never comes in this test
    assert waiting.state == ImportJob.State.QUEUED
    assert BUTTON not in _report(admin_client, waiting)
    real = _upload(admin_client, wxr, dry_run=False)
    assert BUTTON not in _report(admin_client, real)


def test_pressing_it_imports_the_stories_and_links_both_reports(
    admin_client, admin_user, dry_run, django_capture_on_commit_callbacks
):
    before = ArticlePage.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _press(admin_client, dry_run)
    assert _imports_enqueued(callbacks) == 1
    job = ImportJob.objects.get(dry_run=False)
    assert response.status_code == 302 and response["Location"] == f"/admin/imports/{job.pk}/"
    assert job.state == ImportJob.State.DONE and job.processed == 2
    assert (job.kind, job.target, job.file.name) == (dry_run.kind, dry_run.target, dry_run.file.name)
    assert job.from_dry_run == dry_run and job.created_by == admin_user
    assert ArticlePage.objects.count() == before + 2
    assert ArticlePage.objects.filter(title="Old story 1").exists()

    page = _report(admin_client, job)
    assert "The import has started" in page  # the message from the press
    assert f'href="/admin/imports/{dry_run.pk}/"' in page and "Started from" in page
    page = _report(admin_client, dry_run)
    assert BUTTON not in page
    assert f'href="/admin/imports/{job.pk}/"' in page and "imported since" in page
    assert "Import after a dry run" in admin_client.get("/admin/imports/").content.decode()


def test_a_second_press_leads_to_the_first_import_and_imports_nothing(
    admin_client, dry_run, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _press(admin_client, dry_run)
    first = ImportJob.objects.get(dry_run=False)
    stories = ArticlePage.objects.count()
    # A second tab, opened before the first press, still shows the button and posts again.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _press(admin_client, dry_run, follow=True)
    assert _imports_enqueued(callbacks) == 0
    assert response.redirect_chain == [(f"/admin/imports/{first.pk}/", 302)]
    assert "so nothing was imported twice" in response.content.decode()
    assert ImportJob.objects.filter(dry_run=False).count() == 1
    assert ArticlePage.objects.count() == stories


def test_the_database_refuses_a_second_import_of_one_dry_run(dry_run):
    ImportJob.objects.create(kind=dry_run.kind, file=dry_run.file.name, dry_run=False, from_dry_run=dry_run)
    with pytest.raises(IntegrityError):
        ImportJob.objects.create(kind=dry_run.kind, file=dry_run.file.name, dry_run=False, from_dry_run=dry_run)


def test_editors_who_may_not_import_get_403(dry_run, bob):
    client = Client()
    client.force_login(bob)
    assert _press(client, dry_run).status_code == 403
    assert not ImportJob.objects.filter(dry_run=False).exists()


def test_a_refused_dry_run_has_no_button_and_a_forced_press_is_refused(
    site, admin_client, wxr, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refused = _upload(admin_client, wxr[:-300])
    refused.refresh_from_db()
    assert refused.state == ImportJob.State.REFUSED
    assert BUTTON not in _report(admin_client, refused)
    response = _press(admin_client, refused)
    assert response.status_code == 409
    assert "The dry run refused this file" in response.content.decode()
    assert not ImportJob.objects.filter(dry_run=False).exists()


def test_a_dry_run_whose_file_is_gone_says_so_and_imports_nothing(admin_client, dry_run):
    dry_run.file.storage.delete(dry_run.file.name)
    page = _report(admin_client, dry_run)
    assert BUTTON not in page and "no longer stored" in page
    response = _press(admin_client, dry_run)
    assert response.status_code == 409 and "no longer stored" in response.content.decode()
    assert not ImportJob.objects.filter(dry_run=False).exists()


def test_a_dry_run_still_running_cannot_be_imported_yet(site, admin_client, wxr):
    waiting = _upload(admin_client, wxr)
    response = _press(admin_client, waiting)
    assert response.status_code == 409 and "has not finished yet" in response.content.decode()
    assert not ImportJob.objects.filter(dry_run=False).exists()


def test_a_real_import_cannot_be_imported_again_from_its_report(site, admin_client, wxr):
    real = _upload(admin_client, wxr, dry_run=False)
    response = _press(admin_client, real)
    assert response.status_code == 409 and "not a dry run" in response.content.decode()
    assert ImportJob.objects.count() == 1


def test_opening_the_import_address_imports_nothing(admin_client, dry_run):
    assert admin_client.get(f"/admin/imports/{dry_run.pk}/import-now/").status_code == 405
    assert admin_client.post("/admin/imports/999999/import-now/").status_code == 404
    assert not ImportJob.objects.filter(dry_run=False).exists()
