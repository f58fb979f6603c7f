"""Files with access rules are served only through the view that applies the rules.

A Wagtail document in a collection restricted to signed-in readers opens for a
signed-in reader at /documents/<id>/<name> and sends others to sign in; no one
reaches it by a raw /media/ address, and it is not stored under MEDIA_ROOT at all,
so a proxy that serves MEDIA_ROOT cannot hand it out either.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import make_image

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4 restricted briefing: nine unmarked containers"


@pytest.fixture(autouse=True)
def _product_storage(settings, tmp_path):
    # The shared test settings use a plain FileSystemStorage; here the product's own.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "lib.storage.MediaStorage"}}
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def restricted_document(db) -> Any:
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model()(title="Briefing", collection=collection)
    document.file.save("briefing.pdf", ContentFile(SECRET), save=True)
    return document


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_restricted_document_is_stored_outside_media_root(settings, restricted_document):
    stored = Path(restricted_document.file.path)
    assert stored.read_bytes() == SECRET
    assert Path(settings.PRIVATE_MEDIA_ROOT) in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    assert not list(Path(settings.MEDIA_ROOT).rglob("briefing*.pdf"))


def test_the_document_view_serves_signed_in_readers_and_sends_others_to_sign_in(restricted_document, dora):
    url = restricted_document.url
    assert url.startswith("/documents/")
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"] or "sign" in anonymous["Location"]
    response = _signed_in(dora).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET


def test_no_one_reaches_a_document_by_a_raw_media_address(restricted_document, dora, alice):
    name = restricted_document.file.name  # documents/briefing.pdf
    raw = [f"/media/{name}", f"/media/images/../{name}", f"/media/./{name}", f"/media//{name}"]
    staff = _signed_in(type(dora).objects.create_user("editor-x", "ed@example.com", is_staff=True))
    for client in (Client(), _signed_in(dora), _signed_in(alice), staff):
        for url in raw:
            response = client.get(url)
            assert response.status_code == 404, url
            assert SECRET not in response.content


def test_a_document_stored_under_media_root_before_the_move_is_refused_raw_but_served_by_its_view(
    settings, restricted_document, dora
):
    # Files uploaded before documents moved out of MEDIA_ROOT stay where they were.
    legacy = Path(settings.MEDIA_ROOT) / "documents" / "old.pdf"
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_bytes(SECRET)
    document = get_document_model()(title="Old", collection=restricted_document.collection)
    document.file.name = "documents/old.pdf"
    document.save()
    assert Client().get("/media/documents/old.pdf").status_code == 404
    assert Client().get(document.url).status_code == 302
    response = _signed_in(dora).get(document.url)
    assert b"".join(response.streaming_content) == SECRET


def test_images_are_still_served_from_media(db, settings):
    image = make_image()
    rendition = image.get_rendition("width-200")
    assert rendition.url.startswith("/media/images/")
    assert Client().get(rendition.url).status_code == 200
    assert Client().get(image.file.url).status_code == 200


def test_the_product_settings_keep_documents_private():
    import config.settings as product

    assert product.STORAGES["default"]["BACKEND"] == "lib.storage.MediaStorage"
    assert product.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert Path(product.MEDIA_ROOT) not in Path(product.PRIVATE_MEDIA_ROOT).parents
