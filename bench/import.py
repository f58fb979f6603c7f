"""Imports at scale: rows per second, and peak memory that stays flat as the file grows.

Generates a WordPress export (20,000 posts by default) and a Ghost export
(10,000 posts and 50,000 members), and imports each in a child process of its
own, on a copy of one freshly migrated SQLite database. Every post names one
of 50 featured images, served by a small HTTP server this script starts on
loopback: each import should fetch each image once, whatever the file's size. Each import also runs
on a file a quarter the size: with streamed parsing the peak memory of the two
should be about the same (ratio near 1), while the rows per second are
compared with a parse-only pass over the same file. Peers measured in the same
run: loading the whole file at once (`json.load`, `lxml.etree.parse`), whose
peak grows with the file.

    .venv/bin/python bench/import.py [--scale 1.0]

The machine is shared: absolute numbers are noisy; read the ratios.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
IMAGES = 50
ATTACHMENT_IDS = 10_000_000  # WordPress ids of the image attachments, clear of the posts'
WORDS = "minister signed agreement tehran moscow gulf drones shipping ports oil exports sanctions border talks".split()


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DEBUG")}
    # The image server listens on loopback, which imports refuse unless allowed.
    env.update(DJANGO_SETTINGS_MODULE="config.settings", VAR_DIR=str(var_dir), SITE_URL="http://127.0.0.1:8000",
               LOG_LEVEL="WARNING", TASKS_BACKEND="database", PAGE_CACHE_SECONDS="0",
               IMPORT_IMAGE_ALLOW_PRIVATE_HOSTS="1")  # fmt: skip
    return env


def _html(rng: random.Random) -> str:
    return "".join(f"<p>{' '.join(rng.choice(WORDS) for _ in range(60))}.</p>" for _ in range(4))


class ImageServer:
    """A loopback server answering /img/<n>.png with a small PNG, counting the requests."""

    def __init__(self) -> None:
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (320, 180), (30, 110, 150)).save(buffer, "PNG")
        body, counter = buffer.getvalue(), self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                counter.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.requests = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def write_wxr(path: Path, posts: int, images: str) -> None:
    rng = random.Random(posts)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
                  "<channel><title>Bench</title>\n"
                  "<wp:author><wp:author_login>desk</wp:author_login>"
                  "<wp:author_display_name>Desk</wp:author_display_name></wp:author>\n")  # fmt: skip
        for i in range(IMAGES):
            out.write(f"<item><title>Picture {i}</title><wp:post_id>{ATTACHMENT_IDS + i}</wp:post_id>"
                      "<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                      f"<wp:attachment_url>{images}/wp/{i}.png</wp:attachment_url></item>\n")  # fmt: skip
        for n in range(posts):
            out.write(f"<item><title>Bench story {n}</title><link>https://old.example.com/p/{n}/</link>"
                      f"<dc:creator>desk</dc:creator><content:encoded><![CDATA[{_html(rng)}]]></content:encoded>"
                      f"<excerpt:encoded><![CDATA[Standfirst {n}.]]></excerpt:encoded><wp:post_id>{n}</wp:post_id>"
                      f"<wp:post_date_gmt>2022-01-01 10:00:00</wp:post_date_gmt><wp:post_name>bench-{n}</wp:post_name>"
                      "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                      f'<category domain="post_tag" nicename="tag-{n % 20}">Tag {n % 20}</category>'
                      "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                      f"<wp:meta_value>{ATTACHMENT_IDS + n % IMAGES}</wp:meta_value></wp:postmeta>"
                      "</item>\n")  # fmt: skip
        out.write("</channel></rss>\n")


def write_ghost(path: Path, posts: int, members: int, images: str) -> None:
    rng = random.Random(posts)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"db":[{"meta":{"version":"5.0.0"},"data":{')
        out.write('"users":[{"id":"u1","name":"Desk","slug":"desk"}],')
        out.write('"tags":' + json.dumps([{"id": f"t{i}", "name": f"Tag {i}", "slug": f"tag-{i}"} for i in range(20)]))
        out.write(',"newsletters":[{"id":"n1","slug":"security","name":"Security Briefing"}],"posts":[')
        for n in range(posts):
            post = {"id": f"p{n}", "title": f"Ghost bench {n}", "slug": f"ghost-bench-{n}", "html": _html(rng),
                    "status": "published", "visibility": "paid" if n % 3 == 0 else "public", "type": "post",
                    "published_at": "2023-01-01T10:00:00.000Z", "custom_excerpt": f"Standfirst {n}.",
                    "feature_image": f"{images}/ghost/{n % IMAGES}.png",
                    "feature_image_alt": f"Picture {n}"}  # fmt: skip
            out.write(("," if n else "") + json.dumps(post))
        out.write('],"posts_tags":[')
        out.write(",".join(json.dumps({"post_id": f"p{n}", "tag_id": f"t{n % 20}"}) for n in range(posts)))
        out.write('],"posts_authors":[')
        out.write(",".join(json.dumps({"post_id": f"p{n}", "author_id": "u1"}) for n in range(posts)))
        out.write('],"members":[')
        for n in range(members):
            member = {"id": f"m{n}", "email": f"reader{n}@example.com", "name": f"Reader {n}",
                      "status": "free", "created_at": "2022-06-01T00:00:00.000Z"}  # fmt: skip
            out.write(("," if n else "") + json.dumps(member))
        out.write('],"members_newsletters":[')
        out.write(",".join(json.dumps({"member_id": f"m{n}", "newsletter_id": "n1"}) for n in range(members)))
        out.write("]}}]}")


# -- child side: one measured job ------------------------------------------------


def child(job: str, path: Path) -> dict[str, Any]:
    import django

    django.setup()
    started = time.perf_counter()
    if job == "json_load":
        with path.open() as f:
            data = json.load(f)
        return {"rows": len(data["db"][0]["data"]["posts"]), "seconds": time.perf_counter() - started}
    if job == "xml_parse":
        from lxml import etree

        tree = etree.parse(str(path))
        return {"rows": len(tree.findall(".//item")), "seconds": time.perf_counter() - started}
    if job == "wxr_scan":
        from imports.wordpress import scan

        return {"rows": scan(path)[2], "seconds": time.perf_counter() - started}
    from newsroom.models import SectionPage

    section = SectionPage.objects.get(slug="bench")
    done = {"rows": 0}
    stamps: list[tuple[int, float]] = []

    def progress(count: int) -> None:
        done["rows"] += count
        stamps.append((done["rows"], time.perf_counter()))

    if job == "wxr_import":
        from imports.wordpress import wordpress_import

        report = wordpress_import(path=path, section=section, progress=progress)
    else:
        from imports.ghost import ghost_import

        report = ghost_import(path=path, section=section, progress=progress)
    ended = time.perf_counter()
    result = {"rows": report.created, "errors": len(report.errors), "seconds": ended - started,
              "heroes": report.counts.get("hero images set", 0)}  # fmt: skip
    posts = report.counts.get("posts", 0)
    members = report.created - posts
    if job == "ghost_import" and members:
        # Posts stream first, members after: the batch that completes the posts marks the switch.
        switch = next((t for rows, t in stamps if rows >= posts), started)
        result.update(posts=posts, members=members, posts_seconds=switch - started, members_seconds=ended - switch)
    return result


# -- parent side ------------------------------------------------------------------


def migrate_template(var_dir: Path) -> None:
    code = (
        "import django; django.setup()\n"
        "from django.core.management import call_command; call_command('migrate', verbosity=0)\n"
        "from newsroom.models import HomePage, SectionPage, AuthorIndexPage, TopicIndexPage\n"
        "from newsletters.models import Newsletter\n"
        "home = HomePage.objects.get(depth=2)\n"
        "for page in (SectionPage(title='Bench', slug='bench'), AuthorIndexPage(title='Authors', slug='authors'),"
        " TopicIndexPage(title='Topics', slug='topics')):\n"
        "    home.add_child(instance=page); page.save_revision().publish()\n"
        "Newsletter.objects.get_or_create(slug='security', defaults={'name': 'Security', 'description': 'x'})\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(var_dir), check=True)


def run_job(job: str, path: Path, template: Path, work: Path, images: ImageServer) -> dict[str, Any]:
    var_dir = work / f"var-{job}-{path.stem}"
    shutil.copytree(template, var_dir)
    requests_before = images.requests
    proc = subprocess.Popen([sys.executable, __file__, "--child", job, str(path)], cwd=ROOT, env=_env(var_dir),
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{job} on {path.name} failed")
    shutil.rmtree(var_dir, ignore_errors=True)
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = round(usage.ru_maxrss / 1024, 1)  # Linux reports KiB
    result["rows_per_second"] = round(result["rows"] / result["seconds"], 1) if result["seconds"] else 0
    result["file_mb"] = round(path.stat().st_size / 1e6, 1)
    result["image_requests"] = images.requests - requests_before
    for part in ("posts", "members"):
        if result.get(f"{part}_seconds"):
            result[f"{part}_per_second"] = round(result[part] / result[f"{part}_seconds"], 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Fraction of the full sizes (1.0 = 20k/10k/50k).")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    wp_posts, ghost_posts, members = (max(8, int(n * args.scale)) for n in (20_000, 10_000, 50_000))
    images = ImageServer()
    with tempfile.TemporaryDirectory(prefix="newsdesk-import-bench-") as tmp:
        work = Path(tmp)
        template = work / "template"
        template.mkdir()
        migrate_template(template)
        files = {}
        for label, divisor in (("full", 1), ("quarter", 4)):
            write_wxr(work / f"wp-{label}.xml", wp_posts // divisor, images.base)
            write_ghost(work / f"ghost-{label}.json", ghost_posts // divisor, members // divisor, images.base)
            files[label] = (work / f"wp-{label}.xml", work / f"ghost-{label}.json")
        results: dict[str, Any] = {}
        for label, (wxr, ghost) in files.items():
            for job, path in (("wxr_import", wxr), ("ghost_import", ghost), ("wxr_scan", wxr),
                              ("xml_parse", wxr), ("json_load", ghost)):  # fmt: skip
                results[f"{job}_{label}"] = result = run_job(job, path, template, work, images)
                print(f"{job}_{label}: {json.dumps(result)}", file=sys.stderr, flush=True)
    images.close()
    print(
        f"Import bench: WordPress {wp_posts} posts; Ghost {ghost_posts} posts + {members} members"
        " (and a quarter of each)"
    )
    print(f"{'job':<22}{'file MB':>9}{'rows':>9}{'rows/s':>10}{'peak MB':>10}")
    for name, r in results.items():
        print(f"{name:<22}{r['file_mb']:>9}{r['rows']:>9}{r['rows_per_second']:>10}{r['peak_mb']:>10}")

    def ratio(a: str, b: str, key: str = "peak_mb") -> float:
        return round(results[a][key] / results[b][key], 2) if results[b][key] else 0.0

    wxr, ghost = results["wxr_import_full"], results["ghost_import_full"]
    summary = {
        "wxr_posts_per_second": wxr["rows_per_second"],
        "ghost_rows_per_second": ghost["rows_per_second"],
        "ghost_posts_per_second": ghost.get("posts_per_second", 0),
        "ghost_members_per_second": ghost.get("members_per_second", 0),
        "hero_images_set": wxr["heroes"] + ghost["heroes"],
        "image_requests_per_distinct_image": round(
            (wxr["image_requests"] + ghost["image_requests"]) / (2 * min(IMAGES, wp_posts, ghost_posts)), 2
        ),
        "wxr_peak_growth_4x_file": ratio("wxr_import_full", "wxr_import_quarter"),
        "ghost_peak_growth_4x_file": ratio("ghost_import_full", "ghost_import_quarter"),
        "naive_xml_peak_growth_4x_file": ratio("xml_parse_full", "xml_parse_quarter"),
        "naive_json_peak_growth_4x_file": ratio("json_load_full", "json_load_quarter"),
        "wxr_import_vs_parse_only_speed": ratio("wxr_import_full", "wxr_scan_full", "rows_per_second"),
        "errors": sum(r.get("errors", 0) for r in results.values()),
    }
    print("Peak memory at 4x the file size (streamed import; near 1 means flat):",
          summary["wxr_peak_growth_4x_file"], "WXR,", summary["ghost_peak_growth_4x_file"], "Ghost;",
          "loading whole files instead:", summary["naive_xml_peak_growth_4x_file"], "XML,",
          summary["naive_json_peak_growth_4x_file"], "JSON.")  # fmt: skip
    print(f"Ghost full: {summary['ghost_posts_per_second']} posts/s, {summary['ghost_members_per_second']} members/s;",
          f"hero images set: {summary['hero_images_set']}, HTTP requests per distinct image:",
          summary["image_requests_per_distinct_image"])  # fmt: skip
    print("Noisy shared machine: compare the ratios, not the absolute rates.")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
