"""One sender interface, two ways out: raw SMTP and Django's email backends.

`SMTPTransport` speaks smtplib over a connection reused for many messages,
handing it ready-made MIME bytes (the fast path for a plain SMTP relay).
`DjangoTransport` goes through Django's email backend, so any email service
provider django-anymail supports works unchanged.

Encryption is STARTTLS (`use_tls`) or implicit TLS (`use_ssl`, port 465), both
with `ssl.create_default_context()`: the certificate chain and the host name
are verified, exactly as Django's SMTP backend does. The only knob is the CA
store (the standard SSL_CERT_FILE / SSL_CERT_DIR variables), so configuration
can trust a private CA but never turn verification off.

Both raise `TemporaryFailure` (4xx, timeouts: retry later), `PermanentFailure`
(5xx: do not retry, suppress) or `UnknownOutcome` (the connection broke after
the message may have been handed over).
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection


class SendFailure(Exception):
    def __init__(self, message: str, code: int | None = None, *, suppress: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.suppress = suppress  # the address itself is refused: never mail it again


class TemporaryFailure(SendFailure):
    pass


class PermanentFailure(SendFailure):
    pass


class UnknownOutcome(TemporaryFailure):
    """The server may or may not have accepted the message."""


@dataclass
class Outgoing:
    from_email: str
    to_email: str
    to_name: str
    subject: str
    reply_to: str
    headers: dict[str, str]
    html: str
    text: str
    raw: bytes | None = None  # ready-made MIME for the SMTP path


class Transport(Protocol):
    needs_raw: bool

    def send(self, message: Outgoing) -> str:
        """Hand one message over; return the provider's message id (or "")."""
        ...

    def close(self) -> None: ...


def _classify(code: int, text: Any) -> SendFailure:
    detail = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    message = f"{code} {detail}"[:300]
    if 500 <= code < 600:
        return PermanentFailure(message, code, suppress=True)
    return TemporaryFailure(message, code)


def _close_quietly(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        try:
            smtp.close()
        except OSError:
            pass


class SMTPTransport:
    needs_raw = True

    def __init__(
        self,
        *,
        host: str,
        port: int,
        username: str = "",
        password: str = "",
        use_tls: bool = False,
        use_ssl: bool = False,
        timeout: float = 30,
        messages_per_connection: int = 1000,
    ) -> None:
        self.host, self.port, self.username, self.password = host, port, username, password
        if use_tls and use_ssl:
            raise ValueError("use_tls (STARTTLS) and use_ssl (implicit TLS) are mutually exclusive")
        self.use_tls, self.use_ssl = use_tls, use_ssl
        self.timeout, self.messages_per_connection = timeout, messages_per_connection
        self._smtp: smtplib.SMTP | None = None
        self._sent_on_connection = 0
        self._has_size = False
        self._senders: dict[str, str | None] = {}

    def _connect(self) -> smtplib.SMTP:
        smtp: smtplib.SMTP | None = None
        try:
            # Python's starttls() without a context verifies nothing: always pass one.
            if self.use_ssl:
                context = ssl.create_default_context()
                smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.use_tls:
                    # Refuses a server without STARTTLS rather than sending in clear.
                    smtp.starttls(context=ssl.create_default_context())
            if self.username:
                smtp.login(self.username, self.password)
            smtp.ehlo_or_helo_if_needed()
            self._has_size = bool(smtp.does_esmtp and smtp.has_extn("size"))
        except smtplib.SMTPResponseException as error:
            _close_quietly(smtp)
            raise _classify(error.smtp_code, error.smtp_error) from error
        except (OSError, smtplib.SMTPException) as error:
            _close_quietly(smtp)
            raise TemporaryFailure(f"cannot connect to {self.host}:{self.port}: {error}") from error
        self._sent_on_connection = 0
        return smtp

    def send(self, message: Outgoing) -> str:
        assert message.raw is not None
        if self._smtp is None or self._sent_on_connection >= self.messages_per_connection:
            self.close()
            self._smtp = self._connect()
        try:
            sender = self._envelope_sender(message.from_email)
            if sender is not None and _PLAIN_ADDRESS.fullmatch(message.to_email):
                refused = self._sendmail(self._smtp, sender, message.to_email, message.raw)
            else:  # an unusual address: smtplib quotes it
                refused = self._smtp.sendmail(message.from_email, [message.to_email], message.raw)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = error.recipients.get(message.to_email, (550, b"refused"))
            self._reset()
            raise _classify(code, text) from error
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
            self._reset()
            raise _classify(error.smtp_code, error.smtp_error) from error
        except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as error:
            self._drop()
            raise UnknownOutcome(f"connection lost: {error}") from error
        except smtplib.SMTPResponseException as error:
            self._drop()
            raise _classify(error.smtp_code, error.smtp_error) from error
        if refused:
            code, text = next(iter(refused.values()))
            raise _classify(code, text)
        self._sent_on_connection += 1
        return ""

    def _envelope_sender(self, from_email: str) -> str | None:
        if from_email not in self._senders:
            address = parseaddr(from_email)[1]
            self._senders[from_email] = address if _PLAIN_ADDRESS.fullmatch(address) else None
        return self._senders[from_email]

    def _sendmail(self, smtp: smtplib.SMTP, sender: str, recipient: str, message: bytes) -> dict[str, Any]:
        """smtplib's `sendmail` for one plain recipient and a message whose lines all end in CRLF.

        smtplib parses both addresses again and rescans the whole message with two
        regular expressions to fix line ends and stuff dots; here the addresses are
        known to be plain and only the dots need stuffing, which `bytes.replace` does.
        The replies are checked, and failures raised, as `sendmail` does.
        """
        size = f" SIZE={len(message)}" if self._has_size else ""
        smtp.putcmd("mail", f"FROM:<{sender}>{size}")
        code, reply = smtp.getreply()
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        smtp.putcmd("rcpt", f"TO:<{recipient}>")
        code, reply = smtp.getreply()
        if code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        data = message.replace(b"\r\n.", b"\r\n..")
        smtp.send(data + (b".\r\n" if data.endswith(b"\r\n") else b"\r\n.\r\n"))
        code, reply = smtp.getreply()
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
        return {}

    def _reset(self) -> None:
        # After a refusal the connection stays usable; RSET clears the envelope.
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._drop()


class DjangoTransport:
    """Any Django email backend (anymail's ESPs, console, locmem) on one open connection."""

    needs_raw = False

    def __init__(self, backend: str | None = None) -> None:
        self._connection = get_connection(backend, fail_silently=False)
        self._open = False

    def send(self, message: Outgoing) -> str:
        if not self._open:
            self._connection.open()
            self._open = True
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.text,
            from_email=message.from_email,
            to=[_recipient(message.to_email, message.to_name)],
            reply_to=[message.reply_to] if message.reply_to else None,
            headers=message.headers,
            connection=self._connection,
        )
        email.attach_alternative(message.html, "text/html")
        try:
            email.send()
        except Exception as error:
            raise _anymail_failure(error) from error
        status = getattr(email, "anymail_status", None)
        return str(getattr(status, "message_id", "") or "")

    def close(self) -> None:
        if self._open:
            self._connection.close()
            self._open = False


_PLAIN_NAME = re.compile(r"[A-Za-z0-9 '_-]+")
# An ASCII address that needs no quoting in an SMTP envelope.
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+")


def _recipient(address: str, name: str) -> str:
    """`Name <address>`, the name quoted when it holds specials such as `<`, `,` or `.`."""
    if not name:
        return address
    if _PLAIN_NAME.fullmatch(name):
        return f"{name} <{address}>"  # the common case, without the email package's parser
    return str(Address(display_name=name, addr_spec=address))


def _anymail_failure(error: Exception) -> SendFailure:
    try:
        from anymail.exceptions import AnymailRecipientsRefused
    except ImportError:  # pragma: no cover - anymail is a dependency
        AnymailRecipientsRefused = ()  # type: ignore[assignment,misc]
    if isinstance(error, AnymailRecipientsRefused):
        return PermanentFailure(str(error)[:300], 550, suppress=True)
    status = getattr(error, "status_code", None)
    # 401/403 are our configuration, 408/429 the provider's load: retry those.
    if isinstance(status, int) and 400 <= status < 500 and status not in (401, 403, 408, 429):
        return PermanentFailure(str(error)[:300], status)
    return TemporaryFailure(str(error)[:300], status if isinstance(status, int) else None)


# The ESPs whose batch send takes one body and per-recipient data: the merge-field syntax, and
# the backend that sends the batch. SendGrid has no syntax of its own: anymail tells it ours
# through `merge_field_format`; our subclass of anymail's backend takes recipients pre-parsed.
BATCH_MERGE_FIELDS = {"anymail.backends.sendgrid.EmailBackend": "-{}-"}
BATCH_BACKENDS = {"anymail.backends.sendgrid.EmailBackend": "newsletters.esp.SendGridBatchBackend"}


@dataclass
class Batch:
    """One body with merge fields, sent to many recipients, each with their own values and headers."""

    from_email: str
    subject: str
    reply_to: str
    html: str
    text: str
    headers: dict[str, str]  # the same for everyone
    recipients: list[tuple[str, str]]  # (email, name)
    merge_data: dict[str, dict[str, str]]
    merge_headers: dict[str, dict[str, str]]
    merge_metadata: dict[str, dict[str, str]]


class EspBatchTransport:
    """An ESP's batch send through anymail: up to `batch_size` recipients per API call.

    The ESP fills each recipient's merge fields (greeting, links) into the shared
    body and sends each their own message; per-recipient headers carry the
    List-Unsubscribe link and Message-ID, per-recipient metadata the delivery id.
    """

    needs_raw = False

    def __init__(self, *, backend: str, merge_field: str, batch_size: int) -> None:
        self.merge_field, self.batch_size = merge_field, batch_size
        self._single = DjangoTransport(BATCH_BACKENDS.get(backend, backend))
        self._connection = self._single._connection
        # A backend that takes ready address objects spares anymail parsing every recipient.
        self._address: Callable[[str, str], Any] = getattr(self._connection, "recipient", _recipient)

    def field(self, name: str) -> str:
        return self.merge_field.format(name)

    def send(self, message: Outgoing) -> str:
        return self._single.send(message)

    def send_batch(self, batch: Batch) -> dict[str, tuple[str, str]]:
        """Hand a batch over; return each recipient's (status, message id). Raises for the whole call."""
        from anymail.message import AnymailMessage

        email = AnymailMessage(
            subject=batch.subject,
            body=batch.text,
            from_email=batch.from_email,
            to=[self._address(address, name) for address, name in batch.recipients],
            reply_to=[batch.reply_to] if batch.reply_to else None,
            headers=batch.headers,
            connection=self._connection,
        )
        email.attach_alternative(batch.html, "text/html")
        email.merge_data = batch.merge_data
        email.merge_headers = batch.merge_headers
        email.merge_metadata = batch.merge_metadata
        email.esp_extra = {"merge_field_format": self.merge_field}
        try:
            email.send()
        except Exception as error:
            raise _anymail_failure(error) from error
        recipients = email.anymail_status.recipients
        return {
            address: (str(status.status or "queued"), str(status.message_id or ""))
            for address, status in recipients.items()
        }

    def close(self) -> None:
        self._single.close()


def transport_for_settings() -> Transport:
    choice = settings.NEWSLETTER_TRANSPORT
    smtp_backend = settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    if choice == "smtp" or (choice == "auto" and smtp_backend and settings.EMAIL_HOST):
        return SMTPTransport(
            host=settings.EMAIL_HOST or "127.0.0.1",
            port=settings.EMAIL_PORT,
            username=settings.EMAIL_HOST_USER,
            password=settings.EMAIL_HOST_PASSWORD,
            use_tls=settings.EMAIL_USE_TLS,
            use_ssl=settings.EMAIL_USE_SSL,
            timeout=settings.EMAIL_TIMEOUT,
            messages_per_connection=settings.NEWSLETTER_MESSAGES_PER_CONNECTION,
        )
    merge_field = BATCH_MERGE_FIELDS.get(settings.EMAIL_BACKEND)
    if merge_field and settings.NEWSLETTER_ESP_BATCH_SIZE > 1:
        return EspBatchTransport(
            backend=settings.EMAIL_BACKEND, merge_field=merge_field, batch_size=settings.NEWSLETTER_ESP_BATCH_SIZE
        )
    return DjangoTransport()
