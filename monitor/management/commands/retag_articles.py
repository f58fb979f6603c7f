import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from monitor.tagging import article_tag, article_text, texts_analyse
from newsroom.models import ArticlePage


def _bar(done: int, total: int, started: float, width: int = 30) -> str:
    filled = int(width * done / total) if total else width
    rate = done / max(time.monotonic() - started, 1e-9)
    return f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles ({rate:,.0f}/s)"


class Command(BaseCommand):
    help = (
        "Retag every live article with the current registry (editors' corrections are kept) and "
        "record the names it lacks as suggestions; the model stage reads each batch at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=200, help="Articles loaded per query.")
        parser.add_argument(
            "--processes", type=int, default=1, help="Processes for the model stage (one per core is fastest)."
        )

    def handle(self, *args: Any, batch: int = 200, processes: int = 1, **options: Any) -> None:
        ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
        total = len(ids)
        started = time.monotonic()
        show = options.get("verbosity", 1) >= 1 and sys.stderr.isatty()
        tags = 0
        for offset in range(0, total, batch):
            articles = list(ArticlePage.objects.filter(pk__in=ids[offset : offset + batch]).order_by("pk"))
            # The model reads the whole batch at once (nlp.pipe), then each article is tagged.
            analyses = texts_analyse(
                [article_text(a) for a in articles],
                n_process=max(1, processes),
                article_ids=[a.pk for a in articles],
            )
            for article, analysis in zip(articles, analyses, strict=True):
                tags += len(article_tag(article=article, analysis=analysis))
            if show or options.get("verbosity", 1) >= 2:
                self.stderr.write(_bar(min(offset + batch, total), total, started), ending="")
        if show:
            self.stderr.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(f"Retagged {total} article(s) with {tags} tag(s) in {elapsed:.1f}s.")
