"""Thin background tasks: take ids, run the service."""

from django_tasks import task

from imports.services import import_job_run


@task()
def run_import_task(job_id: int) -> None:
    import_job_run(job_id=job_id)
