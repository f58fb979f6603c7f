import pytest

from monitor.models import Entity
from pro.charts import drawn_mentions_chart
from tests.pro.builders import make_report

pytestmark = pytest.mark.django_db


def test_a_mentions_chart_draws_weekly_counts_of_monitor_entities():
    Entity.objects.create(name="Belarus", slug="belarus", kind="country")
    chart = drawn_mentions_chart(names="Belarus, Atlantis", weeks=8, title="Coverage of Belarus", chart_id="c1")
    assert 'role="img"' in chart.svg and "Coverage of Belarus" in chart.svg
    assert chart.header == ["Week starting", "Belarus"]
    assert len(chart.rows) >= 8
    assert "not found: Atlantis" in chart.note


def test_a_report_with_a_mentions_chart_renders_for_pro_members(client, alice):
    Entity.objects.create(name="Belarus", slug="belarus", kind="country")
    report = make_report(slug="coverage")
    report.body.append(("mentions_chart", {"title": "Coverage of Belarus", "entities": "Belarus", "weeks": 12}))
    report.save_revision().publish()
    client.force_login(alice)
    body = client.get(report.url).content.decode()
    assert "<caption>Data for “Coverage of Belarus”" in body
