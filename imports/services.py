"""Running an uploaded import job: the same importers the commands use, with progress saved as it goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from imports.articles import BadExport, Report
from imports.ghost import ghost_import
from imports.mailchimp import mailchimp_import
from imports.models import ImportJob
from imports.wordpress import wordpress_import
from newsletters.models import Newsletter
from newsroom.models import SectionPage


class NotImportable(Exception):
    """A dry run whose file cannot be imported: still running, refused, or its file is gone."""


def _section(slug: str) -> SectionPage:
    sections = SectionPage.objects.live()
    section = (sections.filter(slug=slug).first() if slug else None) or sections.order_by("path").first()
    if section is None:
        raise BadExport("The site has no section to put stories in.")
    return section


def import_job_run(*, job_id: int) -> ImportJob | None:
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(state=ImportJob.State.RUNNING)
    if claimed != 1:
        return None
    job = ImportJob.objects.get(pk=job_id)
    path = Path(job.file.path)

    def progress(count: int) -> None:
        ImportJob.objects.filter(pk=job_id).update(processed=F("processed") + count)

    report: Report | None = None
    try:
        if job.kind == ImportJob.Kind.MAILCHIMP:
            newsletter = Newsletter.objects.filter(slug=job.target).first()
            if newsletter is None:
                raise BadExport(f"There is no newsletter “{job.target}”.")
            report = mailchimp_import(path=path, newsletter=newsletter, dry_run=job.dry_run, progress=progress)
        elif job.kind == ImportJob.Kind.GHOST:
            report = ghost_import(path=path, section=_section(job.target), dry_run=job.dry_run, progress=progress)
        else:
            report = wordpress_import(path=path, section=_section(job.target), dry_run=job.dry_run, progress=progress)
        state, summary, problems = ImportJob.State.DONE, report.summary(), "\n".join(report.errors)
        summary = "\n".join([*report.notes, summary])
    except BadExport as error:
        state, summary, problems = ImportJob.State.REFUSED, str(error), ""
    ImportJob.objects.filter(pk=job_id).update(
        state=state, summary=summary, problems=problems[:100_000], finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


@transaction.atomic
def import_job_from_dry_run(*, dry_run: ImportJob, user: Any) -> tuple[ImportJob, bool]:
    """The real import of a dry run's stored file with its options, and whether this call created it.

    Started once however often it is asked for: a second press, or a second tab, gets the first job.
    The caller enqueues a created job once this transaction commits.
    """
    # The row lock makes a concurrent press wait here, then find the job the first one made.
    dry_run = ImportJob.objects.select_for_update().get(pk=dry_run.pk)
    existing = ImportJob.objects.filter(from_dry_run=dry_run).first()
    if existing is not None:
        return existing, False
    refusal = dry_run.import_now_refusal()
    if refusal:
        raise NotImportable(refusal)
    try:
        with transaction.atomic():
            job = ImportJob.objects.create(
                kind=dry_run.kind,
                file=dry_run.file.name,
                target=dry_run.target,
                dry_run=False,
                from_dry_run=dry_run,
                created_by=user,
            )
    except IntegrityError:  # where row locks are not enforced (SQLite), the one-to-one link still is
        return ImportJob.objects.get(from_dry_run=dry_run), False
    return job, True
