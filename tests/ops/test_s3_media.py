"""Uploads in an S3-compatible store: moto's S3 server on loopback stands in for MinIO or AWS."""

import hashlib
import json
import socket
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.parse
import urllib.request

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from lib.s3_storage import S3MediaStorage
from tests.ops.test_backup import POPULATE, manage

BUCKET = "newsdesk-test-media"
SECRET = b"%PDF-1.7 only for signed-in readers"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(endpoint, timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.2)
        client = boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
        )
        client.create_bucket(Bucket=BUCKET)
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def s3_storage(s3_endpoint, settings):
    endpoint, client = s3_endpoint
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "lib.s3_storage.S3MediaStorage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "access_key": "test",
                "secret_key": "test",
                "region_name": "us-east-1",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
                "addressing_style": "path",
                "signature_version": "s3v4",
            },
        },
    }
    settings.S3_PUBLIC_MEDIA_URL = ""
    storages._storages.pop("default", None)
    yield client
    storages._storages.pop("default", None)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return bytes(response.read())


@pytest.mark.django_db
def test_uploads_land_in_the_bucket_and_public_images_are_linked(s3_storage):
    storage = storages["default"]
    assert isinstance(storage, S3MediaStorage)
    name = storage.save("images/photo.jpg", ContentFile(b"jpeg-bytes"))
    stored = s3_storage.get_object(Bucket=BUCKET, Key=name)["Body"].read()
    assert stored == b"jpeg-bytes"
    assert fetch(storage.url(name)) == b"jpeg-bytes"


@pytest.mark.django_db
def test_private_files_get_short_lived_urls(s3_storage, settings):
    settings.S3_PRIVATE_URL_SECONDS = 120
    storage = storages["default"]
    name = storage.save("documents/briefing.pdf", ContentFile(SECRET))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(storage.url(name)).query)
    assert query["X-Amz-Expires"] == ["120"]
    assert fetch(storage.url(name)) == SECRET


@pytest.mark.django_db
def test_a_restricted_document_is_served_only_through_the_site(s3_storage, client, dora):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document(title="Briefing", collection=private)
    document.file.save("briefing.pdf", ContentFile(SECRET), save=True)
    assert s3_storage.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read() == SECRET

    anonymous = client.get(document.url)
    assert anonymous.status_code in (302, 403)
    assert SECRET not in anonymous.content
    client.force_login(dora)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET


@pytest.mark.django_db
def test_deploy_creates_the_bucket_and_opens_only_the_public_folders(s3_endpoint, s3_storage, settings):
    settings.STORAGES["default"]["OPTIONS"]["bucket_name"] = "newsdesk-fresh"
    settings.S3_PUBLIC_MEDIA_URL = "https://news.example.com/media"
    storages._storages.pop("default", None)
    call_command("deploy", skip=["migrate", "collectstatic", "seed_entities", "update_index"])
    policy = json.loads(s3_storage.get_bucket_policy(Bucket="newsdesk-fresh")["Policy"])
    resources = policy["Statement"][0]["Resource"]
    assert sorted(resources) == [f"arn:aws:s3:::newsdesk-fresh/{f}/*" for f in ("images", "original_images")]
    assert storages["default"].url("images/a.jpg") == "https://news.example.com/media/images/a.jpg"
    assert "X-Amz-Signature" in storages["default"].url("documents/a.pdf")


def bucket_contents(client, bucket: str) -> dict[str, str]:
    """Every object of the bucket by key, as a sha256 of its bytes."""
    contents = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            contents[item["Key"]] = hashlib.sha256(body).hexdigest()
    return contents


def test_a_backup_holds_the_bucket_and_a_restore_puts_it_back(s3_endpoint, tmp_path):
    endpoint, client = s3_endpoint

    def in_bucket(bucket: str) -> dict[str, str]:
        client.create_bucket(Bucket=bucket)
        return {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": endpoint,
            "S3_ACCESS_KEY_ID": "test",
            "S3_SECRET_ACCESS_KEY": "test",
            "S3_REGION": "us-east-1",
        }

    source_env, restored_env = in_bucket("newsdesk-backup-source"), in_bucket("newsdesk-backup-restored")
    source = tmp_path / "source"
    manage(source, "migrate", "--noinput", "-v", "0", extra_env=source_env)
    manage(source, "shell", "-c", POPULATE, extra_env=source_env)
    uploaded = bucket_contents(client, "newsdesk-backup-source")
    assert {"images/photo.jpg", "documents/briefing.pdf"} <= set(uploaded)
    assert not (source / "media").exists() and not (source / "private").exists()

    manage(source, "backup", "--output", str(tmp_path / "backups"), extra_env=source_env)
    archive = next((tmp_path / "backups").glob("newsdesk-backup-*.tar.gz"))
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert {"media/images/photo.jpg", "private/documents/briefing.pdf"} <= names
    assert manifest["media_store"] == "s3"

    empty = tmp_path / "empty"
    out = manage(empty, "restore", str(archive), extra_env=restored_env)
    assert "Restored" in out
    assert bucket_contents(client, "newsdesk-backup-restored") == uploaded
    # The restored install reads the document's bytes back from its own bucket.
    read_back = manage(
        empty,
        "shell",
        "-c",
        "from wagtail.documents.models import Document; print(Document.objects.get().file.read().decode())",
        extra_env=restored_env,
    )
    assert read_back.strip().splitlines()[-1] == "%PDF-secret"
