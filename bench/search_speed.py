"""Site search over a large archive: the engine next to a naive scan, in one run.

Builds a throwaway SQLite install with --articles synthetic stories (100,000 by
default) written straight into Wagtail's tables and indexed with the search
backend's bulk path, then times the same search the /search/ page runs (first
page of 20 results and the total count) for a mix of queries, and the whole
/search/ page through Django. The baseline is what a site without a search
index would do: a case-insensitive scan of every story's body for the words.

    .venv/bin/python bench/search_speed.py [--articles 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "ministers signed agreement tehran moscow gulf drones shipping ports oil gas exports sanctions border talks "
    "ceasefire parliament election budget inflation currency investment pipeline refinery missiles defence "
    "security officials envoy summit trade deal production factory engineers visit cooperation ministry report "
    "analysts region market prices tanker strait corridor reconstruction aid convoy hostage release negotiation "
    "court verdict protest reform coalition militia airport railway grid drought harvest water dam tourism bank"
).split()
QUERIES = ["drones", "oil exports", "ceasefire talks", "tehran moscow", '"drone factory"', "belarus", "zzyzx"]


def _setup(tmp: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(tmp),
        SITE_URL="http://127.0.0.1:8000",
        LOG_LEVEL="WARNING",
        TASKS_BACKEND="immediate",
        PAGE_CACHE_SECONDS="0",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _story(rng: random.Random, n: int) -> tuple[str, str, str]:
    title = " ".join(rng.choice(WORDS) for _ in range(7)).capitalize()
    dek = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "."
    words = [rng.choice(WORDS) for _ in range(160)]
    if n % 997 == 0:
        words[40:42] = ["drone", "factory"]
    if n % 5000 == 0:
        words[80] = "Belarus"
    return title, dek, " ".join(words)


def build_archive(count: int, seed: int = 7) -> float:
    """Write `count` live articles under one section and index them; returns seconds taken."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from newsroom.models import ArticlePage, ArticleSearchText, HomePage, SectionPage
    from newsroom.search import search_text_fields

    started = time.perf_counter()
    home = HomePage.objects.get(depth=2)
    section = home.add_child(instance=SectionPage(title="Archive", slug="archive"))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    backend = get_search_backend()
    rng = random.Random(seed)
    now = timezone.now()
    fields = ArticlePage._meta.local_concrete_fields
    for chunk_start in range(0, count, 2000):
        pages, rows = [], []
        for n in range(chunk_start, min(count, chunk_start + 2000)):
            title, dek, body = _story(rng, n)
            slug = f"story-{n}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    live=True,
                    path=Page._get_path(section.path, section.depth + 1, n + 1),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            rows.append((dek, body, now - dt.timedelta(minutes=n)))
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            articles = []
            for page, (dek, body, when) in zip(pages, rows, strict=True):
                article = ArticlePage(page_ptr_id=page.pk, dek=dek, access="free", published_at=when)
                article.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                article.body = [("paragraph", f"<p>{body}</p>")]
                articles.append(article)
            ArticlePage.objects._insert(articles, fields=fields, raw=True)  # child rows only
            backend.add_bulk(ArticlePage, articles)
            # Site search runs over each story's per-reader search text.
            texts = ArticleSearchText.objects.bulk_create(
                ArticleSearchText(**f) for article in articles for f in search_text_fields(article)
            )
            backend.add_bulk(ArticleSearchText, texts)
    Page.objects.filter(pk=section.pk).update(numchild=count)
    return time.perf_counter() - started


def _time(fn: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsdesk-search-") as tmp:
        _setup(Path(tmp))
        from django.conf import settings
        from django.core.paginator import Paginator
        from django.test import Client, override_settings

        from newsroom.models import ArticlePage
        from newsroom.views import search_articles

        settings.ALLOWED_HOSTS = ["*"]
        # Pages render without a collectstatic run (a plain static URL is enough here).
        plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain_static}).enable()
        print(f"Building and indexing {args.articles:,} articles…", flush=True)
        build_seconds = build_archive(args.articles)
        print(f"  built in {build_seconds:.1f}s", flush=True)

        engine, page, naive = [], [], []
        client = Client()
        print(f"{'query':18} {'hits':>7} {'engine ms':>10} {'page ms':>9} {'naive ms':>9}")
        for query in QUERIES:

            def run_engine(q: str = query, sort: str = "") -> int:
                results = search_articles(query=q, section="", after=None, before=None, sort=sort)
                first = Paginator(results, 20).page(1)
                list(first.object_list)
                return first.paginator.count

            def run_naive(q: str = query) -> int:
                words = [w for w in q.replace('"', " ").split() if w]
                scan = ArticlePage.objects.live()
                for word in words:
                    scan = scan.filter(body__icontains=word)
                return len(list(scan.order_by("-published_at")[:20])) + scan.count() * 0

            hits = run_engine()
            engine_ms = statistics.median(_time(run_engine, args.repeat))
            page_ms = statistics.median(_time(lambda q=query: client.get("/search/", {"q": q}), args.repeat))
            naive_ms = statistics.median(_time(run_naive, max(1, args.repeat // 2)))
            engine.append(engine_ms)
            page.append(page_ms)
            naive.append(naive_ms)
            print(f"{query:18} {hits:>7} {engine_ms:>10.1f} {page_ms:>9.1f} {naive_ms:>9.1f}", flush=True)

    figures = {
        "articles": args.articles,
        "queries": len(QUERIES),
        "engine_p50_ms": round(statistics.median(engine), 1),
        "engine_max_ms": round(max(engine), 1),
        "page_p50_ms": round(statistics.median(page), 1),
        "naive_p50_ms": round(statistics.median(naive), 1),
        "ratio": round(statistics.median(naive) / statistics.median(engine), 3),
    }
    print()
    print(
        f"Search over {args.articles:,} articles: median {figures['engine_p50_ms']} ms in the engine, "
        f"{figures['page_p50_ms']} ms for the whole page; naive scan time / engine time = {figures['ratio']}."
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
