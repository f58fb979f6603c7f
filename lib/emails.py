"""The one helper every templated email goes through.

Each email is a trio of templates: `emails/<name>-subject.txt`,
`emails/<name>-body.txt` and `emails/<name>-body.html`.
"""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated_email(
    *,
    template: str,
    to: list[str],
    context: dict[str, Any],
    from_email: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    context = {"SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{template}-subject.txt", context).split())
    text = render_to_string(f"emails/{template}-body.txt", context)
    html = render_to_string(f"emails/{template}-body.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    message.send()
