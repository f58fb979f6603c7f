"""A section's page 500 next to its page 1, on an archive of thousands of stories.

Writes a synthetic archive straight into Wagtail's tables under one section (no
search indexing: listings do not use it), then times the section page for
`?page=1` and `?page=500` in the same process, with the page cache off, so
every view runs its queries. Deep pages stay flat when the listing's queries
use an index that matches their order and the page count is cheap; the figure
that matters is `deep_ratio` (page 500 over page 1; goal ≤ 2). The feed, the
sitemap index and the sitemap's first and last pages are timed too: each page
holds at most 10,000 URLs, and `sitemap_last_ratio` (last page over first; goal
≤ 2) shows the last page does not pay for the ones before it. The machine is
shared: numbers are noisy.

    .venv/bin/python bench/listing_speed.py [--articles 12000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(tmp: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(tmp),
        SITE_URL="http://127.0.0.1:8000",
        LOG_LEVEL="WARNING",
        TASKS_BACKEND="immediate",
        PAGE_CACHE_SECONDS="0",
        CACHE_BACKEND="dummy",
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def build_section(count: int) -> str:
    """`count` live stories under a new section; returns the section's URL."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from newsroom.models import ArticlePage, HomePage, SectionPage

    home = HomePage.objects.get(depth=2)
    section = home.add_child(instance=SectionPage(title="Archive", slug="archive"))
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    fields = ArticlePage._meta.local_concrete_fields
    for start in range(0, count, 2000):
        pages = [
            Page(
                title=f"Archive story {n}",
                draft_title=f"Archive story {n}",
                slug=f"story-{n}",
                content_type=content_type,
                live=True,
                path=Page._get_path(section.path, section.depth + 1, n + 1),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}story-{n}/",
                locale=locale,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
            for n in range(start, min(count, start + 2000))
        ]
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            articles = []
            for n, page in enumerate(pages, start=start):
                when = now - dt.timedelta(minutes=n)
                article = ArticlePage(page_ptr_id=page.pk, dek=f"Standfirst {n}.", access="free", published_at=when)
                article.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                article.body = [("paragraph", f"<p>Body of story {n}.</p>")]
                articles.append(article)
            ArticlePage.objects._insert(articles, fields=fields, raw=True)  # child rows only
    Page.objects.filter(pk=section.pk).update(numchild=count)
    return str(section.url)


def _sitemap_pages() -> int:
    """How many pages the sitemap index names."""
    from django.test import Client

    body = Client(HTTP_HOST="127.0.0.1:8000").get("/sitemap.xml").content.decode()
    return body.count("<sitemap>")


def _median_ms(path: str, repeat: int) -> float:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1:8000")
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=12_000, help="stories in the section (≥ 10,000 for page 500)")
    parser.add_argument("--repeat", type=int, default=15, help="timed views per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-listing-") as tmp:
        _setup(Path(tmp))
        started = time.perf_counter()
        url = build_section(args.articles)
        print(f"Wrote {args.articles:,} stories in {time.perf_counter() - started:.1f} s", flush=True)
        last = _sitemap_pages()
        figures: dict[str, float] = {}
        for name, path in (
            ("page_1_ms", f"{url}?page=1"),
            ("page_500_ms", f"{url}?page=500"),
            ("feed_ms", f"{url}feed/"),
            ("sitemap_index_ms", "/sitemap.xml"),
            ("sitemap_first_ms", "/sitemap-1.xml"),
            ("sitemap_last_ms", f"/sitemap-{last}.xml"),
        ):
            figures[name] = round(_median_ms(path, args.repeat), 1)
            print(f"{name:17} {figures[name]:8.1f} ms (median of {args.repeat})", flush=True)
    figures["deep_ratio"] = round(figures["page_500_ms"] / figures["page_1_ms"], 2)
    figures["sitemap_pages"] = last
    figures["sitemap_ms"] = round(figures["sitemap_index_ms"] + figures["sitemap_first_ms"], 1)
    figures["sitemap_last_ratio"] = round(figures["sitemap_last_ms"] / figures["sitemap_first_ms"], 2)
    figures["articles"] = args.articles
    print()
    print(f"Page 500 of the section takes {figures['deep_ratio']:.2f}× page 1 (goal ≤ 2).")
    print(
        f"The sitemap has {last} page(s); its last page takes {figures['sitemap_last_ratio']:.2f}× "
        f"its first (goal ≤ 2); index plus first page {figures['sitemap_ms']:.0f} ms."
    )
    print("The machine is shared: absolute numbers are noisy, the ratio less so.")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
