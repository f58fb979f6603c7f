import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pro.models import MemoPage, TrendReportPage
from tests.pro.builders import product_index

pytestmark = pytest.mark.django_db


def test_an_editor_creates_and_publishes_a_memo(client, site, bob):
    client.force_login(bob)
    data = nested_form_data(
        {
            "title": "Editors write memos",
            "slug": "editors-write-memos",
            "dek": "A standfirst.",
            "published_at": "",
            "bottom_line": rich_text("<p>The bottom line.</p>"),
            "key_judgements": streamfield([("judgement", "One judgement.")]),
            "what_to_watch": streamfield([("item", "One thing.")]),
            "sources": streamfield([("source", {"title": "IRNA", "url": ""})]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/pro/memopage/{product_index().pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert MemoPage.objects.get(slug="editors-write-memos").live


def _report_form(data_table: str) -> dict:
    return nested_form_data(
        {
            "title": "Editors write reports",
            "slug": "editors-write-reports",
            "dek": "A standfirst.",
            "published_at": "",
            "body": streamfield([("table_chart", {"title": "Exports", "unit": "US$ million", "data": data_table})]),
            "action-publish": "publish",
        }
    )


def test_an_editor_creates_a_trend_report_with_a_chart(client, site, bob):
    client.force_login(bob)
    response = client.post(
        f"/admin/pages/add/pro/trendreportpage/{product_index().pk}/", _report_form("Year, Cars\n2023, 497")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert TrendReportPage.objects.get(slug="editors-write-reports").live


def test_a_bad_chart_table_comes_back_as_a_form_error(client, site, bob):
    client.force_login(bob)
    response = client.post(
        f"/admin/pages/add/pro/trendreportpage/{product_index().pk}/", _report_form("Year, Cars\n2023, many")
    )
    assert response.status_code == 200
    assert "not a number" in response.content.decode()
    assert not TrendReportPage.objects.exists()
