"""PRO pages in a real browser: a trend report's chart stays legible on a desktop and on a
phone, and a PRO member works an entity page (Alert me, Follow, Compare) and clips a selected
passage from a story into a briefing book."""

import datetime as dt

import pytest
from django.test import Client
from playwright.sync_api import expect

from monitor.models import Alert, BriefingFolder, Clip
from monitor.registry import registry_seed
from tests.events.builders import make_qa
from tests.factories import ArticleFactory, build_site, paragraphs
from tests.membership.cast import pro_member
from tests.pro.builders import make_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The smallest label in a chart's visible drawing, in CSS pixels as rendered.
SMALLEST_LABEL_JS = """
() => {
  const svgs = [...document.querySelectorAll('svg.chart')].filter(s => s.getBoundingClientRect().width > 0);
  const sizes = [];
  for (const svg of svgs) {
    const scale = svg.getScreenCTM().a;
    for (const text of svg.querySelectorAll('text')) {
      sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  return {drawings: svgs.length, smallest: Math.min(...sizes), count: sizes.length};
}
"""


def _signed_in(browser, live_server, user, width):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.mark.parametrize("width", [1366, 390])
def test_a_trend_report_chart_is_full_width_with_labels_of_at_least_12_px(browser, live_server, settings, width):
    settings.SITE_URL = live_server.url
    build_site()
    report = make_report()
    context, page = _signed_in(browser, live_server, pro_member("alice"), width)
    page.goto(live_server.url + report.url)
    chart = page.get_by_role("img", name="Drone deliveries per quarter")
    expect(chart).to_be_visible()
    measured = page.evaluate(SMALLEST_LABEL_JS)
    assert measured["drawings"] == 1 and measured["count"] >= 5
    assert measured["smallest"] >= 12, measured
    # The chart spans its column; the numbers wait behind "Show the numbers".
    body_width = page.locator(".article__body").bounding_box()["width"]
    assert chart.bounding_box()["width"] >= body_width - 2
    table = page.get_by_role("table")
    expect(table).to_be_hidden()
    page.get_by_text("Show the numbers").click()
    expect(table).to_contain_text("340")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


STORY_PASSAGE = "Iranian engineers visited Belarus to study drone production."
SELECTED = "visited Belarus to study drone production"


def test_a_pro_member_alerts_follows_and_compares_from_an_entity_page(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    site = build_site()
    registry_seed()
    story = ArticleFactory(parent=site.security, title="Drone plant plans in Belarus", body=paragraphs(STORY_PASSAGE))
    member = pro_member("priya")
    context, page = _signed_in(browser, live_server, member, 1366)

    page.goto(live_server.url + "/monitor/belarus/")
    page.get_by_role("button", name="Alert me").click()
    expect(page.get_by_text("Alert set", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Alert me")).to_have_count(0)
    assert Alert.objects.filter(user=member, entities__slug="belarus").count() == 1

    page.get_by_role("button", name="Follow", exact=True).click()
    expect(page.get_by_role("button", name="Following Belarus: press to stop")).to_be_visible()
    page.goto(live_server.url + "/monitor/")
    following = page.locator("section.monitor-following")
    expect(following.get_by_role("link", name=story.title)).to_be_visible()

    page.goto(live_server.url + "/monitor/belarus/")
    page.get_by_role("link", name="Compare").click()
    field = page.get_by_label("Entities")
    expect(field).to_have_value("Belarus")
    # Adding a second entity: the field suggests names after two letters.
    field.fill("Belarus, ")
    field.press_sequentially("Ir", delay=80)
    expect(page.locator('datalist option[value="Belarus, Iran"]')).to_have_count(1)
    field.fill("Belarus, Iran")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("img", name="Stories per week naming Belarus, Iran")).to_be_visible()
    context.close()


def test_a_pro_member_clips_a_selected_passage_into_the_last_used_briefing_book(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    site = build_site()
    registry_seed()
    story = ArticleFactory(parent=site.security, title="Drone plant plans in Belarus", body=paragraphs(STORY_PASSAGE))
    member = pro_member("priya")
    BriefingFolder.objects.create(owner=member, name="Older book")
    book = BriefingFolder.objects.create(owner=member, name="Belarus book")
    context, page = _signed_in(browser, live_server, member, 1366)

    page.goto(live_server.url + story.url)
    expect(page.get_by_label("Briefing book", exact=True)).to_have_value(str(book.pk))
    page.evaluate(
        """(wanted) => {
          const node = [...document.querySelectorAll('.article__body p')].find(p => p.textContent.includes(wanted));
          const text = node.firstChild, at = text.textContent.indexOf(wanted);
          const range = document.createRange();
          range.setStart(text, at); range.setEnd(text, at + wanted.length);
          const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        }""",
        SELECTED,
    )
    clip_button = page.get_by_role("button", name="Clip the selected passage to your briefing book")
    expect(clip_button).to_be_visible()
    clip_button.click()
    expect(page.get_by_role("status")).to_contain_text("Clipped to “Belarus book”.")
    clip = Clip.objects.get(folder=book)
    assert clip.passage == SELECTED and clip.title == story.title and clip.url.endswith(story.url)

    # The briefing book shows the passage with its citation.
    page.get_by_role("link", name="Open the briefing book").click()
    expect(page.get_by_text(SELECTED)).to_be_visible()
    expect(page.get_by_role("link", name=story.title)).to_be_visible()
    context.close()


def test_the_zone_picker_starts_at_the_browsers_zone_and_the_server_remembers_it(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    build_site()
    event = make_qa(starts_in=dt.timedelta(days=3))
    context = browser.new_context(viewport={"width": 390, "height": 900}, timezone_id="Asia/Dubai")
    page = context.new_page()
    page.goto(live_server.url + event.get_absolute_url())
    picker = page.get_by_label("Show times in")
    expect(picker).to_have_value("Asia/Dubai")
    page.reload()
    expect(page.get_by_text("in Dubai, your choice")).to_be_visible()
    picker.select_option("Europe/London")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.get_by_text("in London, your choice")).to_be_visible()
    context.close()
