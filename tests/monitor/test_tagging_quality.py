import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_labelled_set_has_at_least_forty_articles():
    items = json.loads((ROOT / "tests/monitor/data/labelled_articles.json").read_text())
    assert len(items) >= 40
    assert all("[[" in item["text"] for item in items)


def test_the_tagger_meets_its_quality_goals_on_the_labelled_set():
    run = subprocess.run(
        [sys.executable, "bench/tagging_quality.py"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["f1"] >= 0.8
    assert result["per_kind"]["country"]["f1"] >= 0.9
    assert result["per_kind"]["person"]["f1"] >= 0.9


def test_every_held_out_set_is_big_enough_to_measure_unseen_text():
    for folder in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"):
        items = json.loads((ROOT / "bench/data" / folder / "articles.json").read_text(encoding="utf-8"))
        mentions = sum(item["text"].count("[[") for item in items)
        assert len(items) >= 40, folder
        assert mentions >= 300, folder
