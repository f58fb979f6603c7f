"""Every email's subject line arrives as plain text: no HTML entities in the Subject header.

Each trio in templates/emails/ is sent through the one email helper to a real
SMTP server with reader text full of characters HTML would escape; the header
that arrives must carry them raw (`Sweden's`, not `Sweden&#x27;s`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from lib.emails import send_templated_email
from tests.smtp import smtp_server  # noqa: F401  (shared fixture)

EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"
TEMPLATES = sorted(p.name.removesuffix("-subject.txt") for p in EMAILS.glob("*-subject.txt"))
READER_TEXT = "Sweden's \"Q&A\" on Gulf & Red Sea's 'routes'"
# Subjects that carry no reader-typed or editor-typed text at all.
FIXED_SUBJECTS = {
    "account_already_exists",
    "account_email_confirmation",
    "account_login_code",
    "account_password_reset_key",
    "membership_signin_link",
    "membership_trial_ending",
    "newsletters_confirm",
}


class Anything:
    """Stands for any object a template asks for: every attribute, item and string is READER_TEXT.

    Attributes the templates format as dates (`dates`) are a real moment instead.
    """

    def __init__(self, dates: frozenset[str] = frozenset()) -> None:
        self._dates = dates

    def __str__(self) -> str:
        return READER_TEXT

    def __getattr__(self, name: str) -> Anything:
        if name.startswith("_"):
            raise AttributeError(name)
        return timezone.now() if name in self._dates else Anything(self._dates)  # type: ignore[return-value]

    def __getitem__(self, key: Any) -> Anything:
        if key in self._dates:
            raise KeyError(key)  # the template engine then tries the attribute
        return Anything(self._dates)

    def __iter__(self) -> Iterator[Anything]:
        return iter([Anything(self._dates)])

    def __len__(self) -> int:
        return 2

    def __bool__(self) -> bool:
        return True


def _context_for(template: str) -> dict[str, Any]:
    """Every name the trio's tags mention, as reader text (loop variables and filters do no harm)."""
    source = "".join((EMAILS / f"{template}-{part}").read_text() for part in ("subject.txt", "body.txt", "body.html"))
    tags = re.findall(r"{{(.*?)}}|{%(.*?)%}", source, re.S)
    names = {name for pair in tags for tag in pair for name in re.findall(r"[A-Za-z_]\w*", tag)}
    dates = frozenset(re.findall(r"\.(\w+)\|date", source))
    return {name: Anything(dates) for name in names - {"SITE_URL"}}


def test_every_subject_template_is_checked() -> None:
    assert len(TEMPLATES) >= 11
    assert {"newsletters_issue", "newsletters_confirm", "monitor_alert", "monitor_alert_digest"} <= set(TEMPLATES)


@pytest.mark.django_db
@pytest.mark.parametrize("template", TEMPLATES)
def test_the_subject_arrives_without_html_escaping(template: str, smtp_server) -> None:  # noqa: F811
    send_templated_email(template=template, to=["reader@example.org"], context=_context_for(template))

    [received] = smtp_server.wait_for("reader@example.org")
    subject = str(received.message["Subject"])
    assert not re.search(r"&(#x?[0-9a-f]+|amp|quot|lt|gt|apos);", subject, re.I), subject
    if template not in FIXED_SUBJECTS:
        assert READER_TEXT in subject
