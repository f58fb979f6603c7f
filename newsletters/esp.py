"""SendGrid through anymail, with a batch's recipients handed over already parsed.

anymail turns every address it is given into an `EmailAddress` by running it
through Python's email parser, which for a 1,000-recipient batch cost about as
much as everything else in the call together. Our recipients come from the
subscriber table, already validated, as (address, name) pairs, so the batch
path builds each `EmailAddress` from its parts and this backend passes such
objects through untouched. Anything else (a string, as every single message
has) is parsed exactly as anymail always does, so the backend can stand in
for anymail's own SendGrid backend for every message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from anymail.backends.sendgrid import EmailBackend as SendGridBackend
from anymail.backends.sendgrid import SendGridPayload
from anymail.utils import EmailAddress, parse_address_list

# A local part that needs no quoting, as subscriber addresses are in practice.
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def recipient(email: str, name: str) -> EmailAddress:
    """`EmailAddress` for a stored address and display name, parsed only when it is unusual."""
    name = " ".join(name.split())  # no CR/LF or tabs can reach a header
    local, _, domain = email.rpartition("@")
    if _DOT_ATOM.fullmatch(local) and domain.isascii() and _DOT_ATOM.fullmatch(domain):
        return EmailAddress(display_name=name, username=local, domain=domain)
    return EmailAddress(display_name=name, addr_spec=email)


def _addresses(addresses: Sequence[Any]) -> list[EmailAddress]:
    if all(isinstance(address, EmailAddress) for address in addresses):
        return list(addresses)
    return parse_address_list(addresses, field="to")  # type: ignore[no-any-return]


class _Payload(SendGridPayload):  # type: ignore[misc]
    base_message_attrs = tuple(
        (attr, combiner, _addresses if attr == "to" else converter)
        for attr, combiner, converter in SendGridPayload.base_message_attrs
    )


class SendGridBatchBackend(SendGridBackend):  # type: ignore[misc]
    """anymail's SendGrid backend; `to` may hold ready `EmailAddress` objects (see `recipient`)."""

    recipient = staticmethod(recipient)

    def build_message_payload(self, message: Any, defaults: Any) -> _Payload:
        return _Payload(message, defaults, self)
