"""The article's "Copy link" button copies the story's address with the Clipboard API and says so;
without JavaScript the reader gets a plain link instead."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.doors import security_briefing_with_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story_url(live_server, settings):
    story, _security = security_briefing_with_story(settings, live_server.url)
    return live_server.url + story.url, story.full_url


def test_copy_link_puts_the_story_address_on_the_clipboard_and_says_so(browser, story_url):
    url, full_url = story_url
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    share = page.get_by_role("navigation", name="Share this story")
    expect(share.get_by_role("link", name="Link to copy")).to_be_hidden()
    share.get_by_role("button", name="Copy link").click()
    expect(share.get_by_role("status")).to_contain_text("The link to this story is copied")
    expect(share.get_by_role("button", name="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == full_url
    scripts = page.eval_on_selector_all("script[src]", "nodes => nodes.map(n => n.src)")
    assert all(src.startswith(url.split("/", 3)[0] + "//" + url.split("/", 3)[2]) for src in scripts), scripts
    context.close()


def test_without_javascript_the_reader_gets_a_plain_link_to_copy(browser, story_url):
    url, full_url = story_url
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    share = page.get_by_role("navigation", name="Share this story")
    expect(share.get_by_role("link", name="Link to copy")).to_have_attribute("href", full_url)
    expect(share.get_by_role("button", name="Copy link")).to_be_hidden()
    context.close()
