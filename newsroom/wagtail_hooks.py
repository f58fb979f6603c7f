"""The newsroom's admin: the history entry kept when an editor publishes past a pre-publish check,
and the stories panel on the admin's first screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision, WorkflowState

from newsroom.admin_forms import OVERRIDE_FIELD, missing_before_publish
from newsroom.models import ArticlePage, SectionPage

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
        return {
            "scheduled": ArticlePage.objects.filter(pk__in=[int(pk) for pk in scheduled_ids]).order_by("title")[:20],
            "awaiting_review": ArticlePage.objects.filter(
                _workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
            ).distinct()[:20],
            "published": ArticlePage.objects.live()
            .filter(first_published_at__gte=now - dt.timedelta(hours=24))
            .order_by("-first_published_at")[:20],
            "sections": SectionPage.objects.live().order_by("path"),
        }


@hooks.register("construct_homepage_panels")
def add_stories_panel(request: HttpRequest, panels: list[Any]) -> None:
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.insert(0, StoriesPanel())
