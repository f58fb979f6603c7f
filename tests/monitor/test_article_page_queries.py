"""Monitor's parts of a story page built from scratch: the story's tags are read once for
its entity list and its locator map, and the clipping form finds the member's briefing
books and the last-used one in one query."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.access import Access
from monitor.models import BriefingFolder, Clip
from monitor.queries import member_folders_and_last_used


def _tag_reads(queries: CaptureQueriesContext) -> int:
    """Reads of the story's own tags, in the order they appear (not the related-story ranking's)."""
    shown = 'ORDER BY "monitor_articleentity"."first_position" ASC, "monitor_entity"."name" ASC'
    return sum(shown in q["sql"] for q in queries.captured_queries)


def test_a_story_reads_its_tags_once_for_its_entity_list_and_its_map(client, lead):
    with CaptureQueriesContext(connection) as queries:
        body = client.get(lead.url).content.decode()
    assert '<svg class="map"' in body and "Tehran" in body.split('<svg class="map"')[1]
    assert 'href="/monitor/entity/' in body or "Viktor Khrenin" in body
    assert _tag_reads(queries) == 1


def test_a_premium_story_reads_its_tags_once_too(client, site, registry, publish):
    story = publish(parent=site.security, title="Tehran and Minsk", access=Access.PRO)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(story.url).status_code == 200
    assert _tag_reads(queries) == 1


def test_the_last_used_book_is_the_one_clipped_into_last_else_the_last_changed(alice):
    assert member_folders_and_last_used(alice) == ([], None)
    first = BriefingFolder.objects.create(owner=alice, name="A first book")
    second = BriefingFolder.objects.create(owner=alice, name="B second book")
    BriefingFolder.objects.filter(pk=first.pk).update(updated_at=timezone.now() + dt.timedelta(minutes=1))
    folders, last = member_folders_and_last_used(alice)
    assert folders == [first, second] and last == first

    Clip.objects.create(folder=second, title="Older clip", url="https://example.com/a")
    newest = Clip.objects.create(folder=first, title="Newer clip", url="https://example.com/b")
    Clip.objects.filter(pk=newest.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    with CaptureQueriesContext(connection) as queries:
        folders, last = member_folders_and_last_used(alice)
    assert len(queries) == 1
    assert last == second  # its clip is the latest, though the other book changed later
