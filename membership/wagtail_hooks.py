"""Staff tools in Wagtail's admin: members, teams, plans, enquiries, Stripe events.

Each list filters and exports to CSV/XLSX (Wagtail's list_export); CSV cells that a
spreadsheet would run as formulas are written as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from lib.csv import SafeCsvExportMixin
from membership.models import Lead, Membership, Plan, StripeEvent, SubscriptionStatus, Team, TrialClaim


class SafeExportIndexView(SafeCsvExportMixin, generic.IndexView):
    """The list view, whose CSV export neutralises formula-looking cells (names, messages)."""


class MembershipViewSet(ModelViewSet):
    index_view_class = SafeExportIndexView
    model = Membership
    name = "members"
    url_prefix = "membership/members"
    icon = "user"
    menu_label = "Members"
    add_to_admin_menu = False
    list_display = ["user", "user_email", "plan", "status", "team_name", "source_label", "current_period_end"]
    list_filter = ["status", "source", "plan"]
    list_export = [
        "user_email",
        "plan",
        "status",
        "source_label",
        "team_name",
        "current_period_end",
        "cancel_at_period_end",
        "complimentary_until",
        "created_at",
    ]
    export_filename = "members"
    search_fields = ["user__email", "user__username", "user__last_name"]
    form_fields = ["user", "plan", "complimentary_until", "complimentary_note"]
    panels = [
        FieldPanel("user"),
        FieldPanel("plan"),
        FieldPanel("complimentary_until", heading="Complimentary PRO until"),
        FieldPanel("complimentary_note"),
    ]

    def get_queryset(self, request: Any) -> Any:
        return Membership.objects.select_related("user", "plan", "user__seat__team")


class TeamViewSet(ModelViewSet):
    index_view_class = SafeExportIndexView
    model = Team
    name = "teams"
    url_prefix = "membership/teams"
    icon = "group"
    add_to_admin_menu = False
    list_display = ["name", "admin", "plan", "seats", "status", "current_period_end"]
    list_filter = ["status", "plan"]
    list_export = ["name", "admin", "plan", "seats", "status", "current_period_end", "domain"]
    export_filename = "teams"
    search_fields = ["name", "domain", "admin__email"]
    form_fields = ["name", "admin", "plan", "seats", "domain", "domain_join", "complimentary_until"]


class PlanViewSet(ModelViewSet):
    model = Plan
    name = "plans"
    url_prefix = "membership/plans"
    icon = "tag"
    add_to_admin_menu = False
    list_display = ["name", "kind", "annual_price_cents", "trial_days", "min_seats", "max_seats", "is_active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("annual_price_cents"),
        FieldPanel("currency"),
        FieldPanel("stripe_price_id"),
        FieldPanel("trial_days"),
        FieldPanel("min_seats"),
        FieldPanel("max_seats"),
        FieldPanel("is_active"),
    ]
    form_fields = [p.field_name for p in panels]


class LeadViewSet(ModelViewSet):
    index_view_class = SafeExportIndexView
    model = Lead
    name = "team_enquiries"
    url_prefix = "membership/team-enquiries"
    icon = "mail"
    menu_label = "Team enquiries"
    add_to_admin_menu = False
    list_display = ["organisation", "name", "email", "seats", "created_at", "handled"]
    list_filter = ["handled"]
    list_export = ["organisation", "name", "email", "seats", "message", "created_at", "handled"]
    export_filename = "team-enquiries"
    form_fields = ["name", "email", "organisation", "seats", "message", "handled"]


class StripeEventViewSet(ModelViewSet):
    model = StripeEvent
    name = "stripe_events"
    url_prefix = "membership/stripe-events"
    icon = "history"
    add_to_admin_menu = False
    list_display = ["event_id", "type", "created", "processed_at"]
    list_filter = ["type"]
    form_fields = ["error"]
    inspect_view_enabled = True


class MembershipGroup(ModelViewSetGroup):
    menu_label = "Membership"
    menu_icon = "user"
    menu_order = 300
    items = (MembershipViewSet, TeamViewSet, PlanViewSet, LeadViewSet, StripeEventViewSet)


@hooks.register("register_admin_viewset")
def register_membership_viewsets() -> MembershipGroup:
    return MembershipGroup()


class TrialsPanel(Component):
    """PRO trials started and converted this week, on the admin's first screen."""

    name = "membership_trials"
    order = 70
    template_name = "wagtailadmin/home/membership_trials.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        today = timezone.localdate()
        week_start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time()))
        return {
            "started": TrialClaim.objects.filter(claimed_at__gte=week_start).count(),
            "converted": Membership.objects.filter(
                trial_end__gte=week_start, trial_end__lte=timezone.now(), status=SubscriptionStatus.ACTIVE
            ).count(),
            "week_start": week_start,
        }


@hooks.register("construct_homepage_panels")
def add_trials_panel(request: Any, panels: list[Any]) -> None:
    # Counts only, no one's details: every editor sees how PRO is doing.
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(TrialsPanel())
