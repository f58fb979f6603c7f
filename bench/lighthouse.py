"""Lighthouse (mobile) on the home page, the lead article, /newsletters/ and /pro/.

Serves the demo edition with gunicorn in a temporary directory, runs the pinned
Lighthouse from node_modules (`npm ci` first) with Debian's Chromium, prints each
category's score per page and ends with one line of JSON.

Goals: accessibility, SEO and best practices >= 95, performance >= 90. The machine
is shared, so performance scores are noisy; read them as a floor, not a figure.

    .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _support import ROOT, demo_install, gunicorn

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
PAGES = {
    "home": "/",
    "article": "/security/iran-belarus-sign-defence-memorandum/",
    "newsletters": "/newsletters/",
    "pro": "/pro/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}


def audit(url: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": CHROME}
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
    ]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text())
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci` first.")
    print("Preparing a demo edition in a temporary directory…", flush=True)
    scores: dict[str, dict[str, int]] = {}
    with demo_install() as (env, port), gunicorn(env, port) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            scores[name] = audit(base + path, Path(tmp) / f"{name}.json")
            line = "  ".join(f"{category} {score:3d}" for category, score in scores[name].items())
            print(f"{name:12} {line}", flush=True)
    misses = [
        f"{page} {category} {score} < {GOALS[category]}"
        for page, result in scores.items()
        for category, score in result.items()
        if score < GOALS[category]
    ]
    print("All goals met." if not misses else "Below goal: " + "; ".join(misses))
    print(json.dumps({"bench": "lighthouse", "form_factor": "mobile", "scores": scores, "below_goal": misses}))
    sys.exit(0)


if __name__ == "__main__":
    main()
