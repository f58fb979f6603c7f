"""The whole move: imports in, stories out through the API, old URLs redirected, a signed webhook received."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from werkzeug import Request, Response

from api.keys import api_key_create
from imports.ghost import ghost_import
from imports.mailchimp import mailchimp_import
from imports.wordpress import wordpress_import
from newsletters.models import Newsletter, Subscriber
from tests.imports.samples import write_ghost, write_mailchimp, write_wxr, wxr_item
from webhooks.models import Endpoint
from webhooks.signing import verify

pytestmark = pytest.mark.django_db


def test_a_newsroom_moves_in_and_reads_its_archive_back(
    site, alice, tmp_path, httpserver, django_capture_on_commit_callbacks
):
    newsletter = Newsletter.objects.get_or_create(slug="security", defaults={"name": "Security", "description": "x"})[0]
    endpoint = Endpoint.objects.create(name="Archive sync", url=httpserver.url_for("/in"), events=["article.published"])
    received: list[tuple[dict[str, str], str]] = []

    def receive(request: Request) -> Response:
        received.append((dict(request.headers), request.get_data(as_text=True)))
        return Response(status=200)

    httpserver.expect_request("/in", method="POST").respond_with_handler(receive)

    with django_capture_on_commit_callbacks(execute=True):
        wordpress_import(path=write_wxr(tmp_path / "wp.xml", [wxr_item(1), wxr_item(2)]), section=site.gulf)
    ghost_import(path=write_ghost(tmp_path / "ghost.json"), section=site.gulf)
    mailchimp_import(path=write_mailchimp(tmp_path / "mc.csv"), newsletter=newsletter)
    assert Subscriber.objects.filter(email__in=["mc.one@example.com", "reader@example.com"]).count() == 2

    # Through the API, anonymously: the paid Ghost story is cut to its teaser.
    anonymous = Client()
    listed = {item["slug"]: item for item in anonymous.get("/api/v1/articles/?limit=100").json()["items"]}
    assert {"old-story-1", "old-story-2", "ghost-public-story", "ghost-paid-story"} <= set(listed)
    paid_id = listed["ghost-paid-story"]["id"]
    teaser = anonymous.get(f"/api/v1/articles/{paid_id}/").json()
    assert teaser["complete"] is False and "Ghostline" not in json.dumps(teaser)
    # With a PRO member's key: the whole story.
    _, raw = api_key_create(owner=alice, name="Archive check")
    full = Client().get(f"/api/v1/articles/{paid_id}/", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert full["complete"] is True and "Ghostline convoys" in json.dumps(full)
    wp = anonymous.get(f"/api/v1/articles/{listed['old-story-1']['id']}/").json()
    assert wp["complete"] is True and wp["body"][1] == {**wp["body"][1], "type": "heading", "text": "Background"}

    # An old WordPress address leads to the imported story.
    response = anonymous.get("/2022/05/old-story-1/")
    assert response.status_code in (301, 302)
    assert (
        response["Location"]
        .rstrip("/")
        .endswith(listed["old-story-1"]["url"].split("://", 1)[1].split("/", 1)[1].rstrip("/"))
    )

    # The receiver verified an "article published" delivery for an imported story.
    published = [(h, b) for h, b in received if json.loads(b)["type"] == "article.published"]
    assert published
    headers, body = published[0]
    verify(secret=endpoint.secret, headers=headers, body=body)
    assert json.loads(body)["data"]["title"] in {"Old story 1", "Old story 2"}
