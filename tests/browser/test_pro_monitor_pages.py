"""PRO pages in a real browser: a trend report's chart stays legible on a desktop and on a
phone, and a PRO member works an entity page (Alert me, Follow, Compare) and clips a selected
passage from a story into a briefing book."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.factories import build_site
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
