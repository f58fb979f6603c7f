"""Thin background tasks: take ids, run the service."""

from django_tasks import task
from wagtail.tasks import update_reference_index_task

from imports.services import import_job_run
from monitor.tasks import tag_article_task


@task()
def run_import_task(job_id: int) -> None:
    import_job_run(job_id=job_id)


@task()
def imported_articles_follow_up_task(page_ids: list[int]) -> None:
    """What publishing a story queues, done for an imported batch in one task: tagging (with any
    instant alerts) and Wagtail's reference index."""
    for page_id in page_ids:
        tag_article_task.call(page_id)
        update_reference_index_task.call("newsroom", "articlepage", str(page_id))
