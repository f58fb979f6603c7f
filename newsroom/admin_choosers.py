"""Choosers with search for a story's authors, topics and (from Monitor) entities.

Each chooser is a search box: the editor types part of a name, picks from what the
admin finds, and sees each choice as a removable chip. The chosen values are posted
as one hidden input each, so the form reads them exactly as it read the old
multi-select.

Apps add choosers through the ``register_article_chooser`` hook, each returning a
`Chooser`. A chooser for a model field (authors, topics) only searches; one for
something kept outside the page (Monitor's entity tags) also says how to read and
save what the editor added and removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Model, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail import hooks

RESULTS = 20
HOOK = "register_article_chooser"


@dataclass(frozen=True)
class Chooser:
    name: str  # the form field's name and the search address's last part
    noun: str  # "authors", used in the search box: "Search authors"
    queryset: Callable[[], QuerySet[Any]]
    search: Callable[[QuerySet[Any], str], QuerySet[Any]]
    detail: Callable[[Any], str] = lambda obj: ""
    label: str = ""
    help_text: str = ""
    # Only for choices kept outside the page's own fields:
    initial: Callable[[Any], Iterable[Any]] | None = None
    save: Callable[[Any, list[Any], list[Any]], None] | None = None  # (page, added, removed)

    def results(self, query: str) -> list[dict[str, Any]]:
        query = " ".join(query.split())[:100]
        found = self.search(self.queryset(), query) if query else self.queryset().none()
        return [{"id": obj.pk, "label": str(obj), "detail": self.detail(obj)} for obj in found[:RESULTS]]


def choosers() -> dict[str, Chooser]:
    found: dict[str, Chooser] = {}
    for register in hooks.get_hooks(HOOK):
        chooser = register()
        found[chooser.name] = chooser
    return found


class SearchChooser(forms.SelectMultiple):
    """A search box that adds chips; each chip posts its object's id under the field's name."""

    template_name = "wagtailadmin/widgets/search_chooser.html"

    def __init__(self, chooser_name: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.chooser_name = chooser_name
        self.shown = "1"  # what the form showed, for choosers kept outside the page (see ArticlePageForm)

    def __deepcopy__(self, memo: dict[int, Any]) -> SearchChooser:
        copy = super().__deepcopy__(memo)
        copy.chooser_name = self.chooser_name
        copy.shown = self.shown
        return copy

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=["js/admin_chooser.js"], css={"all": ["css/admin_chooser.css"]})

    def chosen(self, value: Any) -> list[Model]:
        ids = [str(v.pk if isinstance(v, Model) else v) for v in (value or []) if v not in ("", None)]
        if not ids:
            return []
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return []
        by_id = {str(obj.pk): obj for obj in queryset.filter(pk__in=[i for i in ids if i.isdigit()])}
        return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> str:
        # The project's template folders, which Django's default form renderer does not search.
        return mark_safe(render_to_string(template_name, context))

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        # Widget's own context, not Select's: only the chosen objects are looked up, never every option.
        context = forms.Widget.get_context(self, name, value, attrs)
        chooser = choosers().get(self.chooser_name)
        context["chooser"] = {
            "url": reverse("newsroom_chooser_search", args=[self.chooser_name]),
            "noun": chooser.noun if chooser else self.chooser_name,
            "chosen": [{"id": obj.pk, "label": str(obj)} for obj in self.chosen(value)],
            "shown": self.shown,
        }
        return context
