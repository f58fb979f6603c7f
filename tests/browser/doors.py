"""What every emailed-door test needs: the link out of a received email, and a browser with no session."""

from __future__ import annotations

import re
from typing import Any

MEETING_HOST = re.compile(r"^https://meet\.example\.com/")


def link_in(text: str, prefix: str) -> str:
    """The first link in `text` that starts with `prefix`."""
    match = re.search(re.escape(prefix) + r"[^\s\"'<>]*", text)
    assert match, f"no link starting {prefix} in:\n{text}"
    return match.group(0)


def fresh_page(browser: Any, *, stub: dict[re.Pattern[str], str] | None = None) -> Any:
    """A browser with no cookies at all: the reader opens the email on another device.

    `stub` answers outside addresses (a meeting host, say) with fixed HTML.
    """
    context = browser.new_context()
    for pattern, body in (stub or {}).items():
        context.route(pattern, _answer_with(body))
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _answer_with(body: str) -> Any:
    # One argument only: Playwright passes the request too to a handler that takes two.
    def answer(route: Any) -> None:
        route.fulfill(body=body, content_type="text/html")

    return answer


def security_briefing_with_story(settings: Any, site_url: str) -> tuple[Any, Any]:
    """The Security Briefing, fed by the Security section, which holds an hour-old story."""
    import datetime as dt

    from django.utils import timezone

    from newsletters.models import Newsletter
    from newsletters.setup import ensure_briefings
    from tests.factories import ArticleFactory, build_site

    settings.SITE_URL = site_url
    settings.NEWSLETTER_SEND_THREADS = 1
    site: Any = build_site()
    story = ArticleFactory(
        parent=site.security,
        title="Iran and Belarus sign a defence memorandum in Tehran",
        slug="iran-belarus-defence-mou",
        published_at=timezone.now() - dt.timedelta(hours=1),
    )
    ensure_briefings()  # a transactional test may follow a flush
    security = Newsletter.objects.get(slug="security")
    security.sections.set([site.security])
    return story, security
