"""Editors' admin: briefings, issues (with their desk), subscribers and the suppression list."""

from typing import Any

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from newsletters import admin_views
from newsletters.models import Issue, Newsletter, Subscriber, Suppression
from newsletters.services import issue_counts


class NewsletterViewSet(ModelViewSet):
    url_prefix = "newsletters/newsletter"
    model = Newsletter
    icon = "mail"
    menu_label = "Briefings"
    list_display = ["name", "slug", "cadence", "is_active", "pro_only"]
    search_fields = ["name", "slug"]
    inspect_view_enabled = True


class IssueIndexView(generic.IndexView):
    """The desk's first screen: a "New issue" button per briefing above the list of issues."""

    template_name = "newsletters/admin/issue_index.html"

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context["briefings"] = admin_views.briefings_for_desk()
        context["can_draft"] = admin_views._can_edit(self.request.user)
        return context


class IssueEditView(generic.EditView):
    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        issue = Issue.objects.filter(pk=kwargs.get("pk")).first()
        if issue is not None and not issue.is_editable:
            messages.warning(request, "This issue has started sending and can no longer be edited.")
            return redirect("newsletters_issue:dashboard", issue.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self) -> str:
        return reverse("newsletters_issue:dashboard", args=[self.object.pk])


class IssueCreateView(generic.CreateView):
    def get_success_url(self) -> str:
        return reverse("newsletters_issue:dashboard", args=[self.object.pk])


class IssueViewSet(ModelViewSet):
    url_prefix = "newsletters/issue"
    model = Issue
    icon = "doc-full"
    menu_label = "Issues"
    index_view_class = IssueIndexView
    add_view_class = IssueCreateView
    edit_view_class = IssueEditView
    list_filter = ["newsletter", "status"]
    search_fields = ["subject"]
    ordering = ["-created_at"]

    @property
    def list_display(self) -> list[Any]:  # type: ignore[override]
        return [
            TitleColumn("subject", url_name="newsletters_issue:dashboard", label="Subject"),
            Column("newsletter"),
            Column("number", label="No."),
            StatusTagColumn("status", accessor="get_status_display", primary=lambda i: i.status == "sent"),
            Column("scheduled_for", label="Scheduled for"),
            Column("started_at", label="Sent"),
        ]

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/desk/", admin_views.dashboard, name="dashboard"),
            path("<int:pk>/preview/<str:kind>/", admin_views.preview, name="preview"),
            path("<int:pk>/redraft/", admin_views.redraft, name="redraft"),
            path("<int:pk>/test/", admin_views.send_test, name="send_test"),
            path("<int:pk>/schedule/", admin_views.schedule, name="schedule"),
            path("<int:pk>/unschedule/", admin_views.unschedule, name="unschedule"),
            path("<int:pk>/send/", admin_views.send_now, name="send_now"),
            path("<int:pk>/pause/", admin_views.pause, name="pause"),
            path("<int:pk>/resume/", admin_views.resume, name="resume"),
            path("draft/", admin_views.draft_new, name="draft_new"),
        ]


class SubscriberViewSet(ModelViewSet):
    url_prefix = "newsletters/subscriber"
    model = Subscriber
    icon = "user"
    menu_label = "Subscribers"
    list_display = ["email", "name", "created_at", "confirmed_at"]
    search_fields = ["email", "name"]
    form_fields = ["name"]
    inspect_view_enabled = True


class SuppressionViewSet(ModelViewSet):
    url_prefix = "newsletters/suppression"
    model = Suppression
    icon = "cross"
    menu_label = "Suppression list"
    list_display = ["email", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]


class NewslettersGroup(ModelViewSetGroup):
    menu_label = "Newsletters"
    menu_icon = "mail"
    menu_order = 250
    items = (
        IssueViewSet("newsletters_issue"),
        NewsletterViewSet("newsletters_newsletter"),
        SubscriberViewSet("newsletters_subscriber"),
        SuppressionViewSet("newsletters_suppression"),
    )


@hooks.register("register_admin_viewset")
def register_newsletters() -> NewslettersGroup:
    return NewslettersGroup()


def _outcome(counts: dict[str, int]) -> dict[str, int]:
    """Delivered means accepted and not bounced back since: a bounce was accepted by our server first."""
    return {**counts, "delivered": max(0, counts["delivered"] - counts["bounced"])}


class SendsPanel(Component):
    """Today's scheduled sends, the last sends with their outcome, and a new issue per briefing."""

    name = "newsletters_sends"
    order = 60
    template_name = "wagtailadmin/home/newsletters_sends.html"

    def __init__(self, *, can_draft: bool) -> None:
        self.can_draft = can_draft

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        end_of_day = timezone.localtime().replace(hour=23, minute=59, second=59)
        scheduled = Issue.objects.filter(status=Issue.Status.SCHEDULED, scheduled_for__lte=end_of_day)
        recent = list(Issue.objects.exclude(started_at=None).select_related("newsletter").order_by("-started_at")[:5])
        return {
            "scheduled": scheduled.select_related("newsletter").order_by("scheduled_for"),
            "recent": [(issue, _outcome(issue_counts(issue=issue))) for issue in recent],
            "briefings": admin_views.briefings_for_desk(),
            "can_draft": self.can_draft,
        }


@hooks.register("construct_homepage_panels")
def add_sends_panel(request: Any, panels: list[Any]) -> None:
    if request.user.has_perm("newsletters.view_issue"):
        panels.insert(1 if panels else 0, SendsPanel(can_draft=admin_views._can_edit(request.user)))
