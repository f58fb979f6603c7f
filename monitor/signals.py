"""Signal receivers: they only enqueue work or mark caches stale."""

from typing import Any

from django.db import transaction

from monitor.registry import registry_touch
from monitor.tasks import tag_article_task
from newsroom.models import ArticlePage


def enqueue_tagging(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    page_id = instance.pk
    transaction.on_commit(lambda: tag_article_task.enqueue(page_id))


def registry_changed(sender: type, **kwargs: Any) -> None:
    registry_touch()
