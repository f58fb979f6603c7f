from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from lib.params import DateParamField
from newsroom.models import SectionPage

MAX_QUERY = 200


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", max_length=MAX_QUERY, required=False, strip=True)
    section = forms.ChoiceField(label="Section", required=False)
    after = DateParamField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    before = DateParamField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    # Newest first is the default: it is what news readers expect and it stays
    # fast on any archive size; ranking by relevance costs more per match.
    sort = forms.ChoiceField(label="Order", required=False, choices=[("", "Newest first"), ("relevance", "Best match")])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sections = SectionPage.objects.live().order_by("path").values_list("slug", "title")
        section_field = self.fields["section"]
        assert isinstance(section_field, forms.ChoiceField)
        section_field.choices = [("", "All sections"), *sections]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        after: dt.date | None = data.get("after")
        before: dt.date | None = data.get("before")
        if after and before and after > before:
            raise forms.ValidationError("The “From” date must come before the “To” date.")
        return data
