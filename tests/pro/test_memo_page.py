import pytest
from django.test import Client

from tests.pro.conftest import MEMO_SECRET

pytestmark = pytest.mark.django_db


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_pro_member_reads_every_section_of_the_memo(client, memo, alice):
    client.force_login(alice)
    body = _get(client, memo.url)
    for heading in ("Bottom line", "Key judgements", "What to watch", "Sources"):
        assert heading in body
    assert MEMO_SECRET in body
    assert "Tehran wants a second production base." in body
    assert "Download PDF" in body


@pytest.mark.parametrize("who", ["anonymous", "free"])
def test_outsiders_see_the_title_standfirst_and_offer_but_not_the_memo(client, memo, dora, who):
    if who == "free":
        client.force_login(dora)
    body = _get(client, memo.url)
    assert memo.title in body and memo.dek in body
    # The offer knows the reader: a visitor starts a free week, a free member upgrades.
    assert ("Upgrade to PRO" if who == "free" else "Start your free week") in body
    assert MEMO_SECRET not in body
    assert "second production base" not in body
    assert "Baranovichi" not in body
    assert "2 key judgements" in body
    assert "Download PDF" not in body


def test_the_memo_listing_shows_memos_to_everyone(client, memo):
    body = _get(client, "/pro/memos/")
    assert memo.title in body and memo.dek in body
    assert MEMO_SECRET not in body


def test_a_listing_page_out_of_range_shows_the_last_page(client, memo):
    response = client.get("/pro/memos/?page=99")
    assert response.status_code == 200
    assert memo.title in response.content.decode()
    response = client.get("/pro/reports/?page=abc")
    assert response.status_code == 400
    assert b"must be a whole number" in response.content


def test_the_memo_is_not_searchable_by_its_premium_text(client, memo):
    assert memo.title not in _get(client, "/search/?q=Baranovichi")
