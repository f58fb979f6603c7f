"""Site search over a large archive: the engine next to a naive scan, in one run.

Builds a throwaway install with --articles synthetic stories (100,000 by
default) written straight into Wagtail's tables with bulk inserts; the
database's full-text index over the per-reader search texts fills itself as
the rows go in. Story bodies are filler words with a long-tailed frequency,
plus planted words whose share of stories is known, so each class of query
has a realistic number of matches:

    rare      "belarus"         in 0.05% of stories
    1%        "ceasefire"       in 1%
    15%       "drones"          in 15%
    two-term  "oil exports"     15% and 5%, both in about 0.75%
    phrase    "drone factory"   the phrase in 0.5%, each word alone in 3%
    none      "zzyzx"           in no story

For each query it times, as a visitor would search (newest first, 20 a page):
the raw engine query (the count and page 1's story ids, straight SQL), the
engine through `search_articles` (plus loading page 1's stories), the /search/
page over real HTTP (a WSGI server on a free local port), and a naive scan
without any index (case-insensitive LIKE over every live story's body, newest
20 and a count). Also the empty search page over HTTP, the fixed cost of
rendering the page, so "HTTP / engine" can be read with and without it.

SQLite by default; with --database-url postgres://…/NAME it creates a scratch
database NAME_search_bench on that server, and drops it afterwards.

    .venv/bin/python bench/search_speed.py [--articles 100000] [--repeat 15]
    .venv/bin/python bench/search_speed.py --database-url postgres://postgres@127.0.0.1:5432/mydb

Timings on a shared 2-core machine are noisy; the ratios are what to read.
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
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("rare", "belarus"),
    ("1%", "ceasefire"),
    ("15%", "drones"),
    ("two-term", "oil exports"),
    ("phrase", '"drone factory"'),
    ("none", "zzyzx"),
]
SYLLABLES = "ka lo mi nu re sa ti vo ba de fi go hu ja ke li mo ne pa ru so ta ve wi ya zo".split()
BODY_WORDS = 200


def _filler_vocabulary(rng: random.Random, size: int = 4000) -> tuple[list[str], list[float]]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    vocabulary = sorted(words)
    rng.shuffle(vocabulary)
    weights = [1 / (rank + 1) for rank in range(size)]  # Zipf-like: a few common words, a long tail
    return vocabulary, weights


def _story(rng: random.Random, vocabulary: tuple[list[str], list[float]]) -> tuple[str, str, str]:
    words, weights = vocabulary
    body = rng.choices(words, weights, k=BODY_WORDS)
    title = rng.choices(words, weights, k=7)

    def plant(word: str, share: float) -> None:
        if rng.random() < share:
            body[rng.randrange(BODY_WORDS)] = word

    plant("belarus", 0.0005)
    plant("ceasefire", 0.01)
    plant("drones", 0.15)
    plant("oil", 0.15)
    plant("exports", 0.05)
    plant("drone", 0.03)
    plant("factory", 0.03)
    if rng.random() < 0.005:
        at = rng.randrange(BODY_WORDS - 1)
        body[at : at + 2] = ["drone", "factory"]
    dek = " ".join(rng.choices(words, weights, k=18)).capitalize() + "."
    return " ".join(title).capitalize(), dek, " ".join(body)


def _setup(tmp: Path, database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(tmp),
        SITE_URL="http://127.0.0.1:8000",
        LOG_LEVEL="WARNING",
        TASKS_BACKEND="immediate",
        PAGE_CACHE_SECONDS="0",
    )
    os.environ.pop("REDIS_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _scratch_postgres(url: str) -> tuple[str, Callable[[], None]]:
    """A fresh database next to the one `url` names; returns its URL and a drop function."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_search_bench"
    admin = parts._replace(path="/postgres").geturl()

    def run(sql: str) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}"')
    run(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return parts._replace(path=f"/{name}").geturl(), drop


def build_archive(count: int, seed: int = 7) -> float:
    """Write `count` live stories (one in ten PRO) under one section; returns seconds taken."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from newsroom.models import ArticlePage, ArticleSearchText, HomePage, SectionPage
    from newsroom.search import search_text_rows_for

    started = time.perf_counter()
    home = HomePage.objects.get(depth=2)
    section = home.add_child(instance=SectionPage(title="Archive", slug="archive"))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    rng = random.Random(seed)
    vocabulary = _filler_vocabulary(rng)
    now = timezone.now()
    fields = ArticlePage._meta.local_concrete_fields
    for chunk_start in range(0, count, 2000):
        pages, rows = [], []
        for n in range(chunk_start, min(count, chunk_start + 2000)):
            title, dek, body = _story(rng, vocabulary)
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
            rows.append((dek, body, now - dt.timedelta(minutes=7 * n + rng.randrange(7))))
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            articles = []
            for n, (page, (dek, body, when)) in enumerate(zip(pages, rows, strict=True)):
                access = "pro" if (chunk_start + n) % 10 == 0 else "free"
                article = ArticlePage(page_ptr_id=page.pk, dek=dek, access=access, published_at=when)
                article.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                article.body = [("paragraph", f"<p>{body}</p>")]
                articles.append(article)
            ArticlePage.objects._insert(articles, fields=fields, raw=True)  # child rows only
            ArticleSearchText.objects.bulk_create(search_text_rows_for(articles), batch_size=500)
        print(f"  {min(count, chunk_start + 2000):,} stories", end="\r", flush=True)
    Page.objects.filter(pk=section.pk).update(numchild=count)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def _times(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _cpu_median(fn: Callable[[], object], repeat: int) -> float:
    # CPU time of this process: on a shared machine it shows the work without the waiting.
    fn()
    times = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _serve() -> tuple[str, Callable[[], None]]:
    from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer, get_internal_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = WSGIServer(("127.0.0.1", 0), QuietHandler, ipv6=False)
    server.set_app(get_internal_wsgi_application())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}", server.shutdown


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        response.read()
        return int(response.status)


def run(args: argparse.Namespace, vendor: str) -> dict[str, object]:
    from django.conf import settings
    from django.db import connection
    from django.test import override_settings

    from newsroom.models import ArticlePage
    from newsroom.search import SearchHits, SearchScope, parse_search
    from newsroom.views import search_articles

    settings.ALLOWED_HOSTS = ["*"]
    # Pages render without a collectstatic run (a plain static URL is enough here).
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain_static}).enable()
    print(f"Building {args.articles:,} stories on {vendor}…", flush=True)
    build_seconds = build_archive(args.articles)
    print(f"  built and indexed in {build_seconds:.1f}s", flush=True)

    base, stop = _serve()
    try:
        assert _get(f"{base}/search/?q=drones") == 200
        page_floor = _p95(_times(lambda: _get(f"{base}/search/"), args.repeat))
        print(f"empty search page over HTTP (fixed render cost): p95 {page_floor:.1f} ms")
        header = f"{'class':9} {'query':16} {'hits':>6} {'raw ms':>7} {'engine ms':>9} {'http ms':>8} {'naive ms':>9}"
        print(header + "   (p95; naive: median; CPU medians in the JSON)")
        classes = []
        for label, query in QUERIES:
            hits = SearchHits(parse_search(query), SearchScope(), by_relevance=False)

            def raw(hits: SearchHits = hits) -> int:
                hits._count = None
                hits.story_ids(0, 20)
                return hits.count()

            def engine(q: str = query) -> int:
                found = search_articles(query=q, section="", after=None, before=None, sort="")
                list(found[0:20])
                return int(found.count())

            def http(q: str = query) -> int:
                return _get(f"{base}/search/?" + urllib.parse.urlencode({"q": q}))

            def naive(q: str = query) -> int:
                words = [w for w in q.replace('"', " ").split() if w]
                scan = ArticlePage.objects.live()
                for word in words:
                    scan = scan.filter(body__icontains=word)
                list(scan.order_by("-published_at").values_list("pk", flat=True)[:20])
                return int(scan.count())

            count = raw()
            raw_ms = _p95(_times(raw, args.repeat))
            raw_cpu = _cpu_median(raw, args.repeat)
            naive_cpu = _cpu_median(naive, 1)
            engine_ms = _p95(_times(engine, args.repeat))
            http_ms = _p95(_times(http, args.repeat))
            naive_ms = statistics.median(_times(naive, max(1, args.repeat // 5)))
            shown = f"{count}+" if count > 1000 else str(count)
            print(
                f"{label:9} {query:16} {shown:>6} {raw_ms:>7.1f} {engine_ms:>9.1f} {http_ms:>8.1f} {naive_ms:>9.1f}",
                flush=True,
            )
            classes.append(
                {
                    "class": label,
                    "hits": count,
                    "raw_p95_ms": round(raw_ms, 1),
                    "engine_p95_ms": round(engine_ms, 1),
                    "http_p95_ms": round(http_ms, 1),
                    "naive_ms": round(naive_ms, 1),
                    "raw_cpu_ms": round(raw_cpu, 2),
                    "naive_cpu_ms": round(naive_cpu, 1),
                    "naive_over_raw_cpu": round(naive_cpu / max(raw_cpu, 0.01), 1),
                    "naive_over_engine": round(naive_ms / max(engine_ms, 0.1), 1),
                    "http_over_engine": round(http_ms / max(engine_ms, 0.1), 2),
                    "http_over_engine_plus_page": round(http_ms / (engine_ms + page_floor), 2),
                }
            )
    finally:
        stop()
        connection.close()
    return {
        "database": vendor,
        "articles": args.articles,
        "build_seconds": round(build_seconds, 1),
        "page_floor_p95_ms": round(page_floor, 1),
        "http_p95_max_ms": max(c["http_p95_ms"] for c in classes),  # type: ignore[type-var]
        "naive_over_engine_min": min(c["naive_over_engine"] for c in classes),  # type: ignore[type-var]
        "naive_over_raw_cpu_min": min(c["naive_over_raw_cpu"] for c in classes),  # type: ignore[type-var]
        "http_over_engine_plus_page_max": max(c["http_over_engine_plus_page"] for c in classes),  # type: ignore[type-var]
        "classes": classes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per query")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server to run on (a scratch database)")
    args = parser.parse_args()

    drop: Callable[[], None] | None = None
    url = ""
    if args.database_url:
        url, drop = _scratch_postgres(args.database_url)
    try:
        with tempfile.TemporaryDirectory(prefix="newsdesk-search-") as tmp:
            _setup(Path(tmp), url)
            figures = run(args, "postgresql" if url else "sqlite")
    finally:
        if drop:
            drop()
    print()
    print(
        f"Search over {args.articles:,} stories on {figures['database']}: worst p95 over HTTP "
        f"{figures['http_p95_max_ms']} ms; the naive scan is at least {figures['naive_over_engine_min']}× slower "
        f"than the engine; HTTP is at most {figures['http_over_engine_plus_page_max']}× the engine plus the "
        "empty page's render."
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
