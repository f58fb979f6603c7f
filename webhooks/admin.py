"""Operators register endpoints and read (and replay) the delivery log in the Django admin."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from webhooks.models import Delivery, Endpoint, Event
from webhooks.services import webhook_delivery_replay
from webhooks.tasks import deliveries_enqueue_on_commit


class EndpointForm(forms.ModelForm):
    url = forms.URLField(label="URL", max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(choices=Event.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Endpoint
        fields = ["name", "url", "events", "secret", "is_active"]


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["name", "url", "is_active", "created_at"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "event", "endpoint", "state", "attempts", "last_status", "next_attempt_at"]
    list_filter = ["state", "event", "endpoint"]
    readonly_fields = [f.name for f in Delivery._meta.fields]
    actions = ["replay"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Replay the selected deliveries")
    def replay(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        for delivery in queryset.select_related("endpoint"):
            deliveries_enqueue_on_commit([webhook_delivery_replay(delivery=delivery, by=request.user)])
        messages.success(request, f"{queryset.count()} deliveries queued again.")
