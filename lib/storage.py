"""Uploads on disk (public ones under MEDIA_ROOT, ones with access rules outside
it) or, with S3_BUCKET set, in any S3-compatible store shared by every machine
(lib/s3_storage.py, apart so that a process on disk storage never imports boto3).

Wagtail documents can sit in collections that only signed-in readers (or some
groups) may open. Their files live under PRIVATE_MEDIA_ROOT, which no URL and
no proxy serves: the only way to them is Wagtail's document view, which
applies the collection's rules first. Images stay under MEDIA_ROOT, public.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join

# Upload folders whose files carry access rules (Wagtail's document upload_to).
PRIVATE_FOLDERS = ("documents",)


def is_private(name: str) -> bool:
    return name.replace("\\", "/").lstrip("/").split("/", 1)[0] in PRIVATE_FOLDERS


def _private_root() -> str:
    # Read per call, so a changed setting (tests) takes effect at once.
    return str(Path(settings.PRIVATE_MEDIA_ROOT))


class MediaStorage(FileSystemStorage):
    """The default storage, sending files of private folders to PRIVATE_MEDIA_ROOT."""

    def _save(self, name: str, content: File) -> str:  # Django's hook for writing a file
        if is_private(name):
            # Names stay relative ("documents/x.pdf"), as the private root's own storage reports them.
            return FileSystemStorage(location=_private_root())._save(name, content)  # type: ignore[attr-defined]
        return super()._save(name, content)  # type: ignore[misc]

    def path(self, name: str) -> str:
        if not is_private(name):
            return super().path(name)
        private = safe_join(_private_root(), name)
        if not os.path.exists(private):
            legacy = super().path(name)
            # Stored before private files moved out of MEDIA_ROOT: still readable
            # here, and still never served raw (the media view refuses documents/).
            if os.path.exists(legacy):
                return legacy
        return private
