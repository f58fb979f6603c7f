"""An issue to 100,000 recipients through an ESP's batch send, with the worker killed 10 times.

    .venv/bin/python bench/esp_batch.py [--recipients 100000] [--kills 10]

Starts a local stand-in for SendGrid's mail/send API (tests/fake_esp.py: it logs
every recipient before it answers 202), makes a throwaway database with N
subscribers, and runs `manage.py send_newsletter` with the SendGrid backend
pointed at it: one API call per NEWSLETTER_ESP_BATCH_SIZE (1,000) recipients,
each with their own merge data. The worker is SIGKILLed each time the fake ESP
has received a random number of recipients and restarted, until the issue is
sent.

Prints recipients per second (goal ≥ 5,000) for the whole send including
restarts and for the last, uninterrupted run, API calls, the workers' peak
memory, and lost / duplicated recipients (goal: 0 lost; duplicates at most the
rows the restarted workers reported in flight at the kills, each flagged). The machine is shared: rates are noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _newsletter_env import ROOT, child_env, send_with_kills, start_edition, tally

sys.path.insert(0, str(ROOT))
from tests.fake_esp import FakeEsp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="newsletter-esp-") as tmp:
        var_dir = Path(tmp)
        log_path = var_dir / "received.log"
        with FakeEsp(log_path=str(log_path), keep_payloads=False) as esp:
            esp_env = {"ANYMAIL_SENDGRID_API_KEY": "bench-key", "ANYMAIL_SENDGRID_API_URL": esp.api_url}
            issue, recipients = start_edition(var_dir, 1, args.recipients, **esp_env)
            env = child_env(var_dir, 1, NEWSLETTER_SEND_THREADS="1", PYTHONWARNINGS="ignore", **esp_env)
            points = sorted(rng.sample(range(max(1, recipients // 50), max(2, recipients * 9 // 10)), args.kills))
            runs = send_with_kills(
                env=env,
                issue=issue,
                points=points,
                received=lambda: esp.received,
                unit="recipients",
                log_path=var_dir / "worker.log",
            )
            kills, elapsed, last_elapsed = runs.kills, runs.elapsed, runs.last_elapsed
            last_sent = esp.received - runs.received_before_last
            calls = esp.calls
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        counted = tally(issue, log_path)
        # What restarted workers reported in flight (a row killed in flight twice counts twice).
        reported = sum(int(n) for n in re.findall(r"(\d+) in flight with unknown outcome", runs.worker_log))

    figures = {
        "recipients": len(counted.ledger),
        "kills": kills,
        "api_calls": calls,
        "recipients_per_second": round(len(counted.ledger) / elapsed),
        "last_run_recipients_per_second": round(last_sent / last_elapsed) if last_elapsed else 0,
        "last_run_recipients": last_sent,
        "peak_worker_mb": round(peak_mb, 1),
        "worker_startup_s": round(sum(runs.startups) / max(1, len(runs.startups)), 2),
        "worker_startups_s_total": round(sum(runs.startups), 1),
        "lost": len(counted.lost),
        "duplicated": counted.duplicated,
        "duplicate_bound": reported,
        "unreported_duplicates": len(counted.unreported),
    }
    print()
    print(f"recipients in the ledger:   {len(counted.ledger):,} (states: {dict(counted.states)})")
    per_call = len(counted.ledger) / max(1, calls)
    print(f"API calls:                  {calls:,} ({per_call:.0f} recipients a call on average)")
    print(f"worker kills (SIGKILL):     {kills} in {elapsed:.1f}s")
    print(f"recipients per second:      {figures['recipients_per_second']:,} overall, restarts included (goal ≥ 5,000)")
    print(f"  last, uninterrupted run:  {figures['last_run_recipients_per_second']:,} ({last_sent:,} recipients)")
    print(
        f"worker start-up:            {figures['worker_startup_s']:.1f}s from start to first recipient, on average; "
        f"{figures['worker_startups_s_total']:.0f}s of the {elapsed:.0f}s over {len(runs.startups)} starts"
    )
    print(f"workers' peak memory:       {peak_mb:.0f} MB")
    print(f"lost (never received):      {len(counted.lost)}")
    print(f"duplicated (extra copies):  {counted.duplicated} (reported in flight at a kill: {reported}, the bound)")
    print(f"duplicates not reported:    {len(counted.unreported)}")
    ok = not counted.lost and counted.duplicated <= reported and not counted.unreported
    print("verdict:", "OK — nobody lost, every duplicate reported" if ok else "FAILED")
    print("The machine is shared: rates are noisy.")
    print(json.dumps(figures))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
