"""The header works on a phone without JavaScript: a Menu with sections, Newsletters and PRO,
and an account menu whose "Sign out" is on screen and signs the reader out.

The session is planted: this test is about the header, not about signing in.
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.factories import ArticleFactory, build_site
from tests.membership.cast import pro_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in_phone(browser, live_server):
    client = Client()
    client.force_login(pro_member("priya"))
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_a_phone_reader_without_javascript_opens_the_menu_and_signs_out(browser, live_server):
    site = build_site()
    ArticleFactory(parent=site.security, title="Belarus and Iran sign a defence memorandum")
    context, page = _signed_in_phone(browser, live_server)
    page.goto(live_server.url + "/")

    menu = page.locator(".phone-menu")
    expect(menu.get_by_role("link", name="Newsletters")).to_be_hidden()
    menu.locator("summary").click()
    for name in ("Security", "Newsletters", "Memos", "Trend Reports", "Events", "Monitor"):
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()

    page.locator(".account-menu summary").click()
    sign_out = page.get_by_role("button", name="Sign out")
    expect(sign_out).to_be_visible()
    box = sign_out.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    sign_out.click()
    page.wait_for_load_state()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    context.close()


def test_the_desktop_header_has_a_pro_menu_and_the_footer_its_pages(page, live_server):
    build_site()
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Newsletters")).to_be_visible()
    nav.locator(".pro-menu summary").click()
    nav.get_by_role("link", name="Monitor").click()
    page.wait_for_url("**/monitor/")
    footer = page.get_by_role("navigation", name="Footer")
    for name in ("RSS", "Atom", "Newsletters"):
        expect(footer.get_by_role("link", name=name, exact=True)).to_be_visible()
