import pytest
from django.core.exceptions import ValidationError

from lib.charts import ChartDataError, parse_table, table_chart
from pro.blocks import TableChartBlock
from tests.pro.builders import make_report
from tests.pro.conftest import REPORT_SECRET

pytestmark = pytest.mark.django_db


def test_a_pro_member_reads_the_report_with_an_accessible_chart_and_its_table(client, report, alice):
    client.force_login(alice)
    body = client.get(report.url).content.decode()
    assert REPORT_SECRET in body
    assert 'role="img"' in body
    assert '<title id="chart-3-title">Drone deliveries per quarter</title>' in body
    assert "<caption>Data for “Drone deliveries per quarter” (drones)</caption>" in body
    assert '<th scope="row">Q4 2022</th><td>340</td><td>210</td>' in body


def test_outsiders_see_the_outline_but_neither_text_nor_chart(client, report):
    body = client.get(report.url).content.decode()
    assert "Chart: Drone deliveries per quarter" in body
    assert REPORT_SECRET not in body
    assert "<svg" not in body
    assert "340" not in body


def test_the_chart_describes_its_data_for_screen_readers():
    svg = table_chart(table=parse_table("Year, Exports\n2022, 41\n2023, 497"), title="Car exports", unit="US$ million")
    assert "<desc" in svg and "Exports: 2022 41, 2023 497" in svg
    assert svg.count("<rect") == 2


@pytest.mark.parametrize(
    "raw, message",
    [
        ("Year, Exports", "at least one row"),
        ("Year, Exports\n2022, lots", "not a number"),
        ("Year, Exports\n2022, 1, 2", "has 3 cells"),
        ("Year, Exports\n2022, -4", "negative"),
    ],
)
def test_a_bad_table_is_refused_with_a_clear_message(raw, message):
    with pytest.raises(ChartDataError, match=message):
        parse_table(raw)


def test_the_editor_block_refuses_a_bad_table():
    block = TableChartBlock()
    value = block.to_python({"title": "T", "unit": "", "data": "A, B\nx, y"})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_stored_bad_table_is_skipped_not_a_500(client, alice):
    report = make_report(slug="broken", table="A, B\nx, y")
    client.force_login(alice)
    response = client.get(report.url)
    assert response.status_code == 200
    assert "<svg" not in response.content.decode()


def test_the_report_listing_shows_reports(client, report):
    body = client.get("/pro/reports/").content.decode()
    assert report.title in body and REPORT_SECRET not in body
