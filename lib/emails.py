"""The one way Newsdesk sends an email: a trio of templates per message.

`templates/emails/<name>-subject.txt`, `<name>-body.txt` and `<name>-body.html`.
Subject templates wrap themselves in `{% autoescape off %}`: a header is plain
text, so `Sweden's` must not arrive as `Sweden&#x27;s`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_subject(template: str, context: dict) -> str:
    """One line of plain text from `emails/<template>-subject.txt`."""
    return " ".join(render_to_string(f"emails/{template}-subject.txt", context).split())


def send_templated_email(
    *,
    template: str,
    to: list[str],
    context: dict,
    from_email: str | None = None,
    headers: dict | None = None,
) -> None:
    context = {"SITE_URL": settings.SITE_URL, **context}
    subject = render_subject(template, context)
    body = render_to_string(f"emails/{template}-body.txt", context)
    html = render_to_string(f"emails/{template}-body.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    message.send()
