"""Thin background tasks: take ids, load, call a service."""

from django_tasks import task

from lib.page_cache import invalidate_all
from newsroom.models import related_stories_refresh


@task()
def refresh_related_stories_task(article_ids: list[int], neighbours: bool = False, drop_cached: bool = False) -> None:
    related_stories_refresh(article_ids=article_ids, neighbours=neighbours)
    if drop_cached:
        # Their cached pages still list fewer stories than they should.
        invalidate_all()
