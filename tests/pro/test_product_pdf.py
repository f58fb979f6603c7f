import pytest

from tests.pro.conftest import MEMO_SECRET, REPORT_SECRET

pytestmark = pytest.mark.django_db


@pytest.mark.pdf
def test_a_pro_member_downloads_the_memo_as_a_pdf(client, memo, alice):
    client.force_login(alice)
    response = client.get(f"{memo.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="minsk-joins-the-drone-pipeline.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.pdf
def test_a_pro_member_downloads_the_report_with_its_chart(client, report, alice):
    client.force_login(alice)
    response = client.get(f"{report.url}pdf/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000


@pytest.mark.parametrize("who", ["anonymous", "free"])
def test_outsiders_get_a_403_with_the_offer_and_no_pdf(client, memo, report, dora, who):
    if who == "free":
        client.force_login(dora)
    for page, secret in ((memo, MEMO_SECRET), (report, REPORT_SECRET)):
        response = client.get(f"{page.url}pdf/")
        assert response.status_code == 403
        assert response["Content-Type"].startswith("text/html")
        assert secret not in response.content.decode()
        assert (b"Upgrade to PRO" if who == "free" else b"Start your free week") in response.content


@pytest.mark.pdf
def test_the_report_pdf_carries_the_chart_and_its_data_table(report, alice):
    from django.template.loader import render_to_string

    from pro.access import product_view

    view = product_view(page=report, user=alice)
    html = render_to_string("pro/product_pdf.html", {"page": report, "view": view, "outlet": "Newsdesk"})
    assert '<svg class="chart chart--wide"' in html and "chart--narrow" not in html
    assert '<th scope="row">Q4 2022</th><td>340</td>' in html
    assert REPORT_SECRET in html


def test_sitemaps_list_memos_and_reports_but_not_their_container(client, memo, report):
    body = client.get("/sitemap-1.xml").content.decode()
    assert memo.url in body and report.url in body
    assert "<loc>http://localhost/library/</loc>" not in body
