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
from newsroom.blocks import html_text
from newsroom.slugs import naive_slugs, slug_for

OVERRIDE_FIELD = "publish_anyway"


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
