import pytest

from tests.pro.conftest import MEMO_SECRET, REPORT_SECRET

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    # WeasyPrint compresses its streams; decompress them to look for text.
    import re
    import zlib

    chunks = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            chunks.append(match.group(1))
    return b"".join(chunks).decode("latin-1")


def test_a_pro_member_downloads_the_memo_as_a_pdf(client, memo, alice):
    client.force_login(alice)
    response = client.get(f"{memo.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="minsk-joins-the-drone-pipeline.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


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
        assert b"Start your free week" in response.content
