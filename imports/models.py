"""What each import has brought in, so a second run changes nothing and a broken one resumes."""

from __future__ import annotations

from django.db import models


class ImportedItem(models.Model):
    source = models.CharField(max_length=20, help_text="wordpress, ghost, substack or mailchimp.")
    kind = models.CharField(max_length=20, help_text="post, page, author, tag, member…")
    external_id = models.CharField(max_length=200, help_text="The item's id in the exporting system.")
    object_id = models.PositiveBigIntegerField(help_text="Our row's id (page, subscriber or user).")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "imported item"
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "external_id"], name="imported_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.external_id}"
