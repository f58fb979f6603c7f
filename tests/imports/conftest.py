"""The old sites the sample exports name (*.example.com) answer from here, never from the network."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image as PILImage
from pytest_django import Settings

import imports.images


def png_bytes(size: tuple[int, int] = (32, 18), colour: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size: tuple[int, int] = (40, 30), colour: tuple[int, int, int] = (20, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _loopback_image_servers(settings: Settings) -> None:
    """The image servers in these tests listen on 127.0.0.1, which a real import refuses."""
    settings.IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture(autouse=True)
def _sample_sites_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    real = imports.images.image_fetch

    def fetch(url: str) -> tuple[bytes, str]:
        if (urlsplit(url).hostname or "").endswith("example.com"):
            data = png_bytes()
            return data, imports.images.image_check(data)
        return real(url)  # the local test servers

    monkeypatch.setattr(imports.images, "image_fetch", fetch)
