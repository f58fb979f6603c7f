"""Thin background task: take the job's id, run it."""

from django_tasks import task

from imports.services import import_job_run


@task()
def run_import_task(job_id: int) -> None:
    import_job_run(job_id=job_id)
