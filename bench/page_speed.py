"""Reader page throughput next to a trivial page, on the same server in the same run.

Serves the demo edition with gunicorn (SQLite, 2 workers) and loads it from a
few client processes over loopback: first /healthz (a Django view that
touches no database and is never cached: the floor of the stack), then the
lead story for an anonymous reader, a signed-in free member and a PRO member,
then the home page for a signed-in member. The figures that matter are the
ratios to the trivial page; absolute numbers depend on the machine.

Then a cache miss: the same story from a second server with one worker and
nothing cached at all (CACHE_BACKEND=dummy, PAGE_CACHE_SECONDS=0), so every
request builds the page from the database, as the first view after publishing
does; and the number of queries one such view runs. Image renditions stay in
each process's own cache even then (settings keep CACHES["renditions"] with
CACHE_BACKEND=dummy): a rendition depends on the image and size alone, so the
first view after publishing still finds it, and dropping it would measure a
cold process rather than a miss.

    .venv/bin/python bench/page_speed.py [--seconds 6] [--clients 4] [--var-dir DIR]

--var-dir reuses a demo edition already migrated and loaded there (load_demo
takes minutes on a busy machine) instead of building a throwaway one.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import multiprocessing as mp
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import bench_env, demo_install, free_port, gunicorn, manage

LEAD = "/security/iran-belarus-sign-defence-memorandum/"
SESSION_SCRIPT = """
from django.contrib.auth import get_user_model, HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from membership.services import complimentary_grant
name = "bench-{kind}"
user, created = get_user_model().objects.get_or_create(username=name, defaults={{"email": name + "@example.com"}})
if created and "{kind}" == "pro":
    complimentary_grant(user=user, days=30)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print(session.session_key)
"""
# One view of the story with nothing cached, as a PRO member: its queries.
MISS_QUERIES_SCRIPT = """
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from lib.page_cache import invalidate_all
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.get(username="bench-pro"))
client.get("{path}")
invalidate_all()
queries = []
with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
    response = client.get("{path}")
assert response.status_code == 200, response.status_code
print(len(queries))
"""


def _client(port: int, path: str, cookie: str, seconds: float, out: mp.Queue) -> None:
    headers = {"Cookie": cookie} if cookie else {}
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
        except OSError:
            errors += 1
        finally:
            conn.close()
        latencies.append(time.perf_counter() - started)
    out.put((latencies, errors))


def measure(port: int, path: str, cookie: str, seconds: float, clients: int) -> dict[str, float]:
    queue: mp.Queue = mp.Queue()
    procs = [mp.Process(target=_client, args=(port, path, cookie, seconds, queue)) for _ in range(clients)]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    latencies = sorted(t for lat, _ in results for t in lat)
    errors = sum(e for _, e in results)
    return {
        "rps": len(latencies) / seconds,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "errors": errors,
    }


@contextlib.contextmanager
def _install(var_dir: Path | None) -> Iterator[tuple[dict[str, str], int]]:
    if var_dir is None:
        with demo_install() as installed:
            yield installed
        return
    port = free_port()
    yield bench_env(var_dir, port), port


def _report(label: str, result: dict[str, float]) -> None:
    print(
        f"{label:28} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms"
        f"  p95 {result['p95_ms']:6.1f} ms  errors {result['errors']}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=6.0, help="seconds per scenario and round")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; each scenario keeps its best")
    parser.add_argument("--var-dir", type=Path, help="an existing demo install to reuse")
    args = parser.parse_args()

    print("Preparing a demo edition in a temporary directory…", flush=True)
    with _install(args.var_dir) as (env, port):
        member = manage(env, "shell", "-c", SESSION_SCRIPT.format(kind="member")).strip().splitlines()[-1]
        pro = manage(env, "shell", "-c", SESSION_SCRIPT.format(kind="pro")).strip().splitlines()[-1]
        scenarios = {
            "trivial": ("/healthz", ""),
            "article_anon": (LEAD, ""),
            "article_signed_in": (LEAD, f"sessionid={member}"),
            "article_pro": (LEAD, f"sessionid={pro}"),
            "home_signed_in": ("/", f"sessionid={member}"),
        }
        best: dict[str, dict[str, float]] = {}
        with gunicorn(env, port):
            for path, cookie in scenarios.values():  # warm caches and renditions
                measure(port, path, cookie, 1.0, 1)
            for round_no in range(1, args.rounds + 1):
                for name, (path, cookie) in scenarios.items():
                    result = measure(port, path, cookie, args.seconds, args.clients)
                    _report(f"round {round_no} {name}", result)
                    if name not in best or result["rps"] > best[name]["rps"]:
                        best[name] = result
        miss_queries = int(manage(env, "shell", "-c", MISS_QUERIES_SCRIPT.format(path=LEAD)).strip().splitlines()[-1])
        # A cache miss: one worker, nothing cached, the page built from the database every time.
        miss_env = {**env, "CACHE_BACKEND": "dummy", "PAGE_CACHE_SECONDS": "0"}
        miss_port = free_port()
        with gunicorn(miss_env, miss_port, workers=1, start_seconds=300):
            measure(miss_port, LEAD, "", 1.0, 1)
            for round_no in range(1, args.rounds + 1):
                for name, cookie in (("miss_anon", ""), ("miss_pro", f"sessionid={pro}")):
                    result = measure(miss_port, LEAD, cookie, args.seconds, 2)
                    _report(f"round {round_no} {name}", result)
                    if name not in best or result["rps"] > best[name]["rps"]:
                        best[name] = result

    trivial = best["trivial"]["rps"]
    figures = {
        "trivial_rps": round(trivial, 1),
        "article_anon_rps": round(best["article_anon"]["rps"], 1),
        "article_signed_in_rps": round(best["article_signed_in"]["rps"], 1),
        "article_pro_rps": round(best["article_pro"]["rps"], 1),
        "home_signed_in_rps": round(best["home_signed_in"]["rps"], 1),
        "anon_ratio": round(best["article_anon"]["rps"] / trivial, 3),
        "signed_in_ratio": round(best["article_signed_in"]["rps"] / trivial, 3),
        "pro_ratio": round(best["article_pro"]["rps"] / trivial, 3),
        "home_signed_in_ratio": round(best["home_signed_in"]["rps"] / trivial, 3),
        "miss_rps": round(best["miss_anon"]["rps"], 1),
        "miss_pro_rps": round(best["miss_pro"]["rps"], 1),
        "queries_per_miss": miss_queries,
        "article_anon_p50_ms": round(best["article_anon"]["p50_ms"], 1),
        "errors": int(sum(b["errors"] for b in best.values())),
    }
    print()
    print(f"Article page, anonymous: {figures['anon_ratio']:.0%} of the trivial page's throughput")
    print(f"Article page, signed in: {figures['signed_in_ratio']:.0%} of the trivial page's throughput")
    print(f"Article page, PRO member: {figures['pro_ratio']:.0%} of the trivial page's throughput")
    print(f"Home page, signed in: {figures['home_signed_in_ratio']:.0%} of the trivial page's throughput")
    print(
        f"Cache miss (one worker, nothing cached): {figures['miss_rps']:.0f} req/s anonymous,"
        f" {figures['miss_pro_rps']:.0f} req/s PRO; {miss_queries} queries for a PRO member's view"
    )
    print("The machine is shared: absolute numbers are noisy, the ratios less so.")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
