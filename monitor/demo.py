"""Monitor's part of the demo edition: the entity registry and every story's tags."""

from typing import Any

from monitor.registry import registry_seed
from monitor.tagging import article_tag
from newsroom.models import ArticlePage


def load_demo(stdout: Any) -> list[tuple[str, str]]:
    # Quiet on purpose: load_demo's own summary is the first thing operators read.
    registry_seed()
    for article in ArticlePage.objects.live().order_by("pk"):
        article_tag(article=article)
    return []
