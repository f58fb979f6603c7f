"""Site search answered by the database's full-text index (FTS5 or PostgreSQL)."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.access import Access
from newsroom import search
from newsroom.models import ArticleSearchText
from newsroom.search import SearchHits, SearchScope, parse_search, search_text_rows_for
from tests.factories import ArticleFactory, paragraphs

pytestmark = pytest.mark.django_db

START = timezone.make_aware(dt.datetime(2024, 3, 1, 12, 0))


def _story(parent, n, *, title="Harbour report", text="Tankers waited at the harbour.", **extra):
    extra.setdefault("body", paragraphs(text))
    return ArticleFactory(
        parent=parent,
        title=title,
        slug=f"harbour-{n}",
        published_at=START - dt.timedelta(hours=n),
        **extra,
    )


def _ids(query, reader="anyone", **scope):
    return SearchHits(parse_search(query), SearchScope(reader=reader, **scope), by_relevance=False).story_ids(0, 50)


def test_parsing_keeps_words_and_quoted_phrases_only():
    assert parse_search('drone "drone factory" (AND) *x') == [("drone",), ("drone", "factory"), ("AND",), ("x",)]
    assert parse_search('"unbalanced phrase') == [("unbalanced",), ("phrase",)]
    assert parse_search("😀 -- ''") == []


def test_newest_come_first_and_pages_follow_on(client, site):
    stories = [_story(site.gulf, n) for n in range(5)]
    assert _ids("tankers") == [s.pk for s in stories]
    hits = SearchHits(parse_search("tankers"), SearchScope(), by_relevance=False)
    assert [a.pk for a in hits[2:4]] == [stories[2].pk, stories[3].pk]
    second = client.get("/search/", {"q": "tankers", "page": "2"}).content.decode()
    assert "5 results" in second


def test_words_are_stemmed_and_every_word_must_match(site):
    story = _story(site.gulf, 0, text="Engineers visited the drone factories near Minsk.")
    _story(site.gulf, 1, text="Engineers visited the port.")
    assert _ids("factory") == [story.pk]
    assert _ids("engineers minsk") == [story.pk]
    assert _ids('"drone factory"') == [story.pk]
    assert _ids('"factory drone"') == []


def test_best_match_puts_a_title_hit_above_a_body_hit(site):
    body_only = _story(site.gulf, 0, title="Port news", text="A word about potash, once.")
    in_title = _story(site.gulf, 5, title="Potash exports climb", text="Shipments of fertiliser rose.")
    ranked = SearchHits(parse_search("potash"), SearchScope(), by_relevance=True).story_ids(0, 10)
    assert ranked == [in_title.pk, body_only.pk]
    assert _ids("potash") == [body_only.pk, in_title.pk]


def test_section_and_date_range_narrow_inside_the_index(site):
    gulf = _story(site.gulf, 0)
    old = _story(site.security, 24 * 40)
    recent = _story(site.security, 1)
    assert _ids("harbour", section_path=site.security.path) == [recent.pk, old.pk]
    window = {"after": START - dt.timedelta(days=2), "before": START + dt.timedelta(days=1)}
    assert _ids("harbour", **window) == [gulf.pk, recent.pk]


def test_reader_kinds_see_only_their_own_rows(site):
    body = paragraphs("Teaser about tankers.", "Paid sentence naming Quorvath.")
    pro = _story(site.security, 0, access=Access.PRO, body=body)
    assert _ids("tankers") == [pro.pk]
    assert _ids("quorvath") == []
    assert _ids("quorvath", reader="members") == []
    assert _ids("quorvath", reader="pro") == [pro.pk]


def test_unpublished_and_restricted_stories_drop_out(site):
    kept = _story(site.gulf, 0)
    gone = _story(site.gulf, 1)
    hidden = _story(site.security, 2)
    gone.unpublish()
    PageViewRestriction.objects.create(page=site.security, restriction_type=PageViewRestriction.LOGIN)
    assert _ids("harbour") == [kept.pk]
    assert not ArticleSearchText.objects.filter(article_id=gone.pk).exists()
    assert hidden.pk not in _ids("harbour", reader="pro")


def test_edits_and_deletes_keep_the_index_in_step(site):
    story = _story(site.gulf, 0, text="Grain convoys crossed the border.")
    story.body = paragraphs("Fuel convoys crossed the border.")
    story.save_revision().publish()
    assert _ids("grain") == []
    assert _ids("fuel") == [story.pk]
    ArticleSearchText.objects.filter(article_id=story.pk).update(published_at=START - dt.timedelta(days=900))
    assert _ids("fuel", after=START - dt.timedelta(days=1)) == []
    story.delete()
    assert _ids("fuel") == []


def test_bulk_rows_are_searchable(site):
    stories = [_story(site.gulf, n, text=f"Silo number {n} filled.") for n in range(3)]
    ArticleSearchText.objects.all().delete()
    assert _ids("silo") == []
    ArticleSearchText.objects.bulk_create(search_text_rows_for(stories))
    assert _ids("silo") == [s.pk for s in stories]


def test_the_count_stops_at_its_limit_and_the_page_says_so(client, site, monkeypatch):
    for n in range(4):
        _story(site.gulf, n)
    monkeypatch.setattr(search, "COUNT_LIMIT", 2)
    hits = SearchHits(parse_search("harbour"), SearchScope(), by_relevance=False)
    assert hits.count() == 3
    assert hits.more_than_limit
    html = client.get("/search/", {"q": "harbour"}).content.decode()
    assert "More than 2 results" in html
    assert html.count('class="result"') == 3


def test_the_search_runs_a_fixed_number_of_queries_whatever_the_matches(client, site, django_assert_max_num_queries):
    for n in range(12):
        _story(site.gulf, n)
    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "harbour"})
    assert "12 results" in response.content.decode()


@pytest.mark.parametrize("limit", [2, 1000])
def test_a_page_is_the_same_whether_few_or_many_stories_match(site, monkeypatch, limit):
    # Few matches and many are read by different queries; readers must not tell which.
    stories = [_story(site.gulf, n) for n in range(5)]
    _story(site.gulf, 9, text="Nothing about ships.")
    monkeypatch.setattr(search, "COUNT_LIMIT", limit)
    hits = SearchHits(parse_search("tankers"), SearchScope(), by_relevance=False)
    assert hits.more_than_limit == (limit == 2)
    assert [a.pk for a in hits[0:2]] == [stories[0].pk, stories[1].pk]
    assert [a.pk for a in hits[2:3]] == [stories[2].pk]
    assert _ids("zzyzx") == []


def test_ranking_many_matches_ranks_the_newest_the_reader_is_offered(site, monkeypatch):
    # With more matches than the page offers, only the newest COUNT_LIMIT + 1 are ranked.
    newer = [_story(site.gulf, n, title="Port news", text="A word about potash, once.") for n in (0, 2, 3)]
    in_title = _story(site.gulf, 1, title="Potash exports climb", text="Potash shipments rose.")
    too_old = _story(site.gulf, 50, title="Potash potash potash", text="Potash, potash and potash.")
    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    ranked = SearchHits(parse_search("potash"), SearchScope(), by_relevance=True)
    assert ranked.more_than_limit
    ids = ranked.story_ids(0, 10)
    assert ids[0] == in_title.pk
    assert too_old.pk not in ids
    assert sorted(ids) == sorted([in_title.pk, *[s.pk for s in newer]])
    assert ranked.story_ids(4, 10) == []


def test_past_the_limit_the_page_says_which_stories_it_offers(client, site, monkeypatch):
    for n in range(4):
        _story(site.gulf, n)
    monkeypatch.setattr(search, "COUNT_LIMIT", 2)
    newest = client.get("/search/", {"q": "harbour"}).content.decode()
    assert "narrow the dates to see older stories" in newest
    ranked = client.get("/search/", {"q": "harbour", "sort": "relevance"}).content.decode()
    assert "The best matches among the newest 2 come first." in ranked
    monkeypatch.setattr(search, "COUNT_LIMIT", 1000)
    assert "narrow the dates" not in client.get("/search/", {"q": "harbour"}).content.decode()
