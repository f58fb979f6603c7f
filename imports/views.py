"""The admin's import page: upload, dry run or import, then a page that follows the progress."""

from __future__ import annotations

from functools import partial

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from imports.exports import articles_ghost_chunks, articles_json_chunks, members_csv_chunks
from imports.models import ImportJob
from imports.tasks import run_import_task

MAX_UPLOAD_MB = 2048


class UploadForm(forms.ModelForm):
    class Meta:
        model = ImportJob
        fields = ["kind", "file", "target", "dry_run"]
        labels = {"dry_run": "Dry run: check and report, save nothing", "target": "Section or newsletter slug"}


def _staff(request: HttpRequest) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied("Only administrators import content and readers.")


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


def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    job = get_object_or_404(ImportJob, pk=pk)
    return render(request, "imports/admin/job.html", {"job": job, "problems": job.problems.splitlines()[:200]})


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
