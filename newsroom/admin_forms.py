"""The article edit form: slugs made from the headline, and the checks a story passes before it is published.

Publishing is refused with a list of what is missing. An editor may still
publish by giving a reason under “Publish anyway”; the reason and the checks it
overrode are written to the page's history (see `newsroom.wagtail_hooks`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from core.access import Access
from newsroom.admin_choosers import SearchChooser, choosers
from newsroom.blocks import html_text
from newsroom.slugs import naive_slugs, slug_for

OVERRIDE_FIELD = "publish_anyway"
OUTSIDE_CHOOSERS = ("entities",)
SHOWN_SUFFIX = "__shown"  # posted beside a chooser kept outside the page, so a form without it changes nothing


def _box_is_empty(value: Any) -> bool:
    body = value.get("body") if hasattr(value, "get") else None
    return not html_text(getattr(body, "source", "") or "").strip()


def missing_before_publish(
    *, dek: str, hero_image: Any, hero_alt: str, access: str, body: Any, parent: Any
) -> list[str]:
    """What an article still lacks before it may be published, in the editor's words."""
    missing = []
    if parent is None or parent.specific_class._meta.model_name != "sectionpage":
        missing.append("a section (create the story inside a section)")
    if not (dek or "").strip():
        missing.append("a standfirst")
    if hero_image is not None and not (hero_alt or "").strip():
        missing.append("alternative text for the hero image")
    blocks = list(body or [])
    if access == Access.PRO and not any(block.block_type == "teaser_end" for block in blocks):
        missing.append("a “Teaser ends here” marker in the body of this PRO story")
    if any(block.block_type == "why_it_matters" and _box_is_empty(block.value) for block in blocks):
        missing.append("text in the “Why it matters” box (or remove the box)")
    return missing


class ArticlePageForm(WagtailAdminPageForm):
    publish_anyway = forms.CharField(
        label="Publish anyway: reason",
        required=False,
        max_length=300,
        help_text="Only when a pre-publish check must be overridden, e.g. “Breaking: alt text follows”. "
        "Kept in the story's history.",
    )

    # A place for the chooser another app registers under this name (Monitor's entity tags), kept
    # outside the page's own fields; without one, the field is dropped and its panel hidden.
    entities = forms.Field(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        registered = choosers()
        self.outside_choosers = [registered[n] for n in OUTSIDE_CHOOSERS if n in registered and registered[n].save]
        for name in OUTSIDE_CHOOSERS:
            if name not in registered or registered[name].save is None:
                self.fields.pop(name, None)
        for chooser in self.outside_choosers:
            self.fields[chooser.name] = forms.ModelMultipleChoiceField(
                queryset=chooser.queryset(),
                required=False,
                label=chooser.label or chooser.name.capitalize(),
                help_text=chooser.help_text,
                widget=SearchChooser(chooser.name),
            )
            if self.instance.pk and chooser.initial is not None:
                self.initial[chooser.name] = [str(pk) for pk in chooser.initial(self.instance)]
            # What the chooser showed when the editor opened the form travels with the form, so a
            # tag the tagger added meanwhile is neither removed nor re-added by this save.
            shown = self.data.get(chooser.name + SHOWN_SUFFIX) if self.is_bound else None
            if shown is None:
                shown = "ids:" + ",".join(self.initial.get(chooser.name, []))
            self.fields[chooser.name].widget.shown = shown

    def chosen_outside(self) -> dict[str, tuple[list[Any], list[Any]]]:
        """What the editor added and removed in each chooser kept outside the page, compared with what
        the form showed; a form posted without the chooser changes nothing."""
        changes = {}
        for chooser in self.outside_choosers:
            marker = self.data.get(chooser.name + SHOWN_SUFFIX) or ""
            if not marker.startswith("ids:") or chooser.name not in self.cleaned_data:
                continue
            chosen = list(self.cleaned_data[chooser.name] or [])
            shown = {pk for pk in marker[4:].split(",") if pk.isdigit()}
            added = [obj for obj in chosen if str(obj.pk) not in shown]
            kept = {str(obj.pk) for obj in chosen}
            removed = chooser.queryset().filter(pk__in=[int(pk) for pk in shown - kept])
            if added or removed:
                changes[chooser.name] = (added, list(removed))
        return changes

    def clean(self) -> dict[str, Any]:
        self._make_slug()
        cleaned = super().clean()
        if "action-publish" in self.data:
            self.missing = missing_before_publish(
                dek=cleaned.get("dek", ""),
                hero_image=cleaned.get("hero_image"),
                hero_alt=cleaned.get("hero_alt", ""),
                access=cleaned.get("access", ""),
                body=cleaned.get("body"),
                parent=self.parent_page,
            )
            if self.missing and not cleaned.get(OVERRIDE_FIELD, "").strip():
                message = "This story cannot be published yet. It needs: " + "; ".join(self.missing) + "."
                self.add_error(None, message)
                self.add_error(OVERRIDE_FIELD, "Fix what is listed above, or give a reason here to publish it anyway.")
        # Kept on the page for the after-save hook (newsroom.wagtail_hooks), which has no form.
        self.instance._chosen_outside = self.chosen_outside()  # type: ignore[attr-defined]
        return cleaned

    def _make_slug(self) -> None:
        """Replace a slug the editor did not choose (empty, or the browser's lossy guess) by one made here."""
        title = self.cleaned_data.get("title") or ""
        if not title or self.instance.first_published_at:
            return
        slug = self.cleaned_data.get("slug", self.data.get("slug", "")) or ""
        if slug in naive_slugs(title) or not slug.isascii():
            made = slug_for(title)
            if made:
                self.cleaned_data["slug"] = made
                self.errors.pop("slug", None)
