"""Precision, recall and F1 of the entity tagger on our labelled articles.

Mention level: a found mention counts only when its span and its entity both
match a gold annotation exactly. Runs with no database (the tagger is built
from the registry's seed files, as `seed_entities` loads them).

    .venv/bin/python bench/tagging_quality.py [--show-errors]
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from _monitor_common import labelled_articles

from monitor.registry import seed_entries, seed_registry
from monitor.tagger import Tagger


def score(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main() -> None:
    show = "--show-errors" in sys.argv
    kinds = {entity.name: entity.kind for entity in seed_registry()}
    tagger = Tagger(seed_entries())
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    articles = labelled_articles()
    for text, gold in articles:
        expected = {(g.start, g.end, g.name): g.kind for g in gold}
        found = {(f.start, f.end, f.name): f.kind for f in tagger.tag(text)}
        for key, kind in expected.items():
            if key in found:
                tp[kind] += 1
            else:
                fn[kind] += 1
                if show:
                    print(f"  missed   {kind:12} {text[key[0] : key[1]]!r} → {key[2]}")
        for key, kind in found.items():
            if key not in expected:
                fp[kinds.get(key[2], kind)] += 1
                if show:
                    print(f"  spurious {kind:12} {text[key[0] : key[1]]!r} → {key[2]}")
    per_kind = {
        kind: {**score(tp[kind], fp[kind], fn[kind]), "gold": tp[kind] + fn[kind]}
        for kind in sorted(set(tp) | set(fp) | set(fn))
    }
    overall = score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"Tagging quality on {len(articles)} labelled articles, {sum(tp.values()) + sum(fn.values())} gold mentions")
    print(f"{'kind':14} {'precision':>9} {'recall':>7} {'f1':>6} {'gold':>5}")
    for kind, s in per_kind.items():
        print(f"{kind:14} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['gold']:5d}")
    print(f"{'overall':14} {overall['precision']:9.3f} {overall['recall']:7.3f} {overall['f1']:6.3f}")
    print(json.dumps({**overall, "per_kind": per_kind}))


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
