"""Odd query strings get a page that says what is wrong (400) or the nearest
sensible answer, never a server error."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, RequestFactory

from lib.params import BadParam, choice_param, date_param, int_param, str_param
from monitor.registry import registry_seed
from monitor.tagging import article_tag
from tests.factories import ArticleFactory
from tests.pro.builders import make_memo

pytestmark = pytest.mark.django_db

SUPERSCRIPT_TWO = "²"


@pytest.fixture
def anonymous() -> Client:
    return Client(raise_request_exception=False)


@pytest.fixture
def member(alice) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    return client


@pytest.fixture
def tagged(site):
    registry_seed()
    for n in range(3):
        article_tag(article=ArticleFactory(parent=site.security, title=f"Iran story {n}", body=[]))
    story = ArticleFactory(parent=site.security, title="Iran and Belarus", dek="Iran talks to Belarus.")
    article_tag(article=story)
    return site


def _assert_400_naming(response, name: str) -> None:
    assert response.status_code == 400
    body = response.content.decode()
    assert f"“{name}”" in body
    assert 'class="masthead"' in body


def test_a_search_before_the_year_9999_is_a_400_with_a_message(anonymous, site):
    response = anonymous.get("/search/", {"before": "9999-12-31"})
    assert response.status_code == 400
    assert "between 1900-01-01 and 2199-12-31" in response.content.decode()


def test_a_search_between_far_dates_is_a_400(anonymous, site):
    assert anonymous.get("/search/", {"after": "0001-01-01", "before": "0001-01-02"}).status_code == 400


@pytest.mark.parametrize("page", [SUPERSCRIPT_TWO, "١", "²³", "1e3", "%FF", "\x00", "x" * 5000])
def test_unicode_and_other_unreadable_page_numbers_are_a_400_on_sections(anonymous, site, page):
    _assert_400_naming(anonymous.get("/gulf/", {"page": page}), "page")


def test_a_unicode_page_number_is_a_400_on_search(anonymous, site):
    _assert_400_naming(anonymous.get("/search/", {"q": "story", "page": SUPERSCRIPT_TWO}), "page")


def test_a_unicode_page_number_is_a_400_on_the_memo_list(anonymous, db):
    make_memo()
    _assert_400_naming(anonymous.get("/pro/memos/", {"page": SUPERSCRIPT_TWO}), "page")


def test_a_unicode_page_number_is_a_400_on_monitor_pages(member, tagged):
    _assert_400_naming(member.get("/monitor/iran/", {"page": SUPERSCRIPT_TWO}), "page")
    _assert_400_naming(member.get("/monitor/iran/with/belarus/", {"page": SUPERSCRIPT_TWO}), "page")


@pytest.mark.parametrize("page", ["0", "-5", "99", "9" * 40])
def test_far_page_numbers_show_the_nearest_page(member, tagged, page):
    response = member.get("/monitor/iran/", {"page": page})
    assert response.status_code == 200
    assert "Iran story" in response.content.decode()


def test_a_trend_period_at_the_end_of_the_calendar_is_a_400(member, tagged):
    response = member.get("/monitor/trends/", {"entities": "Iran", "start": "9999-12-25", "end": "9999-12-31"})
    assert response.status_code == 400
    assert "between 1900-01-01 and 2199-12-31" in response.content.decode()


@pytest.mark.parametrize("params", [{"q": "Iran\x00"}, {"q": "x" * 5000}])
def test_monitor_search_refuses_nul_and_huge_text(anonymous, tagged, params):
    _assert_400_naming(anonymous.get("/monitor/", params), "q")


@pytest.mark.parametrize("params", [{"data": "everything"}, {"data": "\x00"}])
def test_an_unknown_csv_choice_is_a_400(member, tagged, params):
    _assert_400_naming(member.get("/monitor/iran/mentions.csv", params), "data")


def test_a_nul_time_zone_is_the_events_pages_own_400(anonymous, db):
    response = anonymous.get("/pro/events/", {"tz": "Europe/London\x00"})
    assert response.status_code == 400
    assert b"Unknown time zone" in response.content


def test_the_sign_in_page_ignores_an_unreadable_next(anonymous, db):
    response = anonymous.get("/accounts/link/", {"next": "/x\x00" + "y" * 5000})
    assert response.status_code == 200


def test_the_team_enquiry_ignores_an_unreadable_seat_count(anonymous, db):
    assert anonymous.get("/pro/teams/talk/", {"seats": SUPERSCRIPT_TWO}).status_code == 200
    assert 'value="100000"' in anonymous.get("/pro/teams/talk/", {"seats": "9" * 40}).content.decode()


# The helpers themselves ------------------------------------------------------


def _request(query: dict[str, str]):
    return RequestFactory().get("/", query)


def test_int_param_reads_ascii_digits_and_clamps():
    assert int_param(_request({}), "n", 7) == 7
    assert int_param(_request({"n": " "}), "n", 7) == 7
    assert int_param(_request({"n": "12"}), "n", 7, min=1, max=10) == 10
    assert int_param(_request({"n": "-3"}), "n", 7, min=1) == 1
    assert int_param(_request({"n": "+4"}), "n", 7) == 4
    assert int_param(_request({"n": "9" * 5000}), "n", 7, max=50) == 50
    for bad in (SUPERSCRIPT_TWO, "١٢", "1.0", "1e3", "0x10", "１"):
        with pytest.raises(BadParam):
            int_param(_request({"n": bad}), "n", 7)
        assert int_param(_request({"n": bad}), "n", 7, lenient=True) == 7


def test_date_param_keeps_to_a_sane_range():
    assert date_param(_request({"d": "2024-02-29"}), "d", None) == dt.date(2024, 2, 29)
    assert date_param(_request({"d": ""}), "d", None) is None
    for bad in ("9999-12-31", "0001-01-01", "2024-02-30", "2024-1-1", "２０２４-01-01", "yesterday"):
        with pytest.raises(BadParam):
            date_param(_request({"d": bad}), "d", None)


def test_choice_and_str_params():
    assert choice_param(_request({"c": "csv"}), "c", "html", choices=("html", "csv")) == "csv"
    assert choice_param(_request({"c": "xls"}), "c", "html", choices=("html", "csv"), lenient=True) == "html"
    with pytest.raises(BadParam):
        choice_param(_request({"c": "xls"}), "c", "html", choices=("html", "csv"))
    assert str_param(_request({}), "s", None, max_length=5) is None
    assert str_param(_request({"s": ""}), "s", None, max_length=5) == ""
    assert str_param(_request({"s": " ab "}), "s", None, max_length=5) == "ab"
    for bad in ("abcdef", "a\x00b", "a\x1bb"):
        with pytest.raises(BadParam):
            str_param(_request({"s": bad}), "s", None, max_length=5)


def test_repeated_parameters_are_read_as_the_last_value():
    assert int_param(RequestFactory().get("/?n=1&n=2"), "n", 0) == 2
