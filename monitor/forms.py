"""Forms for alerts, trends, briefing books and clips; each says clearly what is wrong."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.urls import reverse_lazy

from lib.params import DateParamField
from monitor.models import Alert, BriefingFolder, Entity
from monitor.queries import entities_from_names, entity_suggestions
from monitor.tagger import normalise_key
from newsroom.models import ArticlePage, SectionPage

MAX_ENTITIES_IN_ALERT = 10
MAX_WORDS = 10


class EntityNamesField(forms.CharField):
    """A comma-separated list of entity names, aliases or slugs, e.g. “Iran, Hezbollah”."""

    def __init__(self, *, max_entities: int, **kwargs: Any) -> None:
        self.max_entities = max_entities
        kwargs.setdefault("max_length", 500)
        # static/js/monitor.js offers names from this endpoint as the member types; without
        # JavaScript the field is a plain text box and the names are checked on submit.
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"data-entity-autocomplete": reverse_lazy("monitor:entity_suggest"), "autocomplete": "off"}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[Entity]:  # type: ignore[override]
        raw = super().clean(value)
        entities, missing = entities_from_names(raw or "")
        if missing:
            message = "We have no entity called " + ", ".join(f"“{m}”" for m in missing[:5]) + "."
            hints = [s["name"] for m in missing[:5] for s in entity_suggestions(m[:4], limit=3)]
            message += f" Did you mean {', '.join(dict.fromkeys(hints))}?" if hints else " Check the spelling."
            raise forms.ValidationError(message)
        if len(entities) > self.max_entities:
            raise forms.ValidationError(f"Choose at most {self.max_entities} entities.")
        return entities


class AlertForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="e.g. “Drones in the Gulf”.")
    words = forms.CharField(
        max_length=200, required=False, help_text="Every word must appear in the story, e.g. “drone factory”."
    )
    entities = EntityNamesField(
        max_entities=MAX_ENTITIES_IN_ALERT,
        required=False,
        help_text="Comma-separated; a story naming any of them matches, e.g. “Iran, Belarus”.",
    )
    sections = forms.ModelMultipleChoiceField(
        queryset=SectionPage.objects.live().order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every section.",
    )
    frequency = forms.ChoiceField(
        choices=Alert.Frequency.choices, initial=Alert.Frequency.INSTANT, widget=forms.RadioSelect
    )
    is_active = forms.BooleanField(required=False, initial=True, label="Active")

    @staticmethod
    def initial_for(alert: Alert) -> dict[str, Any]:
        return {
            "name": alert.name,
            "words": alert.words,
            "entities": ", ".join(e.name for e in alert.entities.all()),
            "sections": list(alert.sections.all()),
            "frequency": alert.frequency,
            "is_active": alert.is_active,
        }

    def clean_words(self) -> str:
        words = normalise_key(self.cleaned_data["words"]).split()
        if len(words) > MAX_WORDS:
            raise forms.ValidationError(f"Use at most {MAX_WORDS} words.")
        return " ".join(self.cleaned_data["words"].split())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("words") or data.get("entities") or data.get("sections")):
            raise forms.ValidationError("Give at least one word, entity or section, or the alert would match nothing.")
        return data


class TrendsForm(forms.Form):
    entities = EntityNamesField(
        max_entities=settings.MONITOR_TRENDS_MAX_ENTITIES,
        help_text="Up to five, comma-separated, e.g. “Iran, Russia, Belarus”.",
    )
    start = DateParamField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="From")
    end = DateParamField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="To")

    def clean_entities(self) -> list[Entity]:
        entities = self.cleaned_data["entities"]
        if not entities:
            raise forms.ValidationError("Name at least one entity.")
        return entities


class FolderForm(forms.Form):
    name = forms.CharField(max_length=120, label="New briefing book", help_text="e.g. “Iran–Russia drones”.")

    def __init__(self, *args: Any, owner: Any, **kwargs: Any) -> None:
        self.owner = owner
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if BriefingFolder.objects.filter(owner_id=self.owner.pk, name=name).exists():
            raise forms.ValidationError("You already have a briefing book with this name.")
        return name


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


class ClipForm(forms.Form):
    folder = forms.ModelChoiceField(
        queryset=BriefingFolder.objects.none(), required=False, empty_label="— a new briefing book —"
    )
    new_folder = forms.CharField(max_length=120, required=False, label="New briefing book name")
    passage = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
        help_text="Paste the passage to clip, or leave blank to clip the whole article.",
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)

    def __init__(self, *args: Any, owner: Any, article: ArticlePage, readable: str, **kwargs: Any) -> None:
        self.owner = owner
        self.article = article
        self.readable = _squash("\n".join([article.title, article.dek, readable]))
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = BriefingFolder.objects.filter(owner_id=owner.pk)  # type: ignore[attr-defined]

    def clean_passage(self) -> str:
        passage = " ".join(self.cleaned_data["passage"].split())
        if passage and _squash(passage) not in self.readable:
            raise forms.ValidationError("That passage is not in this article; select or paste text from the story.")
        return passage

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("folder") and not " ".join((data.get("new_folder") or "").split()):
            self.add_error("new_folder", "Choose a briefing book or name a new one.")
        return data

    def target_folder(self) -> BriefingFolder:
        chosen = self.cleaned_data.get("folder")
        if chosen:
            return chosen
        name = " ".join(self.cleaned_data["new_folder"].split())
        folder, _ = BriefingFolder.objects.get_or_create(owner=self.owner, name=name)
        return folder
