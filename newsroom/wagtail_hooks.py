"""The newsroom's admin: choosers with search for a story's authors and topics, the history entry
kept when an editor publishes past a pre-publish check, and the stories panel on the admin's first
screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet, Sum
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import path
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision, WorkflowState

from newsroom.admin_choosers import HOOK, Chooser, choosers
from newsroom.admin_forms import OVERRIDE_FIELD, missing_before_publish
from newsroom.models import ArticlePage, ArticleReads, AuthorPage, SectionPage, TopicPage

PUBLISH_ANYWAY = "newsroom.publish_anyway"


@hooks.register("register_log_actions")
def register_publish_anyway(actions: Any) -> None:
    @actions.register_action(PUBLISH_ANYWAY)
    class PublishAnyway(LogFormatter):
        label = "Published despite pre-publish checks"

        def format_message(self, log_entry: Any) -> str:
            data = log_entry.data or {}
            missing = "; ".join(data.get("missing", [])) or "nothing"
            return f"Published without {missing}. Reason: {data.get('reason', '')}"


def _by_title(queryset: QuerySet[Any], query: str) -> QuerySet[Any]:
    return queryset.filter(title__icontains=query).order_by("title")


@hooks.register(HOOK)
def author_chooser() -> Chooser:
    return Chooser(
        name="authors",
        noun="authors",
        queryset=lambda: AuthorPage.objects.all(),
        search=_by_title,
        detail=lambda author: author.role,
    )


@hooks.register(HOOK)
def topic_chooser() -> Chooser:
    return Chooser(
        name="topics",
        noun="topics and countries",
        queryset=lambda: TopicPage.objects.all(),
        search=_by_title,
        detail=lambda topic: topic.get_kind_display(),
    )


def chooser_search(request: HttpRequest, name: str) -> JsonResponse:
    """Up to 20 matches for what an editor typed in a chooser's search box."""
    chooser = choosers().get(name)
    if chooser is None:
        raise Http404("No such chooser.")
    return JsonResponse({"results": chooser.results(request.GET.get("q", ""))})


@hooks.register("register_admin_urls")
def register_chooser_urls() -> list[Any]:
    return [path("newsroom/choose/<slug:name>/", chooser_search, name="newsroom_chooser_search")]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def save_outside_choices(request: HttpRequest, page: Any) -> None:
    """Save what an editor chose in choosers kept outside the page (Monitor's entities), once the page is saved."""
    chosen = getattr(page, "_chosen_outside", None) or {}
    registered = choosers()
    for name, (added, removed) in chosen.items():
        save = registered[name].save if name in registered else None
        if save is not None:
            save(page.specific, added, removed)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def log_publish_anyway(request: HttpRequest, page: Any) -> None:
    """Keep the reason with the revision it published, beside Wagtail's own “Published” entry."""
    page = page.specific
    reason = " ".join(request.POST.get(OVERRIDE_FIELD, "").split())[:300]
    if not isinstance(page, ArticlePage) or "action-publish" not in request.POST or not reason or not page.live:
        return
    missing = missing_before_publish(
        dek=page.dek,
        hero_image=page.hero_image,
        hero_alt=page.hero_alt,
        access=page.access,
        body=page.body,
        parent=page.get_parent(),
    )
    if missing:
        log(
            instance=page,
            action=PUBLISH_ANYWAY,
            user=request.user,
            revision=page.live_revision,
            data={"reason": reason, "missing": missing},
        )


def most_read_ranks(now: dt.datetime, hours: int = 24) -> dict[int, tuple[int, int]]:
    """Each live story read in the last `hours`: its place in the most-read list and its reads,
    ranked as the home page's Most read ranks them (most reads first, then the older story)."""
    totals = (
        ArticleReads.objects.filter(hour__gte=now - dt.timedelta(hours=hours), article__live=True)
        .values("article_id")
        .annotate(total=Sum("count"))
        .order_by("-total", "article_id")
        .values_list("article_id", "total")
    )
    return {article_id: (rank, total) for rank, (article_id, total) in enumerate(totals, start=1)}


class StoriesPanel(Component):
    """The newsroom's day on the admin's first screen: what is scheduled, waiting and out."""

    name = "newsroom_stories"
    order = 50
    template_name = "wagtailadmin/home/newsroom_stories.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        now = timezone.now()
        end_of_day = timezone.localtime(now).replace(hour=23, minute=59, second=59)
        scheduled_ids = Revision.page_revisions.filter(
            approved_go_live_at__isnull=False, approved_go_live_at__lte=end_of_day
        ).values_list("object_id", flat=True)
        published = list(
            ArticlePage.objects.live()
            .filter(first_published_at__gte=now - dt.timedelta(hours=24))
            .order_by("-first_published_at")[:20]
        )
        ranks = most_read_ranks(now)
        # Workflow states name the page by its base (Page) content type, so a join from
        # ArticlePage through the generic relation never matches: look them up directly.
        waiting = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, content_type=ContentType.objects.get_for_model(ArticlePage)
        ).values_list("object_id", flat=True)
        for page in published:
            page.read_rank, page.read_count = ranks.get(page.pk, (None, 0))
        return {
            "scheduled": ArticlePage.objects.filter(pk__in=[int(pk) for pk in scheduled_ids]).order_by("title")[:20],
            "awaiting_review": ArticlePage.objects.filter(pk__in=[int(pk) for pk in waiting]).order_by("title")[:20],
            "published": published,
            "sections": SectionPage.objects.live().order_by("path"),
        }


@hooks.register("construct_homepage_panels")
def add_stories_panel(request: HttpRequest, panels: list[Any]) -> None:
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.insert(0, StoriesPanel())
