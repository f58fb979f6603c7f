"""On a 390 px phone no page is wider than the screen, signed out or signed in as a PRO member.

The session is planted: this test is about the layout, not about signing in.
"""

import pytest
from django.test import Client

from tests.factories import ArticleFactory, build_site
from tests.membership.cast import pro_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/security/", "/account/", "/pro/", "/search/?q=Belarus", "/newsletters/", "/accounts/login/"]


def _widths(browser, live_server, cookies: list[dict]) -> dict[str, int]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(cookies)
    page = context.new_page()
    widths = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    return widths


def test_the_emailed_sign_in_page_fits_a_phone_even_for_a_long_address(browser, live_server, settings):
    import re

    from django.core import mail

    settings.SITE_URL = live_server.url
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#link-email").fill("correspondent.in.tehran@newsdesk.example")
    page.get_by_role("button", name="Email me a link").click()
    page.wait_for_load_state()
    link = re.search(r"https?://\S+/accounts/link/[\w-]+/", str(mail.outbox[-1].body))
    assert link
    page.goto(link.group(0))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_no_page_is_wider_than_a_phone_signed_out_or_signed_in(browser, live_server):
    site = build_site()
    ArticleFactory(parent=site.security, title="Belarus and Iran sign a defence memorandum")
    client = Client()
    client.force_login(pro_member("priya"))
    session = [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    for cookies in ([], session):
        too_wide = {path: width for path, width in _widths(browser, live_server, cookies).items() if width > 390}
        assert too_wide == {}, ("signed in" if cookies else "signed out", too_wide)
