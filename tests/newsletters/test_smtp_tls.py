"""Mail leaves only over TLS the server proves: certificate chain and host name are verified.

A real SMTP server on loopback offers STARTTLS (or implicit TLS) with a
certificate from a CA made in the test. Until that CA is trusted (through the
standard SSL_CERT_FILE variable) nothing is sent; a trusted certificate for
another host name is refused too.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import send_mail

from newsletters.transport import Outgoing, SMTPTransport, TemporaryFailure, transport_for_settings
from tests.smtp import SMTPSink

ROOT = Path(__file__).resolve().parents[2]
RAW = b"From: briefings@example.org\r\nTo: reader@example.org\r\nSubject: Security Briefing\r\n\r\nHello.\r\n"


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _make_certificate(directory: Path, name: str, san: str) -> tuple[Path, Path]:
    """A key and a certificate for `san`, signed by the test CA in `directory`."""
    (directory / f"{name}.ext").write_text(f"subjectAltName={san}\nextendedKeyUsage=serverAuth\n")
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
             "-subj", f"/CN={name}", cwd=directory)  # fmt: skip
    _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-out", f"{name}.pem", "-extfile", f"{name}.ext", cwd=directory)  # fmt: skip
    return directory / f"{name}.pem", directory / f"{name}.key"


@pytest.fixture
def certificates(tmp_path: Path) -> dict[str, Path]:
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=Newsdesk test CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=tmp_path)  # fmt: skip
    here, here_key = _make_certificate(tmp_path, "loopback", "IP:127.0.0.1,DNS:localhost")
    elsewhere, elsewhere_key = _make_certificate(tmp_path, "elsewhere", "DNS:mail.elsewhere.example")
    return {"ca": tmp_path / "ca.pem", "here": here, "here_key": here_key,
            "elsewhere": elsewhere, "elsewhere_key": elsewhere_key}  # fmt: skip


def _server_context(certificate: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    return context


def _sink(context: ssl.SSLContext, *, implicit: bool) -> SMTPSink:
    sink = SMTPSink()
    if implicit:
        sink.controller = Controller(sink, hostname=sink.host, port=sink.port, ssl_context=context)
    else:
        sink.controller = Controller(
            sink, hostname=sink.host, port=sink.port, tls_context=context, require_starttls=True
        )
    return sink.start()


@pytest.fixture
def starttls_server(certificates: dict[str, Path]) -> Iterator[SMTPSink]:
    sink = _sink(_server_context(certificates["here"], certificates["here_key"]), implicit=False)
    yield sink
    sink.stop()


@pytest.fixture
def implicit_tls_server(certificates: dict[str, Path]) -> Iterator[SMTPSink]:
    sink = _sink(_server_context(certificates["here"], certificates["here_key"]), implicit=True)
    yield sink
    sink.stop()


@pytest.fixture
def wrong_host_server(certificates: dict[str, Path]) -> Iterator[SMTPSink]:
    sink = _sink(_server_context(certificates["elsewhere"], certificates["elsewhere_key"]), implicit=False)
    yield sink
    sink.stop()


@pytest.fixture
def trust_test_ca(monkeypatch: pytest.MonkeyPatch, certificates: dict[str, Path]) -> None:
    # The standard OpenSSL variable: the default context then trusts this CA bundle.
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates["ca"]))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def _send(sink: SMTPSink, *, use_tls: bool = False, use_ssl: bool = False) -> None:
    transport = SMTPTransport(host=sink.host, port=sink.port, timeout=5, use_tls=use_tls, use_ssl=use_ssl)
    try:
        transport.send(Outgoing("briefings@example.org", "reader@example.org", "", "", "", {}, "", "", raw=RAW))
    finally:
        transport.close()


def test_starttls_refuses_a_certificate_from_an_untrusted_ca(starttls_server: SMTPSink) -> None:
    with pytest.raises(TemporaryFailure, match="CERTIFICATE_VERIFY_FAILED"):
        _send(starttls_server, use_tls=True)
    assert starttls_server.messages == []


def test_starttls_sends_once_the_ca_is_trusted(starttls_server: SMTPSink, trust_test_ca: None) -> None:
    _send(starttls_server, use_tls=True)
    [received] = starttls_server.wait_for("reader@example.org")
    assert received.message["Subject"] == "Security Briefing"


def test_starttls_refuses_a_trusted_certificate_for_another_host(
    wrong_host_server: SMTPSink, trust_test_ca: None
) -> None:
    with pytest.raises(TemporaryFailure, match=r"CERTIFICATE_VERIFY_FAILED|match"):
        _send(wrong_host_server, use_tls=True)
    assert wrong_host_server.messages == []


def test_implicit_tls_refuses_an_untrusted_certificate(implicit_tls_server: SMTPSink) -> None:
    with pytest.raises(TemporaryFailure, match="CERTIFICATE_VERIFY_FAILED"):
        _send(implicit_tls_server, use_ssl=True)
    assert implicit_tls_server.messages == []


def test_implicit_tls_sends_once_the_ca_is_trusted(implicit_tls_server: SMTPSink, trust_test_ca: None) -> None:
    _send(implicit_tls_server, use_ssl=True)
    assert implicit_tls_server.wait_for("reader@example.org")


def test_newsletters_follow_the_email_use_ssl_setting(settings, implicit_tls_server: SMTPSink) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = implicit_tls_server.host, implicit_tls_server.port
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = False, True
    settings.NEWSLETTER_TRANSPORT = "auto"
    transport = transport_for_settings()
    assert isinstance(transport, SMTPTransport)
    assert transport.use_ssl and not transport.use_tls


def test_django_mail_uses_implicit_tls_and_verifies_it(settings, implicit_tls_server: SMTPSink, monkeypatch) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = implicit_tls_server.host, implicit_tls_server.port
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL, settings.EMAIL_TIMEOUT = False, True, 5
    with pytest.raises(ssl.SSLCertVerificationError):
        send_mail("Your sign-in link", "Hello.", "newsroom@example.org", ["reader@example.org"])
    assert implicit_tls_server.messages == []


def test_django_mail_sends_over_implicit_tls_to_a_trusted_server(
    settings, implicit_tls_server: SMTPSink, trust_test_ca: None
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = implicit_tls_server.host, implicit_tls_server.port
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL, settings.EMAIL_TIMEOUT = False, True, 5
    send_mail("Your sign-in link", "Hello.", "newsroom@example.org", ["reader@example.org"])
    assert implicit_tls_server.wait_for("reader@example.org")


def test_a_server_without_starttls_gets_nothing_in_clear_text(smtp_server: SMTPSink) -> None:
    with pytest.raises(TemporaryFailure, match="STARTTLS"):
        _send(smtp_server, use_tls=True)
    assert smtp_server.messages == []


def _settings_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    code = "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_PORT)"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_email_use_ssl_defaults_to_port_465() -> None:
    result = _settings_with({"EMAIL_HOST": "smtp.example.com", "EMAIL_USE_SSL": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "465"


def test_tls_and_ssl_together_is_a_clear_configuration_error() -> None:
    result = _settings_with({"EMAIL_HOST": "smtp.example.com", "EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"})
    assert result.returncode != 0
    assert "ImproperlyConfigured: EMAIL_USE_TLS and EMAIL_USE_SSL are both set; choose one" in result.stderr
