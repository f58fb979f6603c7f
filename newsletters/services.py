"""Writes that span models: signing up, confirming, leaving, drafting and sending issues."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from core.accounts import owns_verified_address
from core.entitlement import pro_users
from newsletters.mime import Addressee, MessageBuilder
from newsletters.models import (
    Consent,
    Delivery,
    Issue,
    IssueItem,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)
from newsletters.rendering import prepare_issue, sample_personal
from newsletters.sending import issue_needs_worker
from newsletters.tasks import send_confirmation_task, send_issue_task
from newsletters.transport import Outgoing, transport_for_settings
from newsroom.models import live_articles

logger = logging.getLogger(__name__)
CONFIRMATION_THROTTLE = dt.timedelta(minutes=10)
LEDGER_CHUNK = 2000


class IssueStateError(Exception):
    """The issue is not in a state that allows this (e.g. sending an issue already sent)."""


# -- addresses ---------------------------------------------------------------


def email_normalise(raw: str) -> str:
    """Lower-case, IDNA domain, ASCII local part, or a ValidationError with a clear message."""
    email = (raw or "").strip()
    if not email or len(email) > 254 or any(c in email for c in '\r\n\t <>",;'):
        raise ValidationError("Enter a valid email address, like name@example.com.")
    local, _, domain = email.rpartition("@")
    if not local or not domain:
        raise ValidationError("Enter a valid email address, like name@example.com.")
    if not local.isascii():
        raise ValidationError("Addresses with non-Latin characters before the @ are not supported yet.")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValidationError("That email domain is not valid.") from None
    email = f"{local}@{domain}".lower()
    validate_email(email)
    return email


def clean_name(raw: str) -> str:
    return " ".join((raw or "").split())[:100]


# -- subscribing ---------------------------------------------------------------


def _consent(subscriber: Subscriber, newsletter: Newsletter | None, action: str, meta: dict[str, Any]) -> None:
    Consent.objects.create(
        subscriber=subscriber,
        newsletter=newsletter,
        action=action,
        source=str(meta.get("source", ""))[:60],
        ip=meta.get("ip") or None,
        user_agent=str(meta.get("user_agent", ""))[:300],
    )


def subscriber_get_or_create(*, email: str, name: str = "") -> Subscriber:
    try:
        with transaction.atomic():
            subscriber, created = Subscriber.objects.get_or_create(email=email, defaults={"name": clean_name(name)})
    except IntegrityError:  # two signups for one address at the same moment
        subscriber, created = Subscriber.objects.get(email=email), False
    if not created and name and not subscriber.name:
        subscriber.name = clean_name(name)
        subscriber.save(update_fields=["name"])
    return subscriber


@transaction.atomic
def subscriber_signup(
    *,
    email: str,
    name: str = "",
    newsletters: Iterable[Newsletter],
    source: str,
    ip: str | None = None,
    user_agent: str = "",
    user: Any = None,
) -> Subscriber:
    """Record the request; send one confirmation (not a storm) unless the address is already proved."""
    meta = {"source": source, "ip": ip, "user_agent": user_agent}
    subscriber = subscriber_get_or_create(email=email, name=name)
    if user is not None and getattr(user, "is_authenticated", False) and subscriber.user_id is None:
        if (user.email or "").lower() == email:
            subscriber.user = user
            subscriber.save(update_fields=["user"])
    requested: list[Subscription] = []
    for newsletter in newsletters:
        subscription, _ = Subscription.objects.get_or_create(
            subscriber=subscriber, newsletter=newsletter, defaults={"source": source[:60]}
        )
        if subscription.status == Subscription.Status.ACTIVE:
            continue
        if subscription.status == Subscription.Status.UNSUBSCRIBED:
            subscription.status = Subscription.Status.PENDING
            subscription.save(update_fields=["status"])
        requested.append(subscription)
        _consent(subscriber, newsletter, Consent.Action.REQUESTED, meta)
    if not requested:
        return subscriber
    if owns_verified_address(user, email):
        subscriber_confirm(
            subscriber=subscriber,
            newsletter_ids=[s.newsletter_id for s in requested],
            source="verified account",
            ip=ip,
            user_agent=user_agent,
        )
        return subscriber
    now = timezone.now()
    recently = subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < CONFIRMATION_THROTTLE
    if not recently:
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["confirmation_sent_at"])

        transaction.on_commit(lambda: send_confirmation_task.enqueue(subscriber.pk))
    return subscriber


@transaction.atomic
def subscriber_confirm(
    *,
    subscriber: Subscriber,
    newsletter_ids: Iterable[int] | None = None,
    source: str = "confirmation email",
    ip: str | None = None,
    user_agent: str = "",
) -> list[Subscription]:
    now = timezone.now()
    if subscriber.confirmed_at is None:
        Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(confirmed_at=now)
        subscriber.confirmed_at = now
    pending = subscriber.subscriptions.select_related("newsletter").filter(status=Subscription.Status.PENDING)
    if newsletter_ids is not None:
        pending = pending.filter(newsletter_id__in=list(newsletter_ids))
    activated = []
    meta = {"source": source, "ip": ip, "user_agent": user_agent}
    for subscription in pending.select_for_update():
        subscription.status = Subscription.Status.ACTIVE
        subscription.confirmed_at = now
        subscription.save(update_fields=["status", "confirmed_at"])
        _consent(subscriber, subscription.newsletter, Consent.Action.CONFIRMED, meta)
        activated.append(subscription)
    return activated


@transaction.atomic
def subscriber_update(
    *,
    subscriber: Subscriber,
    wanted: Iterable[Newsletter],
    among: Iterable[Newsletter] | None = None,
    source: str = "manage page",
    ip: str | None = None,
    user_agent: str = "",
) -> tuple[int, int]:
    """Make the subscriber's active newsletters among `among` (default: all) exactly `wanted`.

    Called from pages only the subscriber can open (the emailed manage link, their account).
    """
    wanted_ids = {n.pk for n in wanted}
    meta = {"source": source, "ip": ip, "user_agent": user_agent}
    now = timezone.now()
    if subscriber.confirmed_at is None:
        Subscriber.objects.filter(pk=subscriber.pk).update(confirmed_at=now)
    joined = left = 0
    current = {s.newsletter_id: s for s in subscriber.subscriptions.select_related("newsletter")}
    for newsletter in Newsletter.objects.all() if among is None else among:
        subscription = current.get(newsletter.pk)
        active = subscription is not None and subscription.status == Subscription.Status.ACTIVE
        if newsletter.pk in wanted_ids and not active:
            if subscription is None:
                subscription = Subscription(subscriber=subscriber, newsletter=newsletter, source=source[:60])
            subscription.status = Subscription.Status.ACTIVE
            subscription.confirmed_at = now
            subscription.save()
            _consent(subscriber, newsletter, Consent.Action.SUBSCRIBED, meta)
            joined += 1
        elif newsletter.pk not in wanted_ids and subscription is not None and subscription.status != "unsubscribed":
            subscription_unsubscribe(subscription=subscription, source=source, ip=ip, user_agent=user_agent)
            left += 1
    return joined, left


@transaction.atomic
def subscription_unsubscribe(
    *, subscription: Subscription, source: str, ip: str | None = None, user_agent: str = ""
) -> bool:
    """Leave at once; True if this call changed anything (a second click is harmless)."""
    now = timezone.now()
    changed = Subscription.objects.filter(
        pk=subscription.pk, status__in=[Subscription.Status.ACTIVE, Subscription.Status.PENDING]
    ).update(status=Subscription.Status.UNSUBSCRIBED, unsubscribed_at=now)
    if not changed:
        return False
    subscription.status = Subscription.Status.UNSUBSCRIBED
    subscription.unsubscribed_at = now
    _consent(
        subscription.subscriber,
        subscription.newsletter,
        Consent.Action.UNSUBSCRIBED,
        {"source": source, "ip": ip, "user_agent": user_agent},
    )
    latest = subscription.deliveries.filter(state=Delivery.State.SENT).order_by("-sent_at").first()
    if latest is not None:
        Delivery.objects.filter(pk=latest.pk, unsubscribed_at__isnull=True).update(unsubscribed_at=now)
    return True


def subscriber_for_user(*, user: Any) -> Subscriber:
    subscriber = subscriber_get_or_create(email=email_normalise(user.email), name=user.get_full_name())
    if subscriber.user_id is None:
        subscriber.user = user
        subscriber.save(update_fields=["user"])
    return subscriber


# -- suppression -----------------------------------------------------------------


def suppression_add(*, email: str, reason: str, detail: str = "", message_id: str = "") -> Suppression:
    """Never send bulk mail to this address again; note it on the delivery it came from."""
    email = email.strip().lower()
    suppression, _ = Suppression.objects.get_or_create(email=email, defaults={"reason": reason, "detail": detail[:300]})
    field = {
        Suppression.Reason.BOUNCED: "bounced_at",
        Suppression.Reason.REJECTED: "bounced_at",
        Suppression.Reason.COMPLAINED: "complained_at",
    }.get(reason)  # type: ignore[call-overload]
    if field:
        deliveries = Delivery.objects.filter(email=email, state=Delivery.State.SENT)
        if message_id:
            deliveries = deliveries.filter(esp_message_id=message_id)
        latest = deliveries.order_by("-sent_at").first()
        if latest is not None:
            Delivery.objects.filter(pk=latest.pk).update(**{field: timezone.now()})
    return suppression


# -- issues ----------------------------------------------------------------------


def _since(newsletter: Newsletter) -> dt.datetime:
    last = (
        Issue.objects.filter(newsletter=newsletter, status__in=[Issue.Status.SENT, Issue.Status.SENDING])
        .exclude(started_at=None)
        .order_by("-started_at")
        .first()
    )
    if last is not None and last.started_at is not None:
        return last.started_at
    days = 1 if newsletter.cadence == Newsletter.Cadence.DAILY else 7
    return timezone.now() - dt.timedelta(days=days)


def newsletter_articles(*, newsletter: Newsletter, since: dt.datetime | None = None) -> list[Any]:
    """Articles published since the newsletter's last issue, in its sections and topics, newest first."""
    articles = live_articles().filter(published_at__gt=since or _since(newsletter))
    if not newsletter.all_sections:
        feeds = Q(pk__in=[])
        for section in newsletter.sections.all():
            feeds |= Q(path__startswith=section.path, depth=section.depth + 1)
        topic_ids = list(newsletter.topics.values_list("pk", flat=True))
        if topic_ids:
            feeds |= Q(topics__in=topic_ids)
        articles = articles.filter(feeds).distinct()
    return list(articles[: newsletter.max_items])


def _default_subject(newsletter: Newsletter, articles: list[Any]) -> str:
    if articles:
        return f"{newsletter.name}: {articles[0].title}"[:150]
    return f"{newsletter.name} — {timezone.localdate():%-d %B %Y}"


@transaction.atomic
def issue_draft(
    *, newsletter: Newsletter, user: Any = None, issue: Issue | None = None, since: dt.datetime | None = None
) -> Issue:
    """Fill an issue (a new one unless given) with the newsletter's new articles; editors then edit it.

    A redraft keeps the editor's notes and section headings of the stories it takes again.
    """
    since = since or _since(newsletter)
    articles = newsletter_articles(newsletter=newsletter, since=since)
    if issue is None:
        issue = Issue.objects.create(
            newsletter=newsletter,
            subject=_default_subject(newsletter, articles),
            preheader=(articles[0].dek if articles else "")[:150],
            created_by=user if getattr(user, "is_authenticated", False) else None,
            drafted_since=since,
        )
        kept: dict[int, tuple[str, str]] = {}
    elif not issue.is_editable:
        raise IssueStateError("Only a draft or scheduled issue can be redrafted.")
    else:
        kept = {item.article_id: (item.heading, item.note) for item in issue.items.all()}
        issue.items.all().delete()
        issue.drafted_since = since
        if not issue.subject:
            issue.subject = _default_subject(newsletter, articles)
            issue.preheader = issue.preheader or (articles[0].dek if articles else "")[:150]
        issue.save(update_fields=["subject", "preheader", "drafted_since"])
    IssueItem.objects.bulk_create(
        [
            IssueItem(
                issue=issue,
                article=article,
                sort_order=n,
                heading=kept.get(article.pk, ("", ""))[0],
                note=kept.get(article.pk, ("", ""))[1],
            )
            for n, article in enumerate(articles)
        ]
    )
    return issue


def issue_previous(*, issue: Issue) -> Issue | None:
    """The newsletter's last issue that went out before this one."""
    return (
        Issue.objects.filter(newsletter_id=issue.newsletter_id, status__in=[Issue.Status.SENT, Issue.Status.SENDING])
        .exclude(pk=issue.pk)
        .exclude(started_at=None)
        .order_by("-started_at")
        .first()
    )


def _pro_addresses() -> set[str]:
    """Addresses whose owner holds PRO, in one query; an address counts only once verified."""
    verified = EmailAddress.objects.filter(verified=True, user__in=pro_users().values("pk"))
    return {email.lower() for email in verified.values_list("email", flat=True).iterator(chunk_size=2000)}


def issue_plan(*, issue: Issue) -> int:
    """Write the frozen ledger: one queued Delivery per confirmed, unsuppressed subscriber."""
    pro = _pro_addresses()
    subscriptions = (
        Subscription.objects.filter(newsletter=issue.newsletter, status=Subscription.Status.ACTIVE)
        .exclude(subscriber__email__in=Suppression.objects.values("email"))
        .order_by("pk")
        .values_list("pk", "subscriber_id", "subscriber__email")
    )
    batch: list[Delivery] = []
    total = 0
    for subscription_id, subscriber_id, email in subscriptions.iterator(chunk_size=LEDGER_CHUNK):
        is_pro = email in pro
        if issue.newsletter.pro_only and not is_pro:
            continue
        batch.append(
            Delivery(issue=issue, subscriber_id=subscriber_id, subscription_id=subscription_id, email=email, pro=is_pro)
        )
        if len(batch) >= LEDGER_CHUNK:
            total += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    if batch:
        total += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
    return total


def issue_audience_count(*, issue: Issue) -> int:
    """How many people a send would reach now: the count `issue_plan` would write, without writing it."""
    subscriptions = Subscription.objects.filter(newsletter=issue.newsletter, status=Subscription.Status.ACTIVE).exclude(
        subscriber__email__in=Suppression.objects.values("email")
    )
    if not issue.newsletter.pro_only:
        return subscriptions.count()
    pro = _pro_addresses()
    emails = subscriptions.values_list("subscriber__email", flat=True).iterator(chunk_size=LEDGER_CHUNK)
    return sum(1 for email in emails if email in pro)


def _enqueue_workers(issue_id: int) -> None:
    for _ in range(max(1, settings.NEWSLETTER_SEND_WORKERS)):
        send_issue_task.enqueue(issue_id)


def issue_send_start(*, issue: Issue, enqueue: bool = True) -> int:
    """Freeze the ledger and hand the issue to the workers; returns the number of recipients."""
    with transaction.atomic():
        started = Issue.objects.filter(pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]).update(
            status=Issue.Status.SENDING, started_at=timezone.now()
        )
        if started != 1:
            raise IssueStateError("This issue has already been sent or is being sent.")
        if not issue.items.exists():
            raise IssueStateError("This issue has no articles yet.")
        recipients = issue_plan(issue=issue)
        if enqueue:
            transaction.on_commit(lambda: _enqueue_workers(issue.pk))
    issue.refresh_from_db()
    return recipients


def issue_schedule(*, issue: Issue, when: dt.datetime) -> Issue:
    if when <= timezone.now():
        raise IssueStateError("Choose a time in the future, or press “Send now”.")
    if not issue.items.exists():
        raise IssueStateError("This issue has no articles yet.")
    if (
        Issue.objects.filter(pk=issue.pk, status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]).update(
            status=Issue.Status.SCHEDULED, scheduled_for=when
        )
        != 1
    ):
        raise IssueStateError("Only a draft can be scheduled.")
    issue.refresh_from_db()
    return issue


def issue_unschedule(*, issue: Issue) -> Issue:
    """Cancel a scheduled send; refused once the sender has picked the issue up."""
    cancelled = Issue.objects.filter(pk=issue.pk, status=Issue.Status.SCHEDULED).update(
        status=Issue.Status.DRAFT, scheduled_for=None
    )
    if cancelled != 1 and not Issue.objects.filter(pk=issue.pk, status=Issue.Status.DRAFT).exists():
        raise IssueStateError("Sending has already started: it can be paused, no longer cancelled.")
    issue.refresh_from_db()
    return issue


def issue_pause(*, issue: Issue) -> Issue:
    if Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(status=Issue.Status.PAUSED) != 1:
        raise IssueStateError("Only an issue that is sending can be paused.")
    issue.refresh_from_db()
    return issue


def issue_resume(*, issue: Issue) -> Issue:
    with transaction.atomic():
        if Issue.objects.filter(pk=issue.pk, status=Issue.Status.PAUSED).update(status=Issue.Status.SENDING) != 1:
            raise IssueStateError("Only a paused issue can be resumed.")
        transaction.on_commit(lambda: _enqueue_workers(issue.pk))
    issue.refresh_from_db()
    return issue


def issue_send_test(*, issue: Issue, to: str, name: str = "") -> None:
    """Send one copy, through the real sending path, marked as a test; no ledger row."""
    prepared = prepare_issue(issue, variants=(True,) if issue.newsletter.pro_only else (False,))
    pro = issue.newsletter.pro_only
    personal = sample_personal(issue, email=to, name=name)
    html, text = prepared.personalise(pro=pro, **personal)
    subject = f"[Test] {prepared.subject}"
    builder = MessageBuilder(
        from_email=prepared.from_email,
        subject=subject,
        reply_to=prepared.reply_to,
        list_id=prepared.list_id,
        unsubscribe_mailto=settings.NEWSLETTER_UNSUBSCRIBE_MAILTO,
    )
    mid = f"<test.{timezone.now().timestamp():.0f}.{issue.uuid.hex}@{settings.SITE_HOST}>"
    addressee = Addressee(to, name, mid, personal["unsubscribe_url"], "test")
    transport = transport_for_settings()
    message = Outgoing(
        prepared.from_email, to, name, subject, prepared.reply_to, builder.headers(addressee), html, text
    )
    if transport.needs_raw:
        message.raw = builder.build(addressee, html=html, text=text)
    try:
        transport.send(message)
    finally:
        transport.close()


def issue_counts(*, issue: Issue) -> dict[str, int]:
    deliveries = Delivery.objects.filter(issue=issue)
    by_state = dict(deliveries.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    return {
        "recipients": sum(by_state.values()),
        "queued": by_state.get("queued", 0) + by_state.get("claimed", 0),
        "in_flight": by_state.get("sending", 0),
        "delivered": by_state.get("sent", 0),
        "failed": by_state.get("failed", 0),
        "skipped": by_state.get("skipped", 0),
        "unknown": by_state.get("unknown", 0),
        "possible_duplicates": deliveries.filter(possible_duplicate=True).count(),
        "bounced": deliveries.exclude(bounced_at=None).count(),
        "complained": deliveries.exclude(complained_at=None).count(),
        "unsubscribed": deliveries.exclude(unsubscribed_at=None).count(),
    }


# -- periodic work -----------------------------------------------------------------


def issues_send_due() -> tuple[int, int]:
    """Start scheduled issues whose time has come; restart stalled sends. Returns (started, resumed)."""
    started = resumed = 0
    for issue in Issue.objects.filter(status=Issue.Status.SCHEDULED, scheduled_for__lte=timezone.now()):
        try:
            issue_send_start(issue=issue)
            started += 1
        except IssueStateError as error:
            logger.warning("issue %s not started: %s", issue.pk, error)
    for issue_id in Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True):
        if issue_needs_worker(issue_id=issue_id):
            _enqueue_workers(issue_id)
            resumed += 1
    return started, resumed


def _local_now(newsletter: Newsletter) -> dt.datetime:
    try:
        zone = ZoneInfo(newsletter.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return timezone.now().astimezone(zone)


def daily_issues_draft(*, lead: dt.timedelta = dt.timedelta(hours=1)) -> list[Issue]:
    """Draft today's issue of each auto-drafted newsletter from an hour before its send time."""
    drafted = []
    for newsletter in Newsletter.objects.filter(auto_draft=True, is_active=True):
        now = _local_now(newsletter)
        send_at = now.replace(hour=newsletter.send_time.hour, minute=newsletter.send_time.minute, second=0)
        if now < send_at - lead:
            continue
        day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        if Issue.objects.filter(newsletter=newsletter, created_at__gte=day_start).exists():
            continue
        drafted.append(issue_draft(newsletter=newsletter))
    return drafted
