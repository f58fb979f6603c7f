"""Monitor's part of the demo edition: the entity registry and every story's tags."""

from typing import Any

from monitor.registry import registry_seed
from monitor.tagging import article_tag
from newsroom.models import ArticlePage, related_stories_refresh


def load_demo(stdout: Any) -> list[tuple[str, str]]:
    # Quiet on purpose: load_demo's own summary is the first thing operators read.
    registry_seed()
    live = list(ArticlePage.objects.live().order_by("pk"))
    for article in live:
        article_tag(article=article)
    # Ranked once every story is in and tagged: each was ranked against a partial archive at publication.
    related_stories_refresh(article_ids=[a.pk for a in live])
    return []
