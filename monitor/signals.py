"""Signal receivers: they only enqueue work or mark caches stale."""

from typing import Any

from django.db import transaction

from newsroom.models import ArticlePage


def enqueue_tagging(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    from monitor.tasks import tag_article

    page_id = instance.pk
    transaction.on_commit(lambda: tag_article.enqueue(page_id))


def registry_changed(sender: type, **kwargs: Any) -> None:
    from monitor.registry import registry_touch

    registry_touch()
