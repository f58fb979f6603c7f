"""Uploads in an S3-compatible bucket, for sites whose web machines share one store (S3_BUCKET).

Kept apart from lib/storage.py because boto3 is slow to import: only a
process configured for S3 (or a command that works on the bucket) loads it.
"""

from __future__ import annotations

import json

from django.conf import settings
from storages.backends.s3 import S3Storage

from lib.storage import is_private


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
