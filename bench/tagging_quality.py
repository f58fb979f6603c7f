"""Precision, recall and F1 of Monitor's tagging, on the development set and the held-out set.

Two views are scored on each set, mention by mention:

- readers: what readers see (the registry's tags, corrected from context;
  suggestions reach readers once approved). A mention counts when its span
  equals a gold span and its kind agrees (country and place count as one kind).
  For the record, also what readers would see if suggestions at or above the
  candidate threshold were published without review.
- editors: what editors are offered (registry tags plus every suggestion). A
  mention counts when its span equals a gold span: the editor picks the kind
  when approving.

The development set (tests/monitor/data/) was written alongside the registry;
the held-out set (bench/data/heldout/) was written apart from it and is never
used for tuning. Runs with no database: the registry comes from its seed files.

    .venv/bin/python bench/tagging_quality.py [--show-errors] [--registry-only] [--calibrate]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable

from _monitor_common import Gold, heldout_articles, labelled_articles

from monitor.registry import seed_countries, seed_entries, seed_registry
from monitor.tagger import Tagger

Span = tuple[int, int, str]


def score(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _kind(kind: str) -> str:
    return "place" if kind == "country" else kind


def evaluate(
    articles: list[tuple[str, list[Gold]]],
    produce: Callable[[str], list[Span]],
    *,
    with_kind: bool,
    label: str,
    show: bool,
) -> dict[str, object]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, gold in articles:
        expected = {(g.start, g.end): _kind(g.kind) for g in gold}
        found = {(s, e): _kind(k) for s, e, k in produce(text)}
        for span, kind in expected.items():
            if span in found and (not with_kind or found[span] == kind):
                tp[kind] += 1
            else:
                fn[kind] += 1
                if show:
                    got = f" (found as {found[span]})" if span in found else ""
                    print(f"  [{label}] missed   {kind:12} {text[span[0] : span[1]]!r}{got}")
        for span, kind in found.items():
            if span not in expected or (with_kind and expected[span] != kind):
                fp[kind] += 1
                if show and span not in expected:
                    print(f"  [{label}] spurious {kind:12} {text[span[0] : span[1]]!r}")
    per_kind = {
        kind: {**score(tp[kind], fp[kind], fn[kind]), "gold": tp[kind] + fn[kind]}
        for kind in sorted(set(tp) | set(fp) | set(fn))
    }
    return {**score(sum(tp.values()), sum(fp.values()), sum(fn.values())), "per_kind": per_kind}


def registry_score(articles: list[tuple[str, list[Gold]]], tagger: Tagger) -> dict[str, object]:
    """The development set's original measure: span and canonical entity both exact."""
    kinds = {entity.name: entity.kind for entity in seed_registry()}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, gold in articles:
        expected = {(g.start, g.end, g.name): g.kind for g in gold}
        found = {(f.start, f.end, f.name): f.kind for f in tagger.tag(text)}
        for key, kind in expected.items():
            (tp if key in found else fn)[kind] += 1
        for key, kind in found.items():
            if key not in expected:
                fp[kinds.get(key[2], kind)] += 1
    per_kind = {
        kind: {**score(tp[kind], fp[kind], fn[kind]), "gold": tp[kind] + fn[kind]}
        for kind in sorted(set(tp) | set(fp) | set(fn))
    }
    return {**score(sum(tp.values()), sum(fp.values()), sum(fn.values())), "per_kind": per_kind}


BUCKETS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99)


def calibrate(articles: list[tuple[str, list[Gold]]]) -> dict[str, object]:
    """Precision of suggestions by confidence, on the development set with a registry of countries only.

    Everything but the countries becomes unknown, so the model stage must find it:
    how often a suggestion at each confidence is right (span and kind) sets the
    reader threshold without looking at the held-out set.
    """
    from monitor import discovery

    tagger = Tagger(seed_entries(seed_countries()))
    right: Counter[float] = Counter()
    total: Counter[float] = Counter()
    for text, gold in articles:
        expected = {(g.start, g.end): _kind(g.kind) for g in gold}
        for s in discovery.analyse(text, tagger).suggestions:
            bucket = max([0.0] + [b for b in BUCKETS if s.confidence >= b - 1e-9])
            total[bucket] += 1
            right[bucket] += expected.get((s.start, s.end)) == _kind(s.kind)
    rows: dict[str, object] = {}
    print("Calibration: development set, registry of countries only")
    print(f"{'confidence >=':>14} {'suggestions':>11} {'precision':>9} {'precision at or above':>22}")
    for bucket in sorted(total):
        above = [b for b in total if b >= bucket]
        cumulative = sum(right[b] for b in above) / sum(total[b] for b in above)
        rows[str(bucket)] = {
            "n": total[bucket],
            "precision": round(right[bucket] / total[bucket], 3),
            "cumulative": round(cumulative, 3),
        }
        print(f"{bucket:14.2f} {total[bucket]:11d} {right[bucket] / total[bucket]:9.3f} {cumulative:22.3f}")
    return rows


def _line(name: str, result: dict[str, object]) -> str:
    return f"{name:28} {result['precision']:9.3f} {result['recall']:7.3f} {result['f1']:6.3f}"


def main() -> None:
    show = "--show-errors" in sys.argv
    if "--calibrate" in sys.argv:
        print(json.dumps(calibrate(labelled_articles())))
        return
    registry_only = "--registry-only" in sys.argv
    tagger = Tagger(seed_entries())
    sets = {"dev": labelled_articles(), "heldout": heldout_articles()}

    def registry_spans(text: str) -> list[Span]:
        return [(f.start, f.end, f.kind) for f in tagger.tag(text)]

    readers: Callable[[str], list[Span]] = registry_spans
    readers_if_published: Callable[[str], list[Span]] | None = None
    editors: Callable[[str], list[Span]] = registry_spans
    threshold = None
    if not registry_only:
        from monitor import discovery

        if not discovery.model_available():
            print(f"The model stage is unavailable ({discovery.MODEL_MISSING}); scoring the registry only.")
        else:
            threshold = discovery.READER_THRESHOLD_CANDIDATE

            def readers(text: str) -> list[Span]:
                result = discovery.analyse(text, tagger)
                return [(f.start, f.end, f.kind) for f in result.entities]

            def readers_if_published(text: str) -> list[Span]:
                result = discovery.analyse(text, tagger)
                return readers(text) + [
                    (s.start, s.end, s.kind) for s in result.suggestions if s.confidence >= threshold
                ]

            def editors(text: str) -> list[Span]:
                result = discovery.analyse(text, tagger)
                return [(f.start, f.end, f.kind) for f in result.entities] + [
                    (s.start, s.end, s.kind) for s in result.suggestions
                ]

    report: dict[str, object] = {}
    print(f"{'':28} {'precision':>9} {'recall':>7} {'f1':>6}")
    for name, articles in sets.items():
        gold = sum(len(g) for _, g in articles)
        print(f"{name}: {len(articles)} articles, {gold} gold mentions")
        r = evaluate(articles, readers, with_kind=True, label=f"{name} readers", show=show)
        e = evaluate(articles, editors, with_kind=False, label=f"{name} editors", show=show)
        print(_line("  readers (span + kind)", r))
        print(_line("  editors offered (span)", e))
        report[name] = {"articles": len(articles), "gold": gold, "readers": r, "editors": e}
        if readers_if_published is not None:
            p = evaluate(articles, readers_if_published, with_kind=True, label=f"{name} unreviewed", show=False)
            print(_line(f"  readers + unreviewed >= {threshold}", p))
            report[name]["readers_with_unreviewed"] = p  # type: ignore[index]
    dev_registry = registry_score(sets["dev"], tagger)
    print(_line("dev registry (span + entity)", dev_registry))
    for kind, s in dev_registry["per_kind"].items():  # type: ignore[attr-defined]
        print(f"  {kind:26} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['gold']:5d}")
    print("Goals on held-out: readers precision >= 0.97 with recall >= 0.85; editors recall >= 0.95.")
    print(json.dumps({**dev_registry, **report, "unreviewed_threshold": threshold}))


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
