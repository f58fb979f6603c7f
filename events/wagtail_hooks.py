"""Staff run events from Wagtail's admin: Events (with speakers) and Registrations."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from events.models import Event, Registration
from lib.csv import SafeCsvExportMixin
from lib.page_cache import invalidate_all


class SafeExportIndexView(SafeCsvExportMixin, IndexView):
    """The list view, whose CSV export neutralises formula-looking cells (questions, names)."""


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = "Events"
    list_display = ["title", "kind", "starts_at", "city", "capacity", "published", "attendee_csv"]
    list_filter = ["kind", "published", "invitation_only"]
    search_fields = ["title", "teaser"]
    ordering = ["-starts_at"]


class RegistrationViewSet(SnippetViewSet):
    index_view_class = SafeExportIndexView
    model = Registration
    icon = "group"
    menu_label = "Registrations"
    list_display = ["event", "user", "status", "created_at", "promoted_at"]
    list_filter = ["status", "event"]
    list_export = ["event", "user", "status", "question", "created_at", "waitlisted_at", "promoted_at", "cancelled_at"]
    export_filename = "registrations"
    search_fields = ["user__email", "event__title"]
    panels = [FieldPanel("question", read_only=True)]
    add_to_admin_menu = False

    def get_queryset(self, request: Any) -> Any:
        return Registration.objects.select_related("event", "user")


class EventsGroup(SnippetViewSetGroup):
    menu_label = "Events"
    menu_icon = "date"
    menu_order = 250
    items = (EventViewSet, RegistrationViewSet)


register_snippet(EventsGroup)


def _drop_cached_pages(request: Any, instance: Any) -> None:
    # Listings and the home page show events; new, edited or deleted ones appear at once.
    if isinstance(instance, Event) or (isinstance(instance, list) and any(isinstance(i, Event) for i in instance)):
        transaction.on_commit(invalidate_all)


hooks.register("after_create_snippet", _drop_cached_pages)
hooks.register("after_edit_snippet", _drop_cached_pages)
hooks.register("after_delete_snippet", lambda request, instances: _drop_cached_pages(request, list(instances)))
