"""Kill the newsletter sender with SIGKILL at random points; count who was lost or got two copies.

    .venv/bin/python bench/newsletter_crash.py [--recipients 10000] [--kills 20]

Starts an SMTP sink (which logs every recipient before it answers 250), makes
a throwaway database with N subscribers, then runs `manage.py send_newsletter`
as a worker process and SIGKILLs it each time the sink has received a random
number of messages, restarting it each time, until the issue is sent.

Goal: 0 lost; duplicates at most the messages in flight at each kill (the
ones a restarted worker reports as "unknown outcome"), every duplicate reported.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _newsletter_env import child_env, send_with_kills, start_edition, tally
from _smtp_sink import Sink


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--threads", type=int, default=4, help="SMTP connections per worker")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="newsletter-crash-") as tmp:
        var_dir = Path(tmp)
        log_path = var_dir / "received.log"
        with Sink(log_path=str(log_path)) as sink:
            issue, recipients = start_edition(var_dir, sink.port, args.recipients)
            env = child_env(var_dir, sink.port, NEWSLETTER_SEND_THREADS=str(args.threads))
            points = sorted(rng.sample(range(max(1, recipients // 50), max(2, recipients * 19 // 20)), args.kills))
            runs = send_with_kills(
                env=env,
                issue=issue,
                points=points,
                received=lambda: sink.received,
                unit="messages",
                log_path=var_dir / "worker.log",
            )
            kills, elapsed = runs.kills, runs.elapsed
            sink.wait_for(sink.received, timeout=2)

        counted = tally(issue, log_path)
        reported = sum(1 for flagged in counted.ledger.values() if flagged)
        reports = [line for line in runs.worker_log.splitlines() if "died while handing" in line]

    print()
    print(f"recipients in the ledger:     {len(counted.ledger)} (states: {dict(counted.states)})")
    print(f"worker kills (SIGKILL):       {kills} in {elapsed:.1f}s")
    lost, unreported = counted.lost, counted.unreported
    print(f"lost (never received):        {len(lost)}{' ' + ', '.join(lost[:10]) if lost else ''}")
    print(f"duplicated (extra copies):    {counted.duplicated}")
    print(f"reported in flight at a kill: {reported} (the bound on duplicates)")
    print(f"duplicates not reported:      {len(unreported)}{' ' + ', '.join(unreported[:10]) if unreported else ''}")
    print(f"restarted workers' reports:   {len(reports)}")
    for line in reports[:5]:
        print(f"  {line[:160]}")
    ok = not counted.lost and counted.duplicated <= reported and not counted.unreported
    print("verdict:", "OK — nobody lost, every duplicate reported" if ok else "FAILED")
    print(
        json.dumps(
            {
                "recipients": len(counted.ledger),
                "kills": kills,
                "lost": len(counted.lost),
                "duplicated": counted.duplicated,
                "duplicate_bound": reported,
            }
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
