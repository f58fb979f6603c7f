"""Articles tagged per second: the dictionary stage against a naive
one-regex-per-alias baseline, and the model stage (spaCy) on full-length stories.

The archive is enlarged synthetically to 20,000 articles (default) from the
labelled set and sentence templates filled with registry names, so no
database is needed. The naive baseline runs on a sample (default 400
articles) because it is slow; its rate is what the ratio compares.

The model stage runs on --model-articles full-length stories (four archive
articles joined, about 900 words), batched with nlp.pipe. It first compares the
trimmed pipeline (tok2vec and ner, a rule-based sentencizer; no tagger, parser,
attribute ruler or lemmatizer) against spaCy's full pipeline on the same
stories, then times the whole stage (model and rules) in one process and with
one process per core; the faster rate projects the time to retag 100,000
stories. Every rate is also given per CPU second of the process, which is what a
free core would do: the machine is shared, so wall-clock rates are noisy;
compare the ratios measured in the same run.

    .venv/bin/python bench/tagging_speed.py [--articles 20000] [--naive-sample 400] [--model-articles 120]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from collections.abc import Callable

from _monitor_common import labelled_articles

from monitor.registry import seed_entries, seed_registry
from monitor.tagger import Tagger

TEMPLATES = [
    "Officials in {place} said talks with {country} would resume next week.",
    "{person} told reporters that {org} had not been consulted.",
    "Analysts expect {company} to announce new contracts with {country} by the end of the year.",
    "The {adjective} government denied that {weapon} systems had been delivered.",
    "Diplomats from {country} and {country2} met in {place} to discuss shipping and energy prices.",
    "A spokesman for {org} declined to comment on the report, which cited unnamed officials.",
    "Markets were calm on Tuesday as traders waited for news about interest rates and oil supply.",
    "Residents said electricity cuts had lasted for several hours in parts of the city.",
]


def build_archive(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    entities = seed_registry()
    by_kind: dict[str, list[str]] = {}
    adjectives = []
    for entity in entities:
        by_kind.setdefault(entity.kind, []).append(entity.name)
        if entity.kind == "country":
            adjectives += [a.text for a in entity.aliases if a.text.endswith(("ian", "ish", "i", "ese"))]
    paragraphs = [text for text, _ in labelled_articles()]
    archive = []
    for _ in range(count):
        parts = rng.sample(paragraphs, 4)
        for _ in range(10):
            parts.append(
                rng.choice(TEMPLATES).format(
                    place=rng.choice(by_kind["place"]),
                    country=rng.choice(by_kind["country"]),
                    country2=rng.choice(by_kind["country"]),
                    person=rng.choice(by_kind["person"]),
                    org=rng.choice(by_kind["organisation"]),
                    company=rng.choice(by_kind["company"]),
                    weapon=rng.choice(by_kind["weapon"]),
                    adjective=rng.choice(adjectives or ["regional"]),
                )
            )
        rng.shuffle(parts)
        archive.append("\n\n".join(parts))
    return archive


class NaiveTagger:
    """One compiled regular expression per alias, each run over the whole text."""

    def __init__(self, aliases: list[tuple[str, str]]) -> None:
        self.patterns = [(name, re.compile(r"\b" + re.escape(alias) + r"\b", re.IGNORECASE)) for alias, name in aliases]

    def tag(self, text: str) -> list[tuple[str, int, int]]:
        found = []
        for name, pattern in self.patterns:
            found += [(name, m.start(), m.end()) for m in pattern.finditer(text)]
        return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--naive-sample", type=int, default=400)
    parser.add_argument("--model-articles", type=int, default=120)
    args = parser.parse_args()

    entries = seed_entries()
    archive = build_archive(args.articles)
    size = sum(len(t) for t in archive) / len(archive)
    started = time.perf_counter()
    tagger = Tagger(entries)
    built = time.perf_counter() - started

    started, cpu = time.perf_counter(), time.process_time()
    mentions = sum(len(tagger.tag(text)) for text in archive)
    elapsed = time.perf_counter() - started
    rate = len(archive) / elapsed
    cpu_rate = len(archive) / (time.process_time() - cpu)

    naive = NaiveTagger([(e.alias, e.name) for e in entries])
    sample = archive[: max(1, min(args.naive_sample, len(archive)))]
    started = time.perf_counter()
    for text in sample:
        naive.tag(text)
    naive_rate = len(sample) / (time.perf_counter() - started)

    print(f"Archive: {len(archive):,} synthetic articles, {size:,.0f} characters on average")
    print(f"Registry: {len(entries):,} aliases; automaton built in {built * 1000:.0f} ms")
    print(
        f"Aho-Corasick tagger: {rate:,.0f} articles/s wall, {cpu_rate:,.0f} per CPU-second "
        f"({mentions:,} mentions in {elapsed:.2f}s)"
    )
    print(f"Naive baseline (one regex per alias, {len(sample)} articles): {naive_rate:,.1f} articles/s")
    print(f"Ratio: {rate / naive_rate:,.1f}x")
    print(
        f"Dictionary stage goal: >= 1,000 articles/s: {'met' if rate >= 1000 else 'NOT met'} wall-clock, "
        f"{'met' if cpu_rate >= 1000 else 'NOT met'} per CPU-second"
    )
    result: dict[str, object] = {
        "articles": len(archive),
        "articles_per_s": round(rate, 1),
        "articles_per_cpu_s": round(cpu_rate, 1),
        "naive_articles_per_s": round(naive_rate, 1),
        "ratio": round(rate / naive_rate, 1),
    }
    result["model"] = model_stage(tagger, archive, args.model_articles, rate)
    print(json.dumps(result))


def _rates(run: Callable[[], object], count: int) -> tuple[float, float]:
    """Items per wall-clock second and per CPU second of this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return count / (time.perf_counter() - wall), count / max(time.process_time() - cpu, 1e-9)


def model_stage(tagger: Tagger, archive: list[str], count: int, dictionary_rate: float) -> dict[str, object]:
    """The model stage on full-length stories: the trimmed pipeline against spaCy's full one, and the rules.

    The machine is shared, so besides wall-clock rates this reports rates per CPU
    second of the process (what one free core would do); the retag projection
    uses both.
    """
    import spacy

    from monitor import discovery

    if not discovery.model_available():
        print(f"Model stage skipped: {discovery.MODEL_MISSING}")
        return {"skipped": discovery.MODEL_MISSING}
    stories = ["\n\n".join(archive[i : i + 4]) for i in range(0, min(len(archive), 4 * count), 4)][:count]
    words = sum(len(t.split()) for t in stories) / len(stories)
    started = time.perf_counter()
    nlp = discovery.nlp()
    loaded = time.perf_counter() - started
    full = spacy.load(discovery.MODEL_PACKAGE)
    sample = stories[: max(8, len(stories) // 4)]
    full_wall, full_cpu = _rates(lambda: list(full.pipe(sample, batch_size=32)), len(sample))
    trim_wall, trim_cpu = _rates(lambda: list(nlp.pipe(sample, batch_size=32)), len(sample))
    print(f"Stories: {len(stories)} of {words:,.0f} words (four archive articles joined)")
    print(
        f"spaCy full pipeline {full.pipe_names}: {full_wall:,.2f} stories/s wall, {full_cpu:,.2f} per CPU-second "
        f"({len(sample)} stories)"
    )
    print(
        f"Trimmed pipeline {nlp.pipe_names}: {trim_wall:,.2f} stories/s wall, {trim_cpu:,.2f} per CPU-second; "
        f"ratio {trim_cpu / full_cpu:,.2f}x per CPU-second, {trim_wall / full_wall:,.2f}x wall"
    )
    docs = list(nlp.pipe(stories[:16], batch_size=32))
    _, rules_cpu = _rates(
        lambda: [discovery.analyse(t, tagger, doc=d) for t, d in zip(stories[:16], docs, strict=True)], len(docs)
    )
    print(f"Rules after the model (corrections, chunks, grouping, confidence): {rules_cpu:,.1f} stories/CPU-second")
    cores = os.cpu_count() or 1
    rates: dict[str, float] = {}
    cpu_rate = 0.0
    for processes in sorted({1, cores}):
        wall, cpu = time.perf_counter(), time.process_time()
        suggestions = sum(
            len(a.suggestions) for a in discovery.analyse_many(stories, tagger, batch_size=32, n_process=processes)
        )
        rates[str(processes)] = len(stories) / (time.perf_counter() - wall)
        if processes == 1:
            cpu_rate = len(stories) / (time.process_time() - cpu)
        print(
            f"Model stage end to end, {processes} process(es), nlp.pipe batches of 32: "
            f"{rates[str(processes)]:,.2f} stories/s wall ({suggestions:,} suggestions)"
        )
    best = max(rates.values())
    hours = 100_000 / best / 3600
    hours_free = 100_000 / (cpu_rate * cores) / 3600
    print(f"Model loaded in {loaded:.1f}s (once per process)")
    print(f"One process: {cpu_rate:,.2f} stories per CPU-second")
    print(f"Projected retag of 100,000 stories, {cores} core(s): {hours:.1f} h at the measured {best:,.2f} stories/s;")
    print(f"  {hours_free:.1f} h with {cores} free core(s) at {cpu_rate:,.2f} stories per CPU-second each")
    print(
        f"Dictionary stage is {dictionary_rate / best:,.0f}x faster than the model stage (per story; shorter stories)"
    )
    return {
        "stories": len(stories),
        "words_per_story": round(words),
        "full_pipeline_per_cpu_s": round(full_cpu, 2),
        "trimmed_pipeline_per_cpu_s": round(trim_cpu, 2),
        "trimmed_vs_full": round(trim_cpu / full_cpu, 2),
        "rules_per_cpu_s": round(rules_cpu, 1),
        "stories_per_s": {k: round(v, 2) for k, v in rates.items()},
        "stories_per_cpu_s": round(cpu_rate, 2),
        "cores": cores,
        "retag_100k_hours": round(hours, 2),
        "retag_100k_hours_free_cores": round(hours_free, 2),
        "load_s": round(loaded, 1),
    }


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
