"""What each import has brought in, so a second run changes nothing and a broken one resumes."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models


def _private_storage() -> FileSystemStorage:
    """Uploaded exports hold readers' addresses: kept outside the public media folder."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


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


class ImportJob(models.Model):
    """An upload from the admin: checked (dry run) or imported in the background, with its progress."""

    class Kind(models.TextChoices):
        WORDPRESS = "wordpress", "WordPress export (WXR .xml)"
        GHOST = "ghost", "Ghost export (.json)"
        MAILCHIMP = "mailchimp", "Mailchimp audience (.csv)"

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        REFUSED = "refused", "Refused"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    file = models.FileField(upload_to="imports/", storage=_private_storage)
    target = models.CharField(max_length=100, blank=True, help_text="Section slug (stories) or newsletter slug.")
    dry_run = models.BooleanField(default=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    processed = models.PositiveIntegerField(default=0)
    summary = models.TextField(blank=True)
    problems = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # One-to-one, so the database itself refuses a second import of the same dry run.
    from_dry_run = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="real_import",
        verbose_name="from dry run",
        help_text="The dry run this import was started from, with its file and options.",
    )

    class Meta:
        verbose_name = "import"
        ordering = ["-created_at"]
        permissions = [
            ("export_articles", "Can download every live story (JSON, Ghost JSON)"),
            ("export_members", "Can download members and subscribers with their consent (CSV)"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_state_display()})"

    def file_stored(self) -> bool:
        return bool(self.file.name) and self.file.storage.exists(self.file.name)

    def import_now_refusal(self) -> str:
        """Why this job's file cannot be imported from its report ("" when it can)."""
        if not self.dry_run:
            return "This was an import, not a dry run: there is nothing more to import from it."
        if self.state in (self.State.QUEUED, self.State.RUNNING):
            return "The dry run has not finished yet: wait for its report, then import."
        if self.state != self.State.DONE:
            return "The dry run refused this file, so it cannot be imported. Fix the file and upload it again."
        if not self.file_stored():
            return "The uploaded file is no longer stored. Upload it again to import it."
        return ""
