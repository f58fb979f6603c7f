"""Thin background tasks: take ids, load, call a service."""

from django_tasks import task

from newsroom.models import ArticlePage


@task()
def tag_article(page_id: int) -> None:
    from monitor.alerts import alerts_match_article
    from monitor.services import article_tag

    article = ArticlePage.objects.live().filter(pk=page_id).first()
    if article is None:
        return  # unpublished or deleted before the worker got to it
    article_tag(article=article)
    alerts_match_article(article=article)


@task()
def send_alert(delivery_id: int) -> None:
    from monitor.alerts import alert_delivery_send

    alert_delivery_send(delivery_id=delivery_id)
