"""Article page throughput next to a trivial page, on the same server in the same run.

Serves the demo edition with gunicorn (SQLite, 2 workers) and loads it from a
few client processes over loopback: first /healthz (a Django view that
touches no database and is never cached: the floor of the stack), then the lead story for an
anonymous reader, then for a signed-in reader. The figure that matters is the
ratio to the trivial page; absolute numbers depend on the machine.

    .venv/bin/python bench/page_speed.py [--seconds 6] [--clients 4]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import demo_install, gunicorn, manage

LEAD = "/security/iran-belarus-sign-defence-memorandum/"
SESSION_SCRIPT = """
from django.contrib.auth import get_user_model, HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
user, _ = get_user_model().objects.get_or_create(username="bench-reader", defaults={"email": "reader@example.com"})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print(session.session_key)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=6.0, help="seconds per scenario and round")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client processes")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; each scenario keeps its best")
    args = parser.parse_args()

    print("Preparing a demo edition in a temporary directory…", flush=True)
    with demo_install() as (env, port):
        session = manage(env, "shell", "-c", SESSION_SCRIPT).strip().splitlines()[-1]
        scenarios = {
            "trivial": ("/healthz", ""),
            "article_anon": (LEAD, ""),
            "article_signed_in": (LEAD, f"sessionid={session}"),
        }
        best: dict[str, dict[str, float]] = {}
        with gunicorn(env, port):
            for path, cookie in scenarios.values():  # warm caches and renditions
                measure(port, path, cookie, 1.0, 1)
            for round_no in range(1, args.rounds + 1):
                for name, (path, cookie) in scenarios.items():
                    result = measure(port, path, cookie, args.seconds, args.clients)
                    print(
                        f"round {round_no} {name:18} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms"
                        f"  p95 {result['p95_ms']:6.1f} ms  errors {result['errors']}",
                        flush=True,
                    )
                    if name not in best or result["rps"] > best[name]["rps"]:
                        best[name] = result

    trivial = best["trivial"]["rps"]
    figures = {
        "trivial_rps": round(trivial, 1),
        "article_anon_rps": round(best["article_anon"]["rps"], 1),
        "article_signed_in_rps": round(best["article_signed_in"]["rps"], 1),
        "anon_ratio": round(best["article_anon"]["rps"] / trivial, 3),
        "signed_in_ratio": round(best["article_signed_in"]["rps"] / trivial, 3),
        "article_anon_p50_ms": round(best["article_anon"]["p50_ms"], 1),
        "errors": int(sum(b["errors"] for b in best.values())),
    }
    print()
    print(f"Article page, anonymous: {figures['anon_ratio']:.0%} of the trivial page's throughput")
    print(f"Article page, signed in: {figures['signed_in_ratio']:.0%} of the trivial page's throughput")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
