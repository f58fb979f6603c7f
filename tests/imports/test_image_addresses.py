"""An export cannot make the server fetch from its own machine or network: each connection, a
redirect's too, goes only to a checked public address (unless the operator allows private ones)."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_django import Settings
from pytest_httpserver import HTTPServer

import imports.images
from imports.images import AddressRefused, FetchError, address_refusal, image_fetch
from imports.wordpress import wordpress_import
from newsroom.models import ArticlePage
from tests.imports.conftest import png_bytes
from tests.imports.samples import write_wxr, wxr_attachment, wxr_item


@pytest.fixture
def refused(settings: Settings) -> None:
    settings.IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = False


@pytest.fixture
def public_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPServer]:
    """A server on 127.0.0.2 that the check takes for a public old site (every other address is judged as usual)."""
    real = imports.images.address_refusal
    stand_in = ipaddress.ip_address("127.0.0.2")
    monkeypatch.setattr(imports.images, "address_refusal", lambda a: None if a == stand_in else real(a))
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("10.0.0.5", "a private address"),
        ("172.16.4.4", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("0.0.0.0", "an unspecified address"),  # noqa: S104 (an address judged, nothing bound)
        ("100.64.0.1", "not a public address"),
        ("::1", "a loopback address"),
        ("::", "an unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fd00::5", "a private address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("::ffff:10.0.0.5", "a private address"),
        ("::ffff:169.254.169.254", "a link-local address"),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:93.184.215.14", None),
    ],
)
def test_addresses_inside_or_unroutable_are_refused_and_public_ones_are_not(address: str, reason: str | None) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("host", ["127.0.0.1", "[::ffff:127.0.0.1]", "localhost", "2130706433"])
def test_a_loopback_address_is_refused_before_anything_is_sent(
    refused: None, httpserver: HTTPServer, host: str
) -> None:
    httpserver.expect_request("/a.png").respond_with_data(png_bytes(), content_type="image/png")
    with pytest.raises(AddressRefused, match=r"the address (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1) is a loopback"):
        image_fetch(f"http://{host}:{httpserver.port}/a.png")
    assert not httpserver.log


def test_a_host_that_resolves_to_a_private_address_is_refused_without_connecting(
    refused: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports.images, "resolve", lambda host, port: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port))])  # fmt: skip
    connects: list[Any] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: connects.append(address))
    with pytest.raises(FetchError, match=r"^the address 10\.0\.0\.5 is a private address$"):
        image_fetch("https://images.old-site.test/a.png")
    assert connects == []


def test_a_redirect_to_a_loopback_address_is_refused(
    refused: None, public_server: HTTPServer, httpserver: HTTPServer
) -> None:
    secret = httpserver.url_for("/secret.png")
    httpserver.expect_request("/secret.png").respond_with_data(png_bytes(), content_type="image/png")
    public_server.expect_request("/a.png").respond_with_data("", status=302, headers={"Location": secret})

    with pytest.raises(FetchError, match=r"^the address 127\.0\.0\.1 is a loopback address$"):
        image_fetch(public_server.url_for("/a.png"))

    assert len(public_server.log) == 1 and not httpserver.log


def test_a_public_address_is_fetched_and_redirects_work_when_private_hosts_are_allowed(
    public_server: HTTPServer, httpserver: HTTPServer, settings: Settings
) -> None:
    public_server.expect_request("/b.png").respond_with_data(png_bytes(), content_type="image/png")
    settings.IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = False
    assert image_fetch(public_server.url_for("/b.png"))[1] == "png"

    settings.IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = True
    httpserver.expect_request("/secret.png").respond_with_data(png_bytes(), content_type="image/png")
    public_server.expect_request("/a.png").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/secret.png")}
    )
    assert image_fetch(public_server.url_for("/a.png"))[1] == "png"
    assert [r.path for r, _ in httpserver.log] == ["/secret.png"]


def test_the_connection_goes_to_the_address_resolved_once_and_keeps_the_host_name(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second lookup (DNS rebinding) is never made; the server still hears its own name."""
    lookups: list[str] = []

    def resolve(host: str, port: int) -> list[Any]:
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(imports.images, "resolve", resolve)
    httpserver.expect_request("/a.png").respond_with_data(png_bytes(), content_type="image/png")

    assert image_fetch(f"http://images.old-site.test:{httpserver.port}/a.png")[1] == "png"

    assert lookups == ["images.old-site.test"]
    assert httpserver.log[0][0].headers["Host"] == f"images.old-site.test:{httpserver.port}"


@pytest.mark.django_db
def test_a_refused_image_is_reported_per_story_and_the_story_still_goes_in(
    site: Any, tmp_path: Any, httpserver: HTTPServer, settings: Settings
) -> None:
    httpserver.expect_request("/internal.png").respond_with_data(png_bytes(), content_type="image/png")
    url = httpserver.url_for("/internal.png")
    path = write_wxr(tmp_path / "wp.xml", [wxr_attachment(901, url), wxr_item(1, thumbnail=901)], attachment=False)
    settings.IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = False

    report = wordpress_import(path=path, section=site.gulf)

    assert report.created == 1
    assert report.errors == [
        f"“Old story 1”: hero image {url} not imported: the address 127.0.0.1 is a loopback address"
    ]
    assert not httpserver.log
    assert ArticlePage.objects.get(slug="old-story-1").hero_image_id is None

    settings.IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS = True
    again = wordpress_import(path=path, section=site.gulf)
    assert again.errors == [] and ArticlePage.objects.get(slug="old-story-1").hero_image_id is not None


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPServer]:
    """An HTTPS server on loopback with a certificate for images.old-site.test only, which the client trusts."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                    "cert.pem", "-days", "2", "-subj", "/CN=images.old-site.test",
                    "-addext", "subjectAltName=DNS:images.old-site.test"],
                   cwd=tmp_path, check=True, capture_output=True)  # fmt: skip
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "cert.pem"))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_over_https_the_certificate_is_checked_against_the_host_name_not_the_address(
    tls_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports.images, "resolve", lambda host, port: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))])  # fmt: skip
    tls_server.expect_request("/a.png").respond_with_data(png_bytes(), content_type="image/png")

    assert image_fetch(f"https://images.old-site.test:{tls_server.port}/a.png")[1] == "png"
    assert tls_server.log[0][0].headers["Host"] == f"images.old-site.test:{tls_server.port}"

    with pytest.raises(FetchError, match=r"could not be fetched.*certificate"):
        image_fetch(f"https://other.old-site.test:{tls_server.port}/a.png")
    assert len(tls_server.log) == 1
