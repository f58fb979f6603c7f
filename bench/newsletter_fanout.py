"""Send one real, fully personalised issue to N subscribers over SMTP on loopback; compare with the floor.

    .venv/bin/python bench/newsletter_fanout.py [--recipients 50000] [--threads 4] [--sink fast]

--sink fast swaps aiosmtpd for a minimal asyncio sink that reads each message
in one piece instead of line by line, so the sender is the bottleneck.

The floor is a minimal loop that sends one pre-rendered message N times to
the same sink over the same number of SMTP connections: what the sink and
smtplib allow with no database, no rendering and no bookkeeping. The issue
goes through the real path (`issue_run`: atomic claims, `sending` committed
before each group of messages is handed over and `sent` after, personalised
greeting and links, PRO variant, MIME built per
recipient). Goal: at least 50% of the floor, with memory flat in N.

The same stories are sent twice in one run: first as a plain issue, then with an
editor's "Why it matters" note in every item, each reported against the same floor.
"""

from __future__ import annotations

import argparse
import json
import resource
import smtplib
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _newsletter_env import make_edition, setup_django
from _smtp_sink import Sink

GOAL = 0.5  # of the floor, with or without notes

EDITOR_NOTE = (
    "<p>Minsk could become a <b>second workshop</b> for the drones Russia fires at Ukraine, "
    'closer to the front than Iran. <a href="https://news.example.com/security/">More on the pact</a>.</p>'
)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def floor(port: int, message: bytes, count: int, threads: int) -> float:
    """Messages per second for a bare smtplib loop over `threads` reused connections."""
    shares = [count // threads + (1 if n < count % threads else 0) for n in range(threads)]

    def send(share: int, n: int) -> None:
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for i in range(share):
                smtp.sendmail("briefings@news.example.com", [f"floor{n}-{i}@example.org"], message)

    pool = [threading.Thread(target=send, args=(share, n)) for n, share in enumerate(shares)]
    started = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return count / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipients", type=int, default=50_000)
    parser.add_argument("--threads", type=int, default=4, help="SMTP connections, for both the floor and the send")
    parser.add_argument("--sink", choices=("aiosmtpd", "fast"), default="aiosmtpd", help="the SMTP sink to send to")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsletter-fanout-") as tmp, Sink(kind=args.sink) as sink:
        setup_django(Path(tmp), sink.port, NEWSLETTER_SEND_THREADS=str(args.threads))
        from newsletters.mime import Addressee, MessageBuilder
        from newsletters.models import Delivery, IssueItem
        from newsletters.rendering import prepare_issue
        from newsletters.sending import issue_run
        from newsletters.services import issue_draft, issue_send_start

        plain = make_edition(args.recipients)
        # The same stories again, each item with the editor's "Why it matters" note, as a written
        # briefing has: sent after the plain issue in the same run, so the two ratios compare.
        noted = issue_draft(newsletter=plain.newsletter, since=plain.drafted_since)
        notes = IssueItem.objects.filter(issue=noted).update(note=EDITOR_NOTE)
        items = IssueItem.objects.filter(issue=plain).count()
        print(f"issues:                    {items} items without notes; {notes} items, each with a note", flush=True)
        recipients = issue_send_start(issue=plain, enqueue=False)

        prepared = prepare_issue(plain)
        html, text = prepared.personalise(
            pro=False,
            name="Reader",
            email="floor@example.org",
            manage_url="https://news.example.com/newsletters/manage/x/",
            unsubscribe_url="https://news.example.com/newsletters/unsubscribe/x/",
        )
        builder = MessageBuilder(prepared.from_email, prepared.subject, "", prepared.list_id, "unsubscribe@example.com")
        addressee = Addressee(
            "floor@example.org",
            "Reader",
            "<floor@example.com>",
            "https://news.example.com/newsletters/unsubscribe/x/",
            "x",
        )
        message = builder.build(addressee, html=html, text=text)
        print(f"message size: {len(message) / 1024:.1f} KiB (HTML {len(html) / 1024:.1f} KiB)", flush=True)

        sink_cpu = sink.cpu_seconds()
        started = time.perf_counter()
        floor_rate = floor(sink.port, message, recipients, args.threads)
        floor_wall = time.perf_counter() - started
        floor_sink_busy = (sink.cpu_seconds() - sink_cpu) / floor_wall
        print(f"floor: {floor_rate:,.0f} messages/s (sink busy {floor_sink_busy:.0%} of one core)", flush=True)

        def send(issue: Any, label: str) -> dict[str, Any]:
            samples: list[tuple[int, float]] = []
            base = sink.received
            done = threading.Event()

            def sample() -> None:
                while not done.wait(0.5):
                    samples.append((sink.received - base, rss_mb()))

            sampler = threading.Thread(target=sample, daemon=True)
            rss_before = rss_mb()
            sink_cpu = sink.cpu_seconds()
            sampler.start()
            started = time.perf_counter()
            report = issue_run(issue_id=issue.pk, threads=args.threads)
            elapsed = time.perf_counter() - started
            done.set()
            sampler.join()
            sink.wait_for(base + recipients, timeout=10)
            run = {
                "label": label,
                "report": report,
                "elapsed": elapsed,
                "sink_busy": (sink.cpu_seconds() - sink_cpu) / elapsed,
                "delivered": sink.received - base,
                "rate": report.sent / elapsed,
                "sent_rows": Delivery.objects.filter(issue=issue, state="sent").count(),
                "samples": samples,
                "rss_before": rss_before,
                "peak": max([rss_before, *(rss for _, rss in samples)]),
            }
            print(f"{label}: {run['rate']:,.0f} messages/s in {elapsed:.1f}s", flush=True)
            return run

        runs = [send(plain, "without notes")]
        if issue_send_start(issue=noted, enqueue=False) != recipients:
            print("the issue with notes has a different recipient count")
            return 1
        runs.append(send(noted, "with a note in every item"))

    print()
    print(f"recipients:                {recipients:,} per issue")
    print(f"SMTP floor (same sink):    {floor_rate:,.0f} messages/s")
    for run in runs:
        report = run["report"]
        print(f"-- {run['label']}:")
        print(f"   sent:                   {report.status}; {run['sent_rows']:,} marked sent")
        print(f"   received by the sink:   {run['delivered']:,}")
        print(
            f"   issue send:             {run['rate']:,.0f} messages/s in {run['elapsed']:.1f}s "
            f"(sink busy {run['sink_busy']:.0%})"
        )
        print(f"   ratio to floor:         {run['rate'] / floor_rate:.2f} (goal {GOAL:.2f})")
        samples = run["samples"]
        marks = [samples[int(len(samples) * f)] for f in (0.1, 0.5, 0.9)] if len(samples) >= 3 else samples
        trail = ", ".join(f"{rss:.0f} MB after {n:,}" for n, rss in marks)
        before, peak = run["rss_before"], run["peak"]
        print(f"   memory:                 {before:.0f} MB before sending; {trail}; peak {peak:.0f} MB")
    plain_run, noted_run = runs
    print(f"notes cost:                with notes / without = {noted_run['rate'] / plain_run['rate']:.2f}")
    if floor_sink_busy > 0.85:
        print("note: the sink used most of a core during the floor run: the SMTP sink, not the sender, sets the floor")
    print(
        json.dumps(
            {
                "recipients": recipients,
                "sink": args.sink,
                "floor_messages_per_s": round(floor_rate, 1),
                "messages_per_s": round(plain_run["rate"], 1),
                "ratio": round(plain_run["rate"] / floor_rate, 3),
                "with_notes_messages_per_s": round(noted_run["rate"], 1),
                "with_notes_ratio": round(noted_run["rate"] / floor_rate, 3),
                "with_notes_over_without": round(noted_run["rate"] / plain_run["rate"], 3),
                "goal_ratio": GOAL,
                "peak_rss_mb": round(max(run["peak"] for run in runs), 1),
            }
        )
    )
    ok = all(run["delivered"] == recipients and run["report"].finished for run in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
