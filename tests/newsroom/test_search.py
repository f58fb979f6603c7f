import datetime as dt

import pytest
from django.utils import timezone

from core.access import Access
from tests.factories import ArticleFactory, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(site):
    when = timezone.make_aware(dt.datetime(2023, 8, 21, 9, 0))
    lead = ArticleFactory(
        parent=site.security,
        title="Iran and Belarus sign defence memorandum",
        body=paragraphs("Belarus and Iran agreed to deepen military ties in Tehran."),
        published_at=when,
    )
    gulf = ArticleFactory(
        parent=site.gulf,
        title="Gulf ports expand",
        body=paragraphs("Shipping through the Gulf grew, with a nod to Belarus potash."),
        published_at=when - dt.timedelta(days=60),
    )
    pro = ArticleFactory(
        parent=site.security,
        title="Drone supply chains",
        access=Access.PRO,
        body=paragraphs("Belarus opens the teaser.", "Premium secret sentence about Belarus factories."),
        published_at=when - dt.timedelta(days=10),
    )
    return {"lead": lead, "gulf": gulf, "pro": pro}


def test_it_finds_articles_by_body_words_and_highlights_them(client, stories):
    response = client.get("/search/", {"q": "Belarus"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "sign defence memorandum" in html
    assert "Iran and <mark>Belarus</mark> sign" in html
    assert "3 results" in html


def test_it_matches_quoted_phrases(client, stories):
    html = client.get("/search/", {"q": '"military ties"'}).content.decode()
    assert "1 result " in html
    assert "sign defence memorandum" in html


def test_it_filters_by_section(client, stories):
    html = client.get("/search/", {"q": "Belarus", "section": "gulf"}).content.decode()
    assert "Gulf ports expand" in html
    assert "memorandum" not in html


def test_it_filters_by_date_range(client, stories):
    html = client.get("/search/", {"q": "Belarus", "after": "2023-08-01", "before": "2023-08-31"}).content.decode()
    assert "memorandum" in html
    assert "Gulf ports expand" not in html
    assert "Drone supply chains" in html


def test_snippets_of_premium_stories_come_from_the_teaser_only(client, stories):
    html = client.get("/search/", {"q": "factories"}).content.decode()
    assert "Premium secret sentence" not in html


def test_staff_snippets_may_show_premium_text(client, stories, bob):
    client.force_login(bob)
    html = client.get("/search/", {"q": "factories"}).content.decode()
    assert "<mark>factories</mark>" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced'},
        {"q": "AND OR NOT"},
        {"q": "*"},
        {"q": "(((("},
        {"q": "-"},
        {"q": "😀 🚀"},
        {"q": "x" * 150},
        {"q": "Belarus", "page": "999999"},
        {"q": "Belarus", "sort": "relevance"},
        {"q": "'; DROP TABLE newsroom_articlepage; --"},
    ],
)
def test_odd_searches_never_fail(client, stories, params):
    response = client.get("/search/", params)
    assert response.status_code in (200, 404)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 500},
        {"q": "Belarus", "after": "not-a-date"},
        {"q": "Belarus", "after": "2023-09-01", "before": "2023-01-01"},
        {"q": "Belarus", "section": "no-such-section"},
        {"q": "Belarus", "sort": "sideways"},
    ],
)
def test_bad_search_input_gets_a_400_with_a_message(client, stories, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_unreadable_page_numbers_are_400_and_far_ones_the_nearest_page(client, stories):
    assert client.get("/search/", {"q": "Belarus", "page": "abc"}).status_code == 400
    assert client.get("/search/", {"q": "Belarus", "page": "0"}).status_code == 200


def test_snippets_show_apostrophes_and_ampersands_once_escaped(client, site):
    ArticleFactory(parent=site.gulf, title="Ports", body=paragraphs("Moscow&#x27;s partner &amp; Minsk&#x27;s ally."))
    html = client.get("/search/", {"q": "partner"}).content.decode()
    assert "Moscow&#x27;s <mark>partner</mark> &amp; Minsk&#x27;s ally." in html
    assert "&amp;#x27;" not in html


def test_results_come_newest_first_unless_best_match_is_chosen(client, stories):
    html = client.get("/search/", {"q": "Belarus"}).content.decode()
    assert html.index("memorandum") < html.index("Drone supply chains") < html.index("Gulf ports expand")
    ranked = client.get("/search/", {"q": "Belarus", "sort": "relevance"})
    assert ranked.status_code == 200
    assert "3 results" in ranked.content.decode()
