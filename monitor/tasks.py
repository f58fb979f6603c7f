"""Thin background tasks: take ids, load, call a service."""

from functools import partial

from django.db import transaction
from django_tasks import task

from monitor.alerts import alert_delivery_send, alerts_match_article
from monitor.models import Alert
from monitor.tagging import article_tag
from newsroom.models import ArticlePage, related_stories_refresh


@task()
def tag_article_task(page_id: int) -> None:
    article = ArticlePage.objects.live().filter(pk=page_id).first()
    if article is None:
        return  # unpublished or deleted before the worker got to it
    article_tag(article=article)
    # Its entities weigh in its related stories, and it may now belong in theirs.
    related_stories_refresh(article_ids=[article.pk], neighbours=True)
    for delivery in alerts_match_article(article=article):
        if delivery.alert.frequency == Alert.Frequency.INSTANT:
            transaction.on_commit(partial(send_alert_task.enqueue, delivery.pk))


@task()
def send_alert_task(delivery_id: int) -> None:
    alert_delivery_send(delivery_id=delivery_id)
