import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import ArticleFactory, build_site, make_image, paragraphs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def edition(live_server):
    site = build_site()
    lead = ArticleFactory(
        parent=site.security,
        title="Iran and Belarus sign a defence memorandum in Tehran",
        slug="iran-belarus-defence-mou",
        dek="The two allies of Moscow agreed to deepen military cooperation.",
        hero_image=make_image("Lukashenko and Raisi"),
        hero_caption="Alexander Lukashenko and Ebrahim Raisi meet in Tehran, 13 March 2023.",
        body=[
            *paragraphs("Iran and Belarus signed a memorandum of understanding on defence."),
            ("why_it_matters", {"body": paragraphs("Drones for Russia.")[0][1]}),
            ("know_more", {"body": paragraphs("In March Lukashenko visited Tehran.")[0][1]}),
        ],
        published_at=timezone.now() - dt.timedelta(hours=1),
    )
    for n in range(3):
        ArticleFactory(parent=site.gulf, title=f"Gulf shipping update {n}")
    site.home.lead_story = lead
    site.home.save_revision().publish()
    return lead


def test_a_reader_opens_the_lead_story_and_finds_it_again_by_search(page, live_server, edition):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Iran and Belarus sign a defence memorandum in Tehran").first.click()
    page.wait_for_url("**/security/iran-belarus-defence-mou/")
    assert page.get_by_role("heading", level=1).inner_text() == "Iran and Belarus sign a defence memorandum in Tehran"
    assert page.locator(".article__dek").inner_text().startswith("The two allies of Moscow")
    assert "13 March 2023" in page.locator(".article__hero figcaption").inner_text()
    page.wait_for_function("() => { const i = document.querySelector('.article__hero img'); return i.complete; }")
    assert page.locator(".article__hero img").evaluate("img => img.naturalWidth") > 0
    expect(page.get_by_role("heading", name="Why it matters")).to_be_visible()
    expect(page.get_by_role("heading", name="Know more")).to_be_visible()

    page.get_by_role("searchbox", name="Search").first.fill("Belarus")
    page.get_by_role("searchbox", name="Search").first.press("Enter")
    page.wait_for_url("**/search/?q=Belarus*")
    result = page.locator(".result__title a").first
    assert "Belarus" in result.inner_text()
    result.click()
    page.wait_for_url("**/security/iran-belarus-defence-mou/")


def test_the_skip_link_is_the_first_stop_for_keyboard_users(page, live_server, edition):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_read_without_javascript(browser, live_server, edition):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + edition.url)
    assert "memorandum of understanding" in page.locator(".article__body").inner_text()
    context.close()
