"""axe-core over the reader's main pages at desktop and phone widths, signed out and signed in
as a PRO member: no serious or critical violation, and no page wider than the window.

Runs against the demo edition. The PRO session is planted: this test is not about signing in.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client

from tests.membership.cast import pro_member

AXE = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason="accessibility check skipped: run `npm ci` to install axe-core"),
]

WIDTHS = (1366, 390)


def _demo_pages() -> dict[str, str]:
    from events.models import Event
    from monitor.models import Entity
    from newsroom.models import ArticlePage, HomePage, SectionPage
    from pro.models import MemoPage, TrendReportPage

    lead = HomePage.objects.get().lead_story
    assert lead is not None
    event = Event.objects.order_by("starts_at").first()
    entity = Entity.objects.filter(slug="belarus").first() or Entity.objects.first()
    pages = {
        "home": "/",
        "lead article": lead.url,
        "section": SectionPage.objects.live().first().url,
        "search": "/search/?q=Belarus",
        "newsletters": "/newsletters/",
        "pro": "/pro/",
        "memo": MemoPage.objects.live().first().url,
        "report": TrendReportPage.objects.live().first().url,
        "monitor entity": entity.get_absolute_url() if entity else "/monitor/",
    }
    if event:
        pages["event"] = event.get_absolute_url()
    assert ArticlePage.objects.live().exists()
    return pages


def _problems(page: Any, url: str, width: int) -> list[str]:
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        result.append(f"page is {scroll_width}px wide in a {width}px window")
    return list(result)


def test_the_main_pages_have_no_serious_accessibility_problems_and_fit_the_window(
    browser: Any, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("load_demo", stdout=io.StringIO())
    pages = _demo_pages()
    client = Client()
    client.force_login(pro_member("priya"))
    session = [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    found: dict[str, list[str]] = {}
    for who, cookies in (("signed out", []), ("PRO", session)):
        for width in WIDTHS:
            # axe is injected as an inline script, which the site's CSP rightly forbids.
            context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            context.add_cookies(cookies)
            page = context.new_page()
            page.set_default_timeout(30_000)
            for name, path in pages.items():
                problems = _problems(page, live_server.url + path, width)
                if problems:
                    found[f"{name} ({who}, {width}px)"] = problems
            context.close()
    assert found == {}
