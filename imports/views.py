"""The admin's import page: upload, dry run or import, then a page that follows the progress."""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from imports.exports import articles_ghost_chunks, articles_json_chunks, members_csv_chunks
from imports.models import ImportJob
from imports.services import NotImportable, import_job_from_dry_run
from imports.tasks import run_import_task
from lib.errors import permission_denied

MAX_UPLOAD_MB = 2048


class UploadForm(forms.ModelForm):
    class Meta:
        model = ImportJob
        fields = ["kind", "file", "target", "dry_run"]
        labels = {"dry_run": "Dry run: check and report, save nothing", "target": "Section or newsletter slug"}


ADMINISTRATORS_ONLY = "Only administrators import content and readers."


def _may_import(request: HttpRequest) -> bool:
    return bool(request.user.is_superuser)


def _staff(request: HttpRequest) -> None:
    if not _may_import(request):
        raise PermissionDenied(ADMINISTRATORS_ONLY)


def import_upload(request: HttpRequest) -> HttpResponse:
    _staff(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            form.add_error("file", f"Files up to {MAX_UPLOAD_MB} MB; use the manage.py command for larger ones.")
        else:
            job = form.save(commit=False)
            job.created_by = request.user
            job.save()
            transaction.on_commit(partial(run_import_task.enqueue, job.pk))
            return redirect("imports_admin:job", job.pk)
    jobs = ImportJob.objects.all()[:20]
    status = 400 if request.method == "POST" else 200
    return render(request, "imports/admin/upload.html", {"form": form, "jobs": jobs}, status=status)


def _job_page(request: HttpRequest, job: ImportJob, *, status: int = 200) -> HttpResponse:
    real_import = ImportJob.objects.filter(from_dry_run=job).first()
    context = {
        "job": job,
        "problems": job.problems.splitlines()[:200],
        "real_import": real_import,
        "can_import_now": real_import is None and not job.import_now_refusal(),
        # A refused press says the same in its message, once is enough.
        "file_gone": status == 200 and job.dry_run and job.state == ImportJob.State.DONE and not job.file_stored(),
    }
    return render(request, "imports/admin/job.html", context, status=status)


def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    return _job_page(request, get_object_or_404(ImportJob, pk=pk))


@require_POST
def import_now(request: HttpRequest, pk: int) -> HttpResponse:
    if not _may_import(request):
        # A plain 403: Wagtail would turn PermissionDenied into a redirect, and an action refused should say so.
        return permission_denied(request, PermissionDenied(ADMINISTRATORS_ONLY))
    dry_run = get_object_or_404(ImportJob, pk=pk)
    try:
        job, created = import_job_from_dry_run(dry_run=dry_run, user=request.user)
    except NotImportable as refusal:
        messages.error(request, str(refusal))
        return _job_page(request, dry_run, status=409)
    if created:
        transaction.on_commit(partial(run_import_task.enqueue, job.pk))
        messages.success(request, "The import has started, with the same file and options as the dry run.")
    else:
        messages.info(request, "This dry run's import had already been started, so nothing was imported twice.")
    return redirect("imports_admin:job", job.pk)


# Exports: name -> (permission, file name, content type, chunks)
EXPORTS = {
    "articles": ("imports.export_articles", "articles.json", "application/json", articles_json_chunks),
    "ghost": ("imports.export_articles", "articles-ghost.json", "application/json", articles_ghost_chunks),
    "members": ("imports.export_members", "members.csv", "text/csv; charset=utf-8", members_csv_chunks),
}


def _exports_for(request: HttpRequest) -> list[str]:
    return [name for name, (perm, *_) in EXPORTS.items() if request.user.has_perm(perm)]


def export_list(request: HttpRequest) -> HttpResponse:
    allowed = _exports_for(request)
    if not allowed:
        raise PermissionDenied("You may not download exports.")
    return render(request, "imports/admin/exports.html", {"allowed": allowed})


def export_download(request: HttpRequest, name: str) -> StreamingHttpResponse:
    if name not in EXPORTS:
        raise Http404("No such export.")
    if name not in _exports_for(request):
        raise PermissionDenied("You may not download this export.")
    _, filename, content_type, chunks = EXPORTS[name]
    stamped = f"{timezone.now():%Y-%m-%d}-{filename}"
    response = StreamingHttpResponse(chunks(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stamped}"'
    response["Cache-Control"] = "private, no-store"
    return response
