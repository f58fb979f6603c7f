"""Uploads on disk (public ones under MEDIA_ROOT, ones with access rules outside
it) or, with S3_BUCKET set, in any S3-compatible store shared by every machine.

Wagtail documents can sit in collections that only signed-in readers (or some
groups) may open. Their files live under PRIVATE_MEDIA_ROOT, which no URL and
no proxy serves: the only way to them is Wagtail's document view, which
applies the collection's rules first. Images stay under MEDIA_ROOT, public.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join
from storages.backends.s3 import S3Storage

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


class S3MediaStorage(S3Storage):
    """Uploads in an S3-compatible bucket (AWS, MinIO, Ceph, R2, ...), for several web machines.

    Nothing in the bucket is public. Images are linked with signed URLs that
    last S3_PUBLIC_URL_SECONDS (or through S3_PUBLIC_MEDIA_URL, a proxy or CDN
    path that serves only the public folders); files of private folders get
    URLs that expire after S3_PRIVATE_URL_SECONDS, and the site links them only
    through its own views, which check access first and then stream the file.
    """

    def url(
        self, name: str, parameters: dict | None = None, expire: int | None = None, http_method: str | None = None
    ) -> str:
        if is_private(name):
            return super().url(name, parameters, expire=settings.S3_PRIVATE_URL_SECONDS, http_method=http_method)
        if settings.S3_PUBLIC_MEDIA_URL:
            return settings.S3_PUBLIC_MEDIA_URL.rstrip("/") + "/" + name.lstrip("/")
        return super().url(name, parameters, expire=expire or settings.S3_PUBLIC_URL_SECONDS, http_method=http_method)


def s3_bucket_prepare(storage: S3MediaStorage, public_folders: tuple[str, ...]) -> str:
    """Create the bucket if missing; with S3_PUBLIC_MEDIA_URL, let anyone read the public folders only."""
    bucket = storage.bucket
    client = storage.connection.meta.client
    existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
    created = bucket.name not in existing
    if created:
        client.create_bucket(Bucket=bucket.name)
    if settings.S3_PUBLIC_MEDIA_URL:
        statement = {
            "Effect": "Allow",
            "Principal": {"AWS": ["*"]},
            "Action": ["s3:GetObject"],
            "Resource": [f"arn:aws:s3:::{bucket.name}/{folder}/*" for folder in public_folders],
        }
        policy = {"Version": "2012-10-17", "Statement": [statement]}
        client.put_bucket_policy(Bucket=bucket.name, Policy=json.dumps(policy))
    return f"bucket {bucket.name} {'created' if created else 'exists'}"
