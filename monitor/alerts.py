"""Alerts: which saved searches a new article matches, and sending them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from core.entitlement import user_is_pro
from lib.emails import send_templated_email
from monitor.models import Alert, AlertDelivery, ArticleEntity
from monitor.tagger import normalise_key
from monitor.tagging import article_text
from newsroom.models import ArticlePage

DIGEST_EVERY = dt.timedelta(hours=23)

# Sent with `alert` and `article` once an instant alert has gone out.
alert_fired = Signal()


def alert_words(alert: Alert) -> list[str]:
    return [w for w in normalise_key(alert.words).split() if w]


def alert_matches(*, alert: Alert, words: set[str], entity_ids: set[int], section_id: int | None) -> bool:
    """Every word, any of the entities, any of the sections; an empty criterion matches all."""
    wanted_entities = {e.pk for e in alert.entities.all()}
    wanted_sections = {s.pk for s in alert.sections.all()}
    required = alert_words(alert)
    if not (required or wanted_entities or wanted_sections):
        return False
    if required and not all(w in words for w in required):
        return False
    if wanted_entities and not wanted_entities & entity_ids:
        return False
    return not (wanted_sections and section_id not in wanted_sections)


def alerts_match_article(*, article: ArticlePage) -> list[AlertDelivery]:
    """Record a delivery for each active alert the article matches (the tag task sends the instant ones)."""
    words = set(normalise_key(article_text(article)).split())
    entity_ids = set(ArticleEntity.objects.filter(article=article, removed=False).values_list("entity_id", flat=True))
    section = article.get_parent()
    deliveries = []
    alerts = Alert.objects.filter(is_active=True).select_related("user").prefetch_related("entities", "sections")
    for alert in alerts:
        if not alert_matches(
            alert=alert, words=words, entity_ids=entity_ids, section_id=section.pk if section else None
        ):
            continue
        delivery, created = AlertDelivery.objects.get_or_create(alert=alert, article=article)
        if not created:
            continue  # a republished story never alerts twice
        deliveries.append(delivery)
    return deliveries


def _manage_urls(alert: Alert) -> dict[str, str]:
    return {
        "manage_url": settings.SITE_URL + reverse("monitor:alert_leave", args=[alert.token]),
        "alerts_url": settings.SITE_URL + reverse("monitor:alerts"),
    }


def _headers(alert: Alert) -> dict[str, str]:
    leave = settings.SITE_URL + reverse("monitor:alert_leave", args=[alert.token])
    return {"List-Unsubscribe": f"<{leave}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _article_item(article: ArticlePage) -> dict[str, object]:
    # Headline, standfirst and link only: never body text, even to a PRO member.
    return {"title": article.title, "dek": article.dek, "url": article.full_url or "", "date": article.date}


def alert_delivery_send(*, delivery_id: int) -> bool:
    """Send one instant alert; the row is claimed first so a second worker sends nothing."""
    claimed = AlertDelivery.objects.filter(pk=delivery_id, state=AlertDelivery.State.PENDING).update(
        state=AlertDelivery.State.SENDING
    )
    if claimed != 1:
        return False
    delivery = AlertDelivery.objects.select_related("alert__user", "article").get(pk=delivery_id)
    alert = delivery.alert
    if not alert.is_active or not user_is_pro(alert.user) or not alert.user.email:
        AlertDelivery.objects.filter(pk=delivery_id).update(state=AlertDelivery.State.SKIPPED)
        return False
    send_templated_email(
        template="monitor_alert",
        to=[alert.user.email],
        context={"alert": alert, "article": _article_item(delivery.article.specific), **_manage_urls(alert)},
        headers=_headers(alert),
    )
    AlertDelivery.objects.filter(pk=delivery_id).update(state=AlertDelivery.State.SENT, sent_at=timezone.now())
    alert_fired.send(sender=Alert, alert=alert, article=delivery.article)
    return True


def alert_digests_send(*, force: bool = False) -> tuple[int, int]:
    """One email per daily alert with waiting matches. Returns (emails, articles)."""
    now = timezone.now()
    emails = articles = 0
    due = Alert.objects.filter(frequency=Alert.Frequency.DAILY, deliveries__state=AlertDelivery.State.PENDING)
    for alert in due.distinct().select_related("user"):
        if not force and alert.last_digest_at and now - alert.last_digest_at < DIGEST_EVERY:
            continue
        pending = list(alert.deliveries.filter(state=AlertDelivery.State.PENDING).values_list("pk", flat=True))
        claimed = AlertDelivery.objects.filter(pk__in=pending, state=AlertDelivery.State.PENDING).update(
            state=AlertDelivery.State.SENDING
        )
        if not claimed:
            continue
        batch = AlertDelivery.objects.filter(pk__in=pending, state=AlertDelivery.State.SENDING).select_related(
            "article"
        )
        if not alert.is_active or not user_is_pro(alert.user) or not alert.user.email:
            batch.update(state=AlertDelivery.State.SKIPPED)
            continue
        items = [_article_item(d.article.specific) for d in batch]
        send_templated_email(
            template="monitor_alert_digest",
            to=[alert.user.email],
            context={"alert": alert, "articles": items, **_manage_urls(alert)},
            headers=_headers(alert),
        )
        batch.update(state=AlertDelivery.State.SENT, sent_at=now)
        Alert.objects.filter(pk=alert.pk).update(last_digest_at=now)
        emails += 1
        articles += len(items)
    return emails, articles
