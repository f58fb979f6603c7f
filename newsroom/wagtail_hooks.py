"""The newsroom's admin: the history entry kept when an editor publishes past a pre-publish check."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail import hooks
from wagtail.log_actions import LogFormatter, log

from newsroom.admin_forms import OVERRIDE_FIELD, missing_before_publish
from newsroom.models import ArticlePage

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
