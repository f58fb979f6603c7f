"""Hero images named by URL in an export, fetched once each and kept as Wagtail images.

A batch of stories commits first; only then are its images fetched, outside
any transaction, so a slow or broken image server never holds a batch open
or rolls one back. Each distinct URL is fetched once (a few at a time) and
recorded as an `ImportedItem` of kind "image", so a second story with the
same picture, and every later run, reuses the stored image. A failure is one
line of the report; running the import again retries the stories whose hero
is still missing (unless an editor has changed the story since).

An export names any address it likes, so before each connection (the first
and every redirect) the host name is resolved and the connection goes to the
address that was checked: never to this machine, the private network, or
link-local (cloud metadata), multicast, reserved or unspecified addresses.
`IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS` lifts that for an old site on the local
network (and for the tests and bench, whose servers listen on loopback).
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlsplit
from urllib.request import (
    HTTPDefaultErrorHandler,
    HTTPErrorProcessor,
    HTTPHandler,
    HTTPRedirectHandler,
    HTTPSHandler,
    OpenerDirector,
    Request,
)

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import F
from django.utils.text import get_valid_filename
from django_tasks import task
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Revision
from wagtail.tasks import update_reference_index_task

from imports.models import ImportedItem
from lib.page_cache import invalidate_all
from newsroom.models import ArticlePage

FETCH_SECONDS = 20  # the whole download, not each read
WORKERS = 4
FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
KIND = "image"


@dataclass(frozen=True)
class Hero:
    """A story's picture as the export names it."""

    page_id: int
    url: str
    label: str  # how the report names the story


class FetchError(Exception):
    """Why an image could not be imported, in words for the report."""


class AddressRefused(FetchError):
    """The host resolves to an address an import must not reach.

    Not an OSError, so urllib passes it on as it is rather than as "could not be fetched"."""


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_refusal(address: IPAddress) -> str | None:
    """Why an import may not connect to `address` ("a private address"), or None for a public one."""
    plain = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped else address
    for kind, refused in (
        ("an unspecified", plain.is_unspecified),
        ("a loopback", plain.is_loopback),
        ("a link-local", plain.is_link_local),
        ("a multicast", plain.is_multicast),
        ("a reserved", plain.is_reserved),
        ("a private", plain.is_private),
    ):
        if refused:
            return f"{kind} address"
    return None if plain.is_global else "not a public address"


def _allow_private() -> bool:
    return bool(getattr(settings, "IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS", False))


def resolve(host: str, port: int) -> Sequence[tuple[socket.AddressFamily, socket.SocketKind, int, str, Any]]:
    """The addresses to try for `host`, as `socket.getaddrinfo` gives them (tests stand in a resolver)."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def _checked_socket(host: str, port: int, timeout: float | None) -> socket.socket:
    """A connection to `host` at an address that was resolved once and checked: a second lookup
    (DNS rebinding) has no say. Any refused address among the answers refuses the host."""
    found = resolve(host, port)
    if not _allow_private():
        for *_, sockaddr in found:
            address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
            if reason := address_refusal(address):
                mapped = isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped
                raise AddressRefused(f"the address {f'::ffff:{mapped}' if mapped else address} is {reason}")
    failure: OSError = OSError(f"{host} has no address")
    for family, kind, proto, _, sockaddr in found:
        sock = socket.socket(family, kind, proto)
        try:
            if isinstance(timeout, int | float):
                sock.settimeout(timeout)
            sock.connect(sockaddr)
        except OSError as error:
            sock.close()
            failure = error
            continue
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock
    raise failure


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address; the Host header still names the host."""

    def connect(self) -> None:
        self.sock = _checked_socket(self.host, self.port, self.timeout)


class _CheckedHTTPSConnection(http.client.HTTPSConnection, _CheckedHTTPConnection):
    """HTTPSConnection.connect's super().connect() is the checked one (by method order); it then
    wraps that socket for TLS with the host's name, so the certificate is checked against the name."""


class _CheckedHTTPHandler(HTTPHandler):
    def http_open(self, req: Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(HTTPSHandler):
    def https_open(self, req: Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPSConnection, req)


def _opener() -> OpenerDirector:
    """HTTP and HTTPS only: no file:, ftp: or data: addresses, even through a redirect; no proxy
    from the environment; every connection (a redirect's too) goes to a checked address."""
    opener = OpenerDirector()
    for handler in (_CheckedHTTPHandler(), _CheckedHTTPSHandler(), HTTPRedirectHandler(),
                    HTTPDefaultErrorHandler(), HTTPErrorProcessor()):  # fmt: skip
        opener.add_handler(handler)
    return opener


def max_bytes() -> int:
    return int(getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))


def _read_capped(response: http.client.HTTPResponse, cap: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > cap:
            raise FetchError(f"it is larger than {cap // (1024 * 1024)} MB")
        if time.monotonic() > deadline:
            raise FetchError(f"it took more than {FETCH_SECONDS} s to download")
        chunks.append(chunk)
    return b"".join(chunks)


def image_fetch(url: str) -> tuple[bytes, str]:
    """The image at `url` and its file extension; FetchError says why not."""
    parts = urlsplit(url)
    if url.startswith("__GHOST_URL__"):
        raise FetchError("Ghost's __GHOST_URL__ needs the old site's address (--site-url)")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("it is not an http(s) address")
    cap = max_bytes()
    # The scheme is checked above, and the opener has no handler for any other.
    request = Request(url, headers={"User-Agent": "Newsdesk import", "Accept": "image/*"})  # noqa: S310
    deadline = time.monotonic() + FETCH_SECONDS
    try:
        with _opener().open(request, timeout=FETCH_SECONDS) as response:
            content_type = response.headers.get_content_type()
            if not content_type.startswith("image/"):
                raise FetchError(f"the server sent {content_type}, not an image")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > cap:
                raise FetchError(f"it is larger than {cap // (1024 * 1024)} MB")
            data = _read_capped(response, cap, deadline)
    except HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason}") from error
    except URLError as error:
        raise FetchError(f"it could not be fetched ({error.reason})") from error
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(f"it could not be fetched ({error or type(error).__name__})") from error
    return data, image_check(data)


def image_check(data: bytes) -> str:
    """The file extension for `data` if Pillow reads it as a picture of a kind we store."""
    limit = int(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000))
    try:
        with PILImage.open(BytesIO(data)) as picture:
            kind, (width, height) = picture.format or "", picture.size
            picture.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise FetchError("the file is not an image that can be read") from error
    if kind not in FORMATS:
        raise FetchError(f"{kind or 'this'} images are not accepted (JPEG, PNG, GIF or WebP)")
    if width * height > limit:
        raise FetchError(f"it has more than {limit:,} pixels")
    return FORMATS[kind]


def url_key(url: str) -> str:
    """The import record's id for a URL: the URL itself, or a digest when it is too long to store."""
    return url if len(url) <= 200 else "sha256:" + hashlib.sha256(url.encode()).hexdigest()


def _image_create(url: str, data: bytes, extension: str) -> Image:
    stem = PurePosixPath(unquote(urlsplit(url).path)).stem
    name = get_valid_filename(stem)[:80] or "imported"
    image = Image(title=stem.replace("-", " ").replace("_", " ")[:255] or "Imported image",
                  file=ImageFile(BytesIO(data), name=f"{name}.{extension}"))  # fmt: skip
    image._set_image_file_metadata()
    image.save()
    return image


def _attempt(fetch: Callable[[str], tuple[bytes, str]], url: str) -> tuple[bytes, str] | FetchError:
    try:
        return fetch(url)
    except FetchError as error:
        return error


def heroes_attach(
    *, source: str, heroes: Sequence[Hero], errors: list[str], fetch: Callable[[str], tuple[bytes, str]] | None = None
) -> dict[str, int]:
    """Set each story's hero image, fetching each URL not imported before once; returns counts for the report.

    Only stories still without a hero and unchanged since the import are touched, so a re-run never
    undoes an editor's choice."""
    wanted = [h for h in heroes if h.url.strip()]
    if not wanted:
        return {}
    open_pages = set(
        ArticlePage.objects.filter(
            pk__in={h.page_id for h in wanted},
            hero_image__isnull=True,
            latest_revision_created_at=F("first_published_at"),
        ).values_list("pk", flat=True)
    )
    wanted = [h for h in wanted if h.page_id in open_pages]
    urls = list(dict.fromkeys(h.url.strip() for h in wanted))
    images = _images_known(source, urls)
    missing = [url for url in urls if url not in images]
    failures: dict[str, str] = {}
    if missing:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(missing))) as pool:
            outcomes = pool.map(lambda url: _attempt(fetch or image_fetch, url), missing)
            for url, outcome in zip(missing, outcomes, strict=True):
                if isinstance(outcome, FetchError):
                    failures[url] = str(outcome)
                    continue
                with transaction.atomic():
                    image = _image_create(url, *outcome)
                    ImportedItem.objects.filter(source=source, kind=KIND, external_id=url_key(url)).delete()
                    ImportedItem.objects.create(source=source, kind=KIND, external_id=url_key(url), object_id=image.pk)
                images[url] = image.pk
    chosen = {h.page_id: images[h.url.strip()] for h in wanted if h.url.strip() in images}
    _pages_set_hero(chosen)
    for hero in wanted:
        if hero.url.strip() in failures:
            errors.append(f"{hero.label}: hero image {hero.url.strip()} not imported: {failures[hero.url.strip()]}")
    counts = {"hero images set": len(chosen), "images fetched": len(missing) - len(failures)}
    if failures:
        counts["hero images not imported"] = len(wanted) - len(chosen)
    return {what: n for what, n in counts.items() if n}


def _images_known(source: str, urls: list[str]) -> dict[str, int]:
    """Images an earlier run (or batch) stored for these URLs, if they still exist."""
    keys = {url_key(url): url for url in urls}
    recorded = dict(
        ImportedItem.objects.filter(source=source, kind=KIND, external_id__in=list(keys)).values_list(
            "external_id", "object_id"
        )
    )
    alive = set(Image.objects.filter(pk__in=recorded.values()).values_list("pk", flat=True))
    return {keys[key]: pk for key, pk in recorded.items() if pk in alive}


@transaction.atomic
def _pages_set_hero(chosen: dict[int, int]) -> None:
    """The hero on the page and in its live revision (what the editor opens), as publishing it would."""
    if not chosen:
        return
    pages = list(ArticlePage.objects.filter(pk__in=chosen).only("pk", "hero_image", "latest_revision"))
    for page in pages:
        page.hero_image_id = chosen[page.pk]
    ArticlePage.objects.bulk_update(pages, ["hero_image"])
    revisions = list(Revision.objects.filter(pk__in=[p.latest_revision_id for p in pages if p.latest_revision_id]))
    by_page = {str(page.pk): chosen[page.pk] for page in pages}
    for revision in revisions:
        revision.content["hero_image"] = by_page[revision.object_id]
    Revision.objects.bulk_update(revisions, ["content"])
    ids = list(chosen)
    transaction.on_commit(lambda: hero_references_task.enqueue(ids))
    transaction.on_commit(invalidate_all)


@task()
def hero_references_task(page_ids: list[int]) -> None:
    """Wagtail's reference index learns the stories now use their images (the image's "usage" page),
    as saving each story would tell it; one task for the batch."""
    for page_id in page_ids:
        update_reference_index_task.call("newsroom", "articlepage", str(page_id))
