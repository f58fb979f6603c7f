"""Signal receivers: they enqueue work, mark caches stale, or pass freshly recorded suggestions on."""

from typing import Any

from django.db import transaction

from monitor.models import SuggestedEntity
from monitor.registry import registry_touch
from monitor.services import suggestions_publish_confident
from monitor.tagging import suggestions_recorded
from monitor.tasks import tag_article_task
from newsroom.models import ArticlePage


def enqueue_tagging(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    page_id = instance.pk
    transaction.on_commit(lambda: tag_article_task.enqueue(page_id))


def registry_changed(sender: type, **kwargs: Any) -> None:
    registry_touch()


__all__ = ["suggestions_recorded"]


def publish_confident_suggestions(sender: type, rows: list[SuggestedEntity], **kwargs: Any) -> None:
    suggestions_publish_confident(rows)
