"""The read-only Content API: lists, details, filters, cursors, ETags and errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from api.keys import api_key_create
from core.access import Access
from tests.factories import ArticleFactory, paragraphs

pytestmark = pytest.mark.django_db

PAID = "Only PRO members may read that the convoy crossed at Astara."


@pytest.fixture
def stories(site) -> dict[str, Any]:
    now = timezone.now()
    premium = ArticleFactory(
        parent=site.security,
        title="Drone plant plans",
        slug="drone-plant-plans",
        access=Access.PRO,
        topics=[site.iran],
        authors=[site.reporter],
        published_at=now - dt.timedelta(days=1),
        body=[*paragraphs("A teaser everyone reads.", PAID), ("heading", "What comes next")],
    )
    free = [
        ArticleFactory(parent=site.gulf, published_at=now - dt.timedelta(days=2 + n), title=f"Gulf story {n}")
        for n in range(5)
    ]
    return {"premium": premium, "free": free}


def _bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_lists_articles_newest_first_with_sections_topics_and_authors(stories, client):
    data = client.get("/api/v1/articles/").json()
    titles = [item["title"] for item in data["items"]]
    assert titles[0] == "Drone plant plans"
    assert titles[1:] == [f"Gulf story {n}" for n in range(5)]
    first = data["items"][0]
    assert first["section"]["slug"] == "security"
    assert [t["slug"] for t in first["topics"]] == ["iran"]
    assert first["authors"][0]["name"]
    assert first["url"].endswith("/drone-plant-plans/")


def test_the_article_detail_gives_anonymous_callers_the_teaser_only(stories, client):
    body = client.get(f"/api/v1/articles/{stories['premium'].pk}/").json()
    assert body["complete"] is False and body["needs"] == "pro"
    assert [b["type"] for b in body["body"]] == ["paragraph"]
    assert PAID not in str(body)


def test_a_pro_members_key_reads_the_whole_body_as_structured_blocks(stories, alice):
    _, raw = api_key_create(owner=alice, name="Dashboard")
    body = Client().get(f"/api/v1/articles/{stories['premium'].pk}/", **_bearer(raw)).json()
    assert body["complete"] is True
    assert [b["type"] for b in body["body"]] == ["paragraph", "paragraph", "heading"]
    assert PAID in body["body"][1]["html"]
    assert body["body"][2]["text"] == "What comes next"


def test_a_lapsed_owners_key_reads_as_free(stories, lapsed):
    _, raw = api_key_create(owner=lapsed, name="Old key")
    body = Client().get(f"/api/v1/articles/{stories['premium'].pk}/", **_bearer(raw)).json()
    assert body["complete"] is False
    assert PAID not in str(body)


def test_a_signed_in_browser_session_unlocks_nothing(stories, alice):
    client = Client()
    client.force_login(alice)
    assert PAID not in client.get(f"/api/v1/articles/{stories['premium'].pk}/").content.decode()


def test_filters_narrow_the_list(stories, client):
    assert [i["title"] for i in client.get("/api/v1/articles/?section=security").json()["items"]] == [
        "Drone plant plans"
    ]
    assert len(client.get("/api/v1/articles/?topic=iran").json()["items"]) == 1
    assert len(client.get("/api/v1/articles/?access=free").json()["items"]) == 5
    assert client.get("/api/v1/articles/?section=nowhere").json()["items"] == []
    since = (timezone.now() - dt.timedelta(days=3)).date().isoformat()
    assert len(client.get(f"/api/v1/articles/?since={since}").json()["items"]) >= 2


def test_search_finds_paid_words_only_for_a_pro_key(stories, alice, client):
    from newsroom.search import article_search_texts_refresh

    article_search_texts_refresh(article=stories["premium"])
    assert client.get("/api/v1/articles/?q=Astara").json()["items"] == []
    _, raw = api_key_create(owner=alice, name="Search")
    found = Client().get("/api/v1/articles/?q=Astara", **_bearer(raw)).json()["items"]
    assert [i["slug"] for i in found] == ["drone-plant-plans"]


def test_cursors_walk_the_whole_list_without_repeats(stories, client):
    seen: list[str] = []
    url = "/api/v1/articles/?limit=2"
    while True:
        data = client.get(url).json()
        seen += [i["slug"] for i in data["items"]]
        if not data["next_cursor"]:
            break
        url = f"/api/v1/articles/?limit=2&cursor={data['next_cursor']}"
    assert len(seen) == 6 and len(set(seen)) == 6


@pytest.mark.parametrize(
    "query",
    ["cursor=forged", "limit=0", "limit=100000", "since=yesterday", "access=everything", "limit=abc"],
)
def test_bad_parameters_get_a_400_with_a_json_reason(stories, client, query):
    response = client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_cursor_from_another_list_is_refused(stories, client):
    cursor = client.get("/api/v1/articles/?limit=1").json()["next_cursor"]
    response = client.get(f"/api/v1/sections/?cursor={cursor}")
    assert response.status_code == 400


def test_an_unchanged_list_answers_304_to_its_etag(stories, client):
    first = client.get("/api/v1/articles/")
    etag = first["ETag"]
    assert etag
    assert client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    ArticleFactory(parent=stories["premium"].get_parent(), title="A newer story")
    assert client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_unknown_ids_and_slugs_are_404_json(stories, client):
    for url in ("/api/v1/articles/999999/", "/api/v1/memos/nope/", "/api/v1/newsletters/nope/issues/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["detail"]


def test_a_bad_key_is_refused_not_read_as_anonymous(stories, client):
    response = client.get("/api/v1/articles/", HTTP_AUTHORIZATION="Bearer nd_not-a-key")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_sections_topics_authors_and_entities_are_listed(stories, client):
    assert {s["slug"] for s in client.get("/api/v1/sections/").json()["items"]} >= {"security", "gulf"}
    assert "iran" in {t["slug"] for t in client.get("/api/v1/topics/").json()["items"]}
    assert client.get("/api/v1/authors/").json()["items"]
    assert client.get("/api/v1/entities/").status_code == 200
    assert client.get("/api/v1/newsletters/").status_code == 200
    assert client.get("/api/v1/events/").status_code == 200
    assert client.get("/api/v1/memos/").status_code == 200
    assert client.get("/api/v1/reports/").status_code == 200


def test_the_schema_is_openapi_3_1_and_the_docs_load_local_assets(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/articles/" in schema["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
