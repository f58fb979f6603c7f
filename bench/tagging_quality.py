"""Precision, recall and F1 of Monitor's tagging on three sets, side by side.

- registry set (tests/monitor/data/): written alongside the registry, so it
  says how well the tagger knows its own list;
- development set (bench/data/dev/): names the registry mostly lacks; the
  model stage's rules and its confidence model are tuned on it;
- held-out sets (bench/data/heldout/, heldout2/ to heldout8/): written apart from
  both and never used for tuning. Their errors are never printed.

Views, scored mention by mention:

- readers: what readers see: the registry's tags, corrected from context, plus
  the suggestions whose confidence clears the reader threshold. A mention counts
  when its span equals a gold span and its kind agrees (country and place count
  as one kind). "readers, reviewed only" leaves every suggestion out.
- editors: what editors are offered (registry tags plus every suggestion). A
  mention counts when its span equals a gold span: the editor picks the kind.

`--fit` fits the confidence model on the development set (a logistic
regression, L2-regularised, over `discovery.FEATURES` and their pairs), picks the reader
threshold from out-of-fold predictions (5 folds by article) as the lowest
confidence at which readers' precision on the development set stays >= 0.985,
and writes both to monitor/data/confidence.json. Runs with no database: the
registry comes from its seed files.

`--stories FIRST-LAST` scores only those development stories (by id), nothing
else: how a new batch is scored once before any rule is tuned on it.

    .venv/bin/python bench/tagging_quality.py [--dev-only] [--stories 103-136] [--show-errors] [--registry-only]
    .venv/bin/python bench/tagging_quality.py --calibrate | --fit
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

from _monitor_common import (
    HELDOUT2,
    HELDOUT3,
    HELDOUT4,
    HELDOUT5,
    HELDOUT6,
    HELDOUT7,
    HELDOUT8,
    Gold,
    dev_articles,
    heldout_articles,
    labelled_articles,
)

from monitor.registry import seed_entries, seed_registry
from monitor.tagger import Tagger

Span = tuple[int, int, str]
Articles = list[tuple[str, list[Gold]]]
# The goal on unseen text is 0.97; batches of development stories scored before any rule was
# tuned on them read 1 to 4 points lower than the tuned set (bench/data/dev/README.md), and so did
# every held-out set, so the threshold is fitted for above the goal on the set it is tuned on. On
# 785 stories, out of fold, fitting for 0.985 instead of 0.98 raised the threshold from 0.60 to
# 0.75 and cost 0.7 points of recall (0.935 to 0.928); fitting for 0.988 cost 2.1 more. What unseen
# text gets wrong is mostly said with high confidence (a span cut short, a kind from the wrong
# cue), which no threshold removes.
READER_PRECISION = 0.985
FOLDS = 5
# With the pairs of features as terms, out of fold on 585 stories: recall at readers' precision 0.98
# was 0.873 with a penalty of 3, 0.867 with 10, 0.864 for the features alone.
L2 = 3.0


def score(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _kind(kind: str) -> str:
    return "place" if kind == "country" else kind


def evaluate(
    runs: list[tuple[str, list[Gold], list[Span]]], *, with_kind: bool, label: str, show: bool
) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, gold, spans in runs:
        expected = {(g.start, g.end): _kind(g.kind) for g in gold}
        found = {(s, e): _kind(k) for s, e, k in spans}
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


def registry_score(articles: Articles, tagger: Tagger) -> dict[str, Any]:
    """The registry set's original measure: span and canonical entity both exact."""
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


# --- the confidence model ---

Analysed = list[tuple[str, list[Gold], Any]]  # text, gold, discovery.Analysis


def analysed(articles: Articles, tagger: Tagger) -> Analysed:
    """Each story analysed in order, knowing which names the stories before it were suggested under.

    In production the queue of suggestions holds every story tagged before; here a
    story sees only the earlier ones in its set, which is the harder case.
    """
    from monitor import discovery

    texts = [text for text, _ in articles]
    stories: Counter[tuple[str, str]] = Counter()

    def seen(_: int) -> discovery.Seen:
        return lambda pairs: {pair: stories[pair] for pair in pairs}

    runs: Analysed = []
    for (text, gold), analysis in zip(articles, discovery.analyse_many(texts, tagger, seen=seen), strict=True):
        runs.append((text, gold, analysis))
        stories.update({(discovery.fold(s.name), s.kind) for s in analysis.suggestions})
    return runs


def _right(gold: list[Gold], suggestion: Any) -> bool:
    return any(
        g.start == suggestion.start and g.end == suggestion.end and _kind(g.kind) == _kind(suggestion.kind)
        for g in gold
    )


def fit_logistic(rows: list[tuple[float, ...]], labels: list[int], l2: float = L2) -> tuple[float, list[float]]:
    """Bias and weights by Newton's method (iteratively reweighted least squares), the bias not penalised."""
    import numpy as np

    x = np.hstack([np.ones((len(rows), 1)), np.array(rows, dtype=float)])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return float(w[0]), [float(v) for v in w[1:]]


def _probability(bias: float, weights: list[float], features: tuple[float, ...]) -> float:
    import math

    return 1 / (1 + math.exp(-(bias + sum(w * x for w, x in zip(weights, features, strict=True)))))


def out_of_fold(runs: Analysed) -> list[list[float]]:
    """Each suggestion's probability from a model fitted without its article (5 folds by article)."""
    from monitor import discovery

    result: list[list[float]] = [[] for _ in runs]
    for fold in range(FOLDS):
        rows, labels = [], []
        for i, (_, gold, analysis) in enumerate(runs):
            if i % FOLDS != fold:
                for s in analysis.suggestions:
                    rows.append(discovery.terms(s.features))
                    labels.append(int(_right(gold, s)))
        bias, weights = fit_logistic(rows, labels)
        for i, (_, _, analysis) in enumerate(runs):
            if i % FOLDS == fold:
                result[i] = [_probability(bias, weights, discovery.terms(s.features)) for s in analysis.suggestions]
    return result


def readers_precision_at(runs: Analysed, probabilities: list[list[float]], threshold: float) -> dict[str, Any]:
    spans = [
        (
            text,
            gold,
            [(f.start, f.end, f.kind) for f in analysis.entities]
            + [(s.start, s.end, s.kind) for s, p in zip(analysis.suggestions, probs, strict=True) if p >= threshold],
        )
        for (text, gold, analysis), probs in zip(runs, probabilities, strict=True)
    ]
    return evaluate(spans, with_kind=True, label="", show=False)


def choose_threshold(runs: Analysed, probabilities: list[list[float]]) -> float:
    """The lowest threshold at which readers' precision stays >= READER_PRECISION at it and every higher one."""
    candidates = sorted({round(p, 3) for probs in probabilities for p in probs}, reverse=True)
    chosen = 1.01
    for threshold in candidates:
        if readers_precision_at(runs, probabilities, threshold)["precision"] < READER_PRECISION:
            break
        chosen = threshold
    return chosen


def fit(tagger: Tagger) -> dict[str, Any]:
    from monitor import discovery

    runs = analysed(dev_articles(), tagger)
    oof = out_of_fold(runs)
    threshold = choose_threshold(runs, oof)
    rows = [discovery.terms(s.features) for _, _, a in runs for s in a.suggestions]
    labels = [int(_right(gold, s)) for _, gold, a in runs for s in a.suggestions]
    bias, weights = fit_logistic(rows, labels)
    at = readers_precision_at(runs, oof, threshold)
    model = {
        "fitted_on": "bench/data/dev/articles.json",
        "suggestions": len(rows),
        "right": sum(labels),
        "bias": round(bias, 4),
        # A pair that never occurs together keeps a weight of 0 and is left out.
        "weights": {name: round(w, 4) for name, w in zip(discovery.TERMS, weights, strict=True) if round(w, 4)},
        "reader_threshold": threshold,
        "dev_readers_out_of_fold": {k: at[k] for k in ("precision", "recall", "f1")},
    }
    discovery.CONFIDENCE_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=1))
    return model


BUCKETS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def calibrate(tagger: Tagger) -> dict[str, Any]:
    """How often a suggestion is right at each confidence, on the development set, out of fold."""
    runs = analysed(dev_articles(), tagger)
    oof = out_of_fold(runs)
    right: Counter[float] = Counter()
    total: Counter[float] = Counter()
    for (_, gold, analysis), probs in zip(runs, oof, strict=True):
        for s, p in zip(analysis.suggestions, probs, strict=True):
            bucket = max(b for b in BUCKETS if p >= b)
            total[bucket] += 1
            right[bucket] += _right(gold, s)
    rows: dict[str, Any] = {}
    print("Calibration: development set, out-of-fold confidence")
    print(f"{'confidence >=':>14} {'suggestions':>11} {'right':>6} {'mean p':>7}")
    for bucket in sorted(total):
        mean = sum(p for probs in oof for p in probs if max(b for b in BUCKETS if p >= b) == bucket) / total[bucket]
        rows[str(bucket)] = {
            "n": total[bucket],
            "right": round(right[bucket] / total[bucket], 3),
            "mean": round(mean, 3),
        }
        print(f"{bucket:14.2f} {total[bucket]:11d} {right[bucket] / total[bucket]:6.3f} {mean:7.3f}")
    return rows


def _line(name: str, result: dict[str, Any]) -> str:
    return f"{name:34} {result['precision']:9.3f} {result['recall']:7.3f} {result['f1']:6.3f}"


def _stories() -> range | None:
    """The id range given as `--stories FIRST-LAST`, if any."""
    if "--stories" not in sys.argv:
        return None
    try:
        first, last = (int(n) for n in sys.argv[sys.argv.index("--stories") + 1].split("-"))
    except (IndexError, ValueError):
        sys.exit("--stories takes a range of development story ids, such as 103-136")
    return range(first, last + 1)


def main() -> None:
    show = "--show-errors" in sys.argv
    tagger = Tagger(seed_entries())
    if "--fit" in sys.argv:
        fit(tagger)
        return
    if "--calibrate" in sys.argv:
        print(json.dumps(calibrate(tagger)))
        return
    from monitor import discovery

    use_model = "--registry-only" not in sys.argv and discovery.model_available()
    if "--registry-only" not in sys.argv and not use_model:
        print(f"The model stage is unavailable ({discovery.MODEL_MISSING}); scoring the registry only.")
    stories = _stories()
    sets: dict[str, Articles]
    if stories is not None:
        sets = {f"dev stories {stories.start}-{stories.stop - 1}": dev_articles(stories)}
    else:
        sets = {"registry set": labelled_articles(), "dev": dev_articles()}
        if "--dev-only" not in sys.argv:
            sets["heldout"] = heldout_articles()
            sets["heldout 2"] = heldout_articles(HELDOUT2)
            sets["heldout 3"] = heldout_articles(HELDOUT3)
            sets["heldout 4"] = heldout_articles(HELDOUT4)
            sets["heldout 5"] = heldout_articles(HELDOUT5)
            sets["heldout 6"] = heldout_articles(HELDOUT6)
            sets["heldout 7"] = heldout_articles(HELDOUT7)
            sets["heldout 8"] = heldout_articles(HELDOUT8)
    # Score the fitted threshold whatever this install sets, beside reviewed names only.
    from django.conf import settings

    settings.MONITOR_READER_THRESHOLD = "fitted"
    threshold = discovery.reader_threshold() if use_model else None
    report: dict[str, Any] = {}
    print(f"{'':34} {'precision':>9} {'recall':>7} {'f1':>6}")
    for name, articles in sets.items():
        gold = sum(len(g) for _, g in articles)
        print(f"{name}: {len(articles)} articles, {gold} gold mentions")
        if use_model:
            runs = analysed(articles, tagger)
        else:
            runs = [(text, g, discovery.Analysis(tagger.tag(text), [])) for text, g in articles]
        show_here = show and not name.startswith("heldout")
        reviewed = [(t, g, [(f.start, f.end, f.kind) for f in a.entities]) for t, g, a in runs]
        readers = [
            (t, g, [(f.start, f.end, f.kind) for f in a.entities] + [(s.start, s.end, s.kind) for s in a.for_readers])
            for t, g, a in runs
        ]
        offered = [
            (t, g, [(f.start, f.end, f.kind) for f in a.entities] + [(s.start, s.end, s.kind) for s in a.suggestions])
            for t, g, a in runs
        ]
        r = evaluate(readers, with_kind=True, label=f"{name} readers", show=show_here)
        v = evaluate(reviewed, with_kind=True, label=f"{name} reviewed", show=False)
        e = evaluate(offered, with_kind=False, label=f"{name} editors", show=show_here)
        print(_line(f"  readers (span + kind, >= {threshold})", r))
        print(_line("  readers, reviewed only", v))
        print(_line("  editors offered (span)", e))
        report[name] = {"articles": len(articles), "gold": gold, "readers": r, "readers_reviewed_only": v, "editors": e}
    if stories is not None:
        print(json.dumps({**report, "reader_threshold": threshold}))
        return
    registry = registry_score(sets["registry set"], tagger)
    print(_line("registry set (span + entity)", registry))
    for kind, s in registry["per_kind"].items():
        print(f"  {kind:32} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['gold']:5d}")
    print("Goals on held-out: readers precision >= 0.97 with recall >= 0.85; editors recall >= 0.95.")
    print(json.dumps({**registry, **report, "reader_threshold": threshold}))


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
