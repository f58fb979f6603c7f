"""Newsletter signups under load: 10,000 signups from 50 concurrent clients
through gunicorn (the Procfile's web command) on PostgreSQL.

Each client opens the signup page once, then posts the form (which, like
the cached pages carrying it, needs no cookie) with a fresh address each time (and, since the site trusts one proxy, a
fresh X-Forwarded-For address, as a crowd behind a proxy would have). Checks
that every address is stored exactly once and that nothing answered 5xx;
prints throughput and latency percentiles. The machine is shared: read the
absolute numbers as noisy, the counts as exact.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/load_signup.py
    options: --signups 10000 --clients 50 --workers 4

The bench creates (and drops) its own database <name>_load_signup beside the
one DATABASE_URL names.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import PYTHON, ROOT, bench_env, free_port, manage

NEWSLETTER = "security"


def wait_for(port: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def timed_requests(
    port: int, requests: Iterator[tuple[str, str, str | None, dict[str, str]]]
) -> list[tuple[float, int]]:
    """Sends each (method, path, body, headers) on one kept-alive connection; (seconds, status) each.

    A connection that fails is replaced and the request counts as status 0."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    timings: list[tuple[float, int]] = []
    for method, path, body, headers in requests:
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status = 0
        timings.append((time.perf_counter() - started, status))
    conn.close()
    return timings


def client_run(port: int, client: int, count: int, results: list[tuple[float, int]], lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/newsletters/", headers={"X-Forwarded-For": f"10.250.{client}.1"})
    conn.getresponse().read()
    conn.close()

    def signups() -> Iterator[tuple[str, str, str | None, dict[str, str]]]:
        for n in range(count):
            form = urllib.parse.urlencode({"email": f"load-{client}-{n}@example.com", "newsletters": NEWSLETTER})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}/newsletters/",
                # A different visitor each time, behind the one trusted proxy.
                "X-Forwarded-For": f"10.{client}.{n // 250}.{n % 250 + 1}",
            }
            yield "POST", "/newsletters/subscribe/", form, headers

    local = timed_requests(port, signups())
    with lock:
        results.extend(local)


def baseline_run(port: int, count: int, results: list[tuple[float, int]], lock: threading.Lock) -> None:
    """The same client loop on /healthz, which touches no database: the server's own ceiling."""
    local = timed_requests(port, (("GET", "/healthz", None, {}) for _ in range(count)))
    with lock:
        results.extend(local)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signups", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database (the bench makes its own beside it).")
        print(json.dumps({"bench": "load_signup", "skipped": "DATABASE_URL is not PostgreSQL"}))
        return
    server, _, name = base_url.rpartition("/")
    bench_db = f"{name}_load_signup"
    admin = psycopg.connect(base_url, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{bench_db}" WITH (FORCE)')
    admin.execute(f'CREATE DATABASE "{bench_db}"')
    port = free_port()
    web = None
    try:
        with tempfile.TemporaryDirectory(prefix="newsdesk-load-") as tmp:
            env = bench_env(
                Path(tmp),
                port,
                DATABASE_URL=f"{server}/{bench_db}",
                TASKS_BACKEND="database",
                TRUSTED_PROXY_COUNT="1",
                PAGE_CACHE_SECONDS="0",
                PORT=str(port),
                HOST="127.0.0.1",
                WEB_CONCURRENCY=str(args.workers),
            )
            manage(env, "migrate", "--noinput", "-v", "0")
            procfile = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line)
            command = procfile["web"].split()
            command = [PYTHON, "-m", *command] if command[0] == "gunicorn" else command
            web = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_for(port)

            lock = threading.Lock()
            # Baseline in the same run: as many /healthz requests from the same clients.
            baseline: list[tuple[float, int]] = []
            per_client = [args.signups // args.clients + (i < args.signups % args.clients) for i in range(args.clients)]
            threads = [threading.Thread(target=baseline_run, args=(port, n, baseline, lock)) for n in per_client]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            baseline_elapsed = max(time.perf_counter() - started, 1e-9)

            results: list[tuple[float, int]] = []
            per_client = [args.signups // args.clients + (i < args.signups % args.clients) for i in range(args.clients)]
            threads = [
                threading.Thread(target=client_run, args=(port, i, n, results, lock)) for i, n in enumerate(per_client)
            ]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started

            with psycopg.connect(f"{server}/{bench_db}") as db:
                counted = db.execute(
                    "SELECT count(*), count(DISTINCT email) FROM newsletters_subscriber WHERE email LIKE 'load-%%'"
                ).fetchone()
                joined = db.execute(
                    "SELECT count(*) FROM newsletters_subscription s JOIN newsletters_subscriber r"
                    " ON r.id = s.subscriber_id WHERE r.email LIKE 'load-%%'"
                ).fetchone()
            assert counted is not None and joined is not None
            (stored, distinct), subscriptions = counted, joined[0]
    finally:
        if web is not None:
            web.terminate()
            web.wait(30)
        admin.execute(f'DROP DATABASE IF EXISTS "{bench_db}" WITH (FORCE)')
        admin.close()

    latencies = [seconds for seconds, _ in results]
    statuses: dict[str, int] = {}
    for _, status in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    errors = sum(n for status, n in statuses.items() if status.startswith("5") or status == "0")
    elapsed = max(elapsed, 1e-9)
    p50, p95, p99 = (percentile(latencies, share) * 1000 for share in (0.5, 0.95, 0.99))
    print(f"{len(results):,} signups from {args.clients} clients via gunicorn ({args.workers} workers) on PostgreSQL")
    print(f"  {elapsed:.1f} s, {len(results) / elapsed:.0f} signups/s; statuses {statuses}")
    print(f"  latency ms: p50 {p50:.0f}, p95 {p95:.0f}, p99 {p99:.0f}, mean {statistics.mean(latencies) * 1000:.0f}")
    base_rate = len(baseline) / baseline_elapsed
    base_p99 = percentile([seconds for seconds, _ in baseline], 0.99) * 1000
    print(f"  baseline /healthz, same clients and count: {base_rate:.0f} requests/s, p99 {base_p99:.0f} ms")
    print(f"  signups run at {len(results) / elapsed / base_rate:.2f}x the baseline's rate")
    print(f"  stored {stored:,} subscribers ({distinct:,} distinct), {subscriptions:,} subscriptions")
    ok = stored == distinct == subscriptions == args.signups and errors == 0
    print("  PASS: every signup stored exactly once, no 5xx" if ok else "  FAIL")
    print(
        json.dumps(
            {
                "bench": "load_signup",
                "signups": args.signups,
                "clients": args.clients,
                "stored": stored,
                "distinct": distinct,
                "subscriptions": subscriptions,
                "server_errors": errors,
                "statuses": statuses,
                "per_second": round(len(results) / elapsed, 1),
                "p50_ms": round(p50, 1),
                "p99_ms": round(p99, 1),
                "baseline_per_second": round(base_rate, 1),
                "baseline_p99_ms": round(base_p99, 1),
                "ratio_to_baseline": round(len(results) / elapsed / base_rate, 3),
                "ok": ok,
            }
        )
    )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
