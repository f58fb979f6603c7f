import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from newsroom.models import ArticlePage, RelatedStory, related_stories_refresh


class Command(BaseCommand):
    help = (
        "Work out and store the related stories of live stories: those with none stored (stories "
        "published before they were stored, imports) or, with --all, every one (after a retagging)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", dest="every", help="Every live story, not only those with none stored."
        )

    def handle(self, *args: Any, every: bool = False, **options: Any) -> None:
        stories = ArticlePage.objects.live()
        if not every:
            stories = stories.exclude(pk__in=RelatedStory.objects.values("article_id"))
        ids = list(stories.order_by("pk").values_list("pk", flat=True))
        started = time.monotonic()
        stored = related_stories_refresh(article_ids=ids)
        self.stdout.write(f"Stored the related stories of {stored} stories in {time.monotonic() - started:.1f} s.")
