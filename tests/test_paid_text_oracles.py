"""Search and Monitor answer only from what the asking reader may read.

A phrase that appears only in a story's paid part must not find the story for a
reader who may not read that part, and a name named only there must not show
in Monitor's counts, charts, timelines or co-mentions for them: either would
answer yes/no questions about text the story page withholds. Readers with
access find and count everything.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.blocks import StreamValue

from core.access import Access
from newsroom.models import ArticleSearchText
from tests.clients import signed_in_client
from tests.factories import ArticleFactory, paragraphs

pytestmark = pytest.mark.django_db

PAID_PHRASE = "zorbulite"  # only in the PRO story's paid part
TEASER_PHRASE = "quellmark"  # in the PRO story's teaser (before the marker)
TITLE_WORD = "Vantorel"
MEMBERS_PAID = "grevillian"  # only in the free-account story's body after its first paragraph


@pytest.fixture
def stories(site) -> dict[str, Any]:
    now = timezone.now()
    pro = ArticleFactory(
        parent=site.security,
        title=f"{TITLE_WORD} pipeline talks stall",
        dek="Why the talks matter.",
        access=Access.PRO,
        topics=[site.iran],
        published_at=now - dt.timedelta(hours=1),
        body=[
            *paragraphs("The first paragraph of the teaser.", f"A second teaser paragraph on {TEASER_PHRASE} grids."),
            ("teaser_end", None),
            *paragraphs(f"The paid analysis of {PAID_PHRASE} stockpiles."),
        ],
    )
    members = ArticleFactory(
        parent=site.gulf,
        title="Port fees rise",
        access=Access.REGISTERED,
        published_at=now - dt.timedelta(hours=2),
        body=paragraphs("The public first paragraph.", f"The members-only {MEMBERS_PAID} tariff table."),
    )
    return {"pro": pro, "members": members}


def _finds(client: Client, query: str, article: Any, **params: str) -> bool:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return article.url in response.content.decode()


@pytest.mark.parametrize("sort", ["relevance", ""])
def test_a_paid_only_phrase_finds_a_pro_story_only_for_pro_members(stories, dora, alice, sort):
    assert not _finds(signed_in_client(None), PAID_PHRASE, stories["pro"], sort=sort)
    assert not _finds(signed_in_client(dora), PAID_PHRASE, stories["pro"], sort=sort)
    assert _finds(signed_in_client(alice), PAID_PHRASE, stories["pro"], sort=sort)


def test_a_quoted_paid_phrase_finds_nothing_for_outsiders(stories, alice):
    query = f'"analysis of {PAID_PHRASE}"'
    assert not _finds(signed_in_client(None), query, stories["pro"])
    assert _finds(signed_in_client(alice), query, stories["pro"])


def test_teaser_words_title_words_and_topics_find_the_story_for_everyone(stories, dora, alice):
    for user in (None, dora, alice):
        client = signed_in_client(user)
        assert _finds(client, TEASER_PHRASE, stories["pro"])
        assert _finds(client, TITLE_WORD, stories["pro"])
        assert _finds(client, "talks matter", stories["pro"])
        assert _finds(client, "Iran pipeline", stories["pro"])


def test_a_free_account_story_is_found_by_its_body_only_for_signed_in_readers(stories, dora, alice):
    assert not _finds(signed_in_client(None), MEMBERS_PAID, stories["members"])
    assert _finds(signed_in_client(dora), MEMBERS_PAID, stories["members"])
    assert _finds(signed_in_client(alice), MEMBERS_PAID, stories["members"])
    assert _finds(signed_in_client(None), "public first paragraph", stories["members"])


def test_the_result_count_gives_nothing_away(stories):
    html = Client().get("/search/", {"q": PAID_PHRASE}).content.decode()
    assert "0 results" in html or "No stories" in html or "no stories" in html.lower()


def test_each_kind_of_reader_has_exactly_one_text_per_story(stories):
    for article in (*stories.values(),):
        rows = ArticleSearchText.objects.filter(article=article)
        for kind in ("anyone", "members", "pro"):
            assert rows.filter(**{f"for_{kind}": True}).count() == 1


def test_republishing_a_story_as_free_makes_its_whole_text_findable(stories):
    pro = stories["pro"]
    pro.access = Access.FREE
    pro.save_revision().publish()
    assert _finds(Client(), PAID_PHRASE, pro)


def test_an_unpublished_story_is_found_by_no_one(stories, alice):
    stories["pro"].unpublish()
    assert not ArticleSearchText.objects.filter(article=stories["pro"]).exists()
    assert not _finds(signed_in_client(alice), TITLE_WORD, stories["pro"])


def test_the_search_text_of_a_story_with_no_teaser_marker_is_its_first_paragraph(site):
    from newsroom.search import search_text_fields

    article = ArticleFactory(parent=site.security, access=Access.PRO, body=paragraphs("Opening words.", "Paid words."))
    public = next(f for f in search_text_fields(article) if f["for_anyone"])
    assert "Opening words." in public["text"] and "Paid words." not in public["text"]
    assert isinstance(article.body, StreamValue)


# Monitor -------------------------------------------------------------------


@pytest.fixture
def tagged(site) -> dict[str, Any]:
    """Belarus is named only in a PRO story's paid part; Iran in its teaser.
    Oman is named only in a free-account story's body after its first paragraph."""
    from monitor.registry import registry_seed
    from monitor.tagging import article_tag

    registry_seed()
    now = timezone.now()
    pro: Any = ArticleFactory(
        parent=site.security,
        title="Drone deliveries continue",
        access=Access.PRO,
        published_at=now - dt.timedelta(days=1),
        body=[*paragraphs("Iran keeps shipping parts."), ("teaser_end", None), *paragraphs("Belarus pays in potash.")],
    )
    members: Any = ArticleFactory(
        parent=site.gulf,
        title="Port fees rise",
        access=Access.REGISTERED,
        published_at=now - dt.timedelta(days=2),
        body=paragraphs("Shipping costs climb.", "Oman raised its fees."),
    )
    for article in (pro, members):
        article_tag(article=article)
    return {"pro": pro, "members": members}


def _entity_page(client: Client, slug: str) -> str:
    response = client.get(f"/monitor/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def _chart_total(html: str) -> int:
    """Stories counted in the chart's accessible data table."""
    import re

    table = html[html.find("<table") : html.find("</table>")]
    return sum(int(n) for n in re.findall(r"<td[^>]*>(\d+)</td>", table))


def test_mentions_record_whether_they_are_in_the_public_part(tagged):
    from monitor.models import ArticleEntity, Mention

    mentions = {m.entity.slug: m.in_public_part for m in Mention.objects.filter(article=tagged["pro"])}
    assert mentions == {"iran": True, "belarus": False}
    belarus = ArticleEntity.objects.get(article=tagged["pro"], entity__slug="belarus")
    assert (belarus.mention_count, belarus.public_mention_count) == (1, 0)


def test_a_name_only_in_paid_text_counts_nothing_for_outsiders(tagged, dora):
    for client in (Client(), signed_in_client(dora)):
        html = _entity_page(client, "belarus")
        assert "No story names Belarus yet." in html
        assert _chart_total(html) == 0
        assert tagged["pro"].title not in html
        assert "/monitor/belarus/with/" not in html


def test_a_name_only_in_paid_text_is_counted_for_pro_members(tagged, alice):
    html = _entity_page(signed_in_client(alice), "belarus")
    assert "Named in 1 story" in html
    assert _chart_total(html) == 1
    assert tagged["pro"].title in html
    assert "/monitor/belarus/with/iran/" in html


def test_outsiders_do_not_see_a_paid_only_name_among_co_mentions(tagged, dora, alice):
    for client in (Client(), signed_in_client(dora)):
        html = _entity_page(client, "iran")
        assert "Named in 1 story" in html
        assert "/monitor/iran/with/belarus/" not in html
        assert tagged["pro"].title not in Client().get("/monitor/iran/with/belarus/").content.decode()
    assert "/monitor/iran/with/belarus/" in _entity_page(signed_in_client(alice), "iran")


def test_the_monitor_index_and_entity_search_count_only_readable_mentions(tagged, alice):
    anonymous = Client().get("/monitor/").content.decode()
    assert "/monitor/belarus/" not in anonymous
    assert "/monitor/belarus/" in signed_in_client(alice).get("/monitor/").content.decode()
    found = Client().get("/monitor/", {"q": "Belarus"}).content.decode()
    assert "0 stories" in found


def test_a_free_account_story_counts_for_signed_in_readers_only(tagged, dora):
    assert "No story names Oman yet." in _entity_page(Client(), "oman")
    assert "Named in 1 story" in _entity_page(signed_in_client(dora), "oman")


def test_deleting_a_live_story_deletes_its_search_texts(stories):
    from wagtail.models import Page

    Page.objects.get(pk=stories["pro"].pk).delete()
    assert not ArticleSearchText.objects.filter(article_id=stories["pro"].pk).exists()


def test_the_search_text_migration_backfills_stories_published_before_it(stories, alice):
    import importlib

    from django.apps import apps

    ArticleSearchText.objects.all().delete()
    importlib.import_module("newsroom.migrations.0003_article_search_text").backfill(apps, None)
    assert ArticleSearchText.objects.filter(article=stories["pro"]).count() == 2
    assert not _finds(Client(), PAID_PHRASE, stories["pro"])
    assert _finds(signed_in_client(alice), PAID_PHRASE, stories["pro"])


def test_the_mention_migration_backfills_where_stored_mentions_lie(tagged):
    import importlib

    from django.apps import apps

    from monitor.models import ArticleEntity, Mention

    Mention.objects.update(in_public_part=False)
    ArticleEntity.objects.update(public_mention_count=0)
    importlib.import_module("monitor.migrations.0002_mentions_in_public_part").backfill(apps, None)
    assert Mention.objects.get(article=tagged["pro"], entity__slug="iran").in_public_part
    assert not Mention.objects.get(article=tagged["pro"], entity__slug="belarus").in_public_part
    iran = ArticleEntity.objects.get(article=tagged["pro"], entity__slug="iran")
    assert iran.public_mention_count == 1
