"""Turns what the lower layers announce into webhook events. Receivers only record deliveries."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.signals import page_published, page_unpublished

from core.entitlement import CACHE_ATTRIBUTE, pro_user_ids, user_is_pro
from membership.services import pro_may_have_changed
from monitor.alerts import alert_fired
from newsletters.models import Issue
from newsletters.sending import issue_sent
from newsroom.models import ArticlePage, articles_imported
from webhooks.models import Event, MemberProState
from webhooks.services import webhook_event_record, webhook_events_record
from webhooks.tasks import deliveries_enqueue_on_commit


def _absolute(url: str | None) -> str:
    url = url or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def _emit(*, event: str, data: dict[str, Any]) -> None:
    deliveries_enqueue_on_commit(webhook_event_record(event=event, data=data))


def article_data(article: Any) -> dict[str, Any]:
    """What receivers learn of a story: what its public page shows above the body."""
    parent = article.get_parent()
    return {
        "id": article.pk,
        "title": article.title,
        "dek": article.dek,
        "url": _absolute(article.url),
        "access": article.access,
        "section": parent.slug if parent else None,
        "published_at": article.published_at or article.first_published_at,
        "api_url": f"{settings.SITE_URL}/api/v1/articles/{article.pk}/",
    }


def on_article_published(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    first = instance.first_published_at is None or instance.last_published_at == instance.first_published_at
    event = Event.ARTICLE_PUBLISHED if first else Event.ARTICLE_UPDATED
    _emit(event=event, data=article_data(instance))


def on_articles_imported(sender: type, articles: list[Any], **kwargs: Any) -> None:
    """Stories published together by an import: announced as published, like one published by hand."""
    deliveries_enqueue_on_commit(
        webhook_events_record(event=Event.ARTICLE_PUBLISHED, items=articles, data=article_data)
    )


def on_article_unpublished(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    _emit(
        event=Event.ARTICLE_UNPUBLISHED,
        data={"id": instance.pk, "title": instance.title, "url": _absolute(instance.url)},
    )


def on_issue_sent(sender: type, issue_id: int, **kwargs: Any) -> None:
    issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
    data = {
        "newsletter": issue.newsletter.slug,
        "number": issue.number,
        "subject": issue.subject,
        "sent_at": issue.finished_at,
        "url": "" if issue.newsletter.pro_only else _absolute(issue.get_absolute_url()),
    }
    _emit(event=Event.ISSUE_SENT, data=data)


def on_alert_fired(sender: type, alert: Any, article: Any, **kwargs: Any) -> None:
    data = {"alert": str(alert.token), "name": alert.name, "user_id": alert.user_id, "article": article_data(article)}
    _emit(event=Event.ALERT_FIRED, data=data)


def on_pro_may_have_changed(sender: type, user_ids: list[int], **kwargs: Any) -> None:
    for user in get_user_model()._default_manager.filter(pk__in=user_ids):
        if hasattr(user, CACHE_ATTRIBUTE):
            delattr(user, CACHE_ATTRIBUTE)
        now_pro = user_is_pro(user)
        state, created = MemberProState.objects.get_or_create(user=user, defaults={"is_pro": now_pro})
        if not created and state.is_pro == now_pro:
            continue
        if created and not now_pro:
            continue  # never PRO: nothing to announce
        # Claimed on the old value, so two checks at once announce a change once.
        if not MemberProState.objects.filter(pk=state.pk, is_pro=state.is_pro).update(is_pro=now_pro):
            continue
        event = Event.MEMBER_JOINED_PRO if now_pro else Event.MEMBER_LEFT_PRO
        _emit(event=event, data={"user_id": user.pk, "email": user.email})


def pro_lapses_announce(*, chunk: int = 1000) -> int:
    """Members last announced as PRO whose PRO has simply run out (no cancel, no webhook from billing).

    Nothing else happens when a grant or a past-due grace period ends, so the
    scheduler asks: each is announced as having left PRO, once."""
    known = MemberProState.objects.filter(is_pro=True).order_by("user_id").values_list("user_id", flat=True)
    lapsed = 0
    last = 0
    while ids := list(known.filter(user_id__gt=last)[:chunk]):
        last = ids[-1]
        gone = sorted(set(ids) - pro_user_ids(ids))
        if gone:
            pro_may_have_changed.send(sender=MemberProState, user_ids=gone)
            lapsed += len(gone)
    return lapsed


def connect() -> None:
    page_published.connect(on_article_published, sender=ArticlePage, dispatch_uid="webhooks-article-published")
    page_unpublished.connect(on_article_unpublished, sender=ArticlePage, dispatch_uid="webhooks-article-unpublished")
    articles_imported.connect(on_articles_imported, dispatch_uid="webhooks-articles-imported")
    issue_sent.connect(on_issue_sent, dispatch_uid="webhooks-issue-sent")
    alert_fired.connect(on_alert_fired, dispatch_uid="webhooks-alert-fired")
    pro_may_have_changed.connect(on_pro_may_have_changed, dispatch_uid="webhooks-pro-changed")
