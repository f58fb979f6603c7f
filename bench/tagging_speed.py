"""Articles tagged per second: the dictionary stage against a naive
one-regex-per-alias baseline, and the model stage (spaCy) on full-length stories.

The archive is enlarged synthetically to 20,000 articles (default) from the
labelled set and sentence templates filled with registry names, so no
database is needed. The naive baseline runs on a sample (default 400
articles) because it is slow; its rate is what the ratio compares.

The model stage runs on --model-articles full-length stories (two archive
articles joined, about 900 words), batched with nlp.pipe, in one process and
then with one process per core; the faster rate projects the time to retag
100,000 stories. The machine is shared, so the rates are noisy: compare the
ratios measured in the same run.

    .venv/bin/python bench/tagging_speed.py [--articles 20000] [--naive-sample 400] [--model-articles 120]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time

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

    started = time.perf_counter()
    mentions = sum(len(tagger.tag(text)) for text in archive)
    elapsed = time.perf_counter() - started
    rate = len(archive) / elapsed

    naive = NaiveTagger([(e.alias, e.name) for e in entries])
    sample = archive[: max(1, min(args.naive_sample, len(archive)))]
    started = time.perf_counter()
    for text in sample:
        naive.tag(text)
    naive_rate = len(sample) / (time.perf_counter() - started)

    print(f"Archive: {len(archive):,} synthetic articles, {size:,.0f} characters on average")
    print(f"Registry: {len(entries):,} aliases; automaton built in {built * 1000:.0f} ms")
    print(f"Aho-Corasick tagger: {rate:,.0f} articles/s ({mentions:,} mentions in {elapsed:.2f}s)")
    print(f"Naive baseline (one regex per alias, {len(sample)} articles): {naive_rate:,.1f} articles/s")
    print(f"Ratio: {rate / naive_rate:,.1f}x")
    print(f"Dictionary stage goal: >= 1,000 articles/s: {'met' if rate >= 1000 else 'NOT met'}")
    result: dict[str, object] = {
        "articles": len(archive),
        "articles_per_s": round(rate, 1),
        "naive_articles_per_s": round(naive_rate, 1),
        "ratio": round(rate / naive_rate, 1),
    }
    result["model"] = model_stage(tagger, archive, args.model_articles, rate)
    print(json.dumps(result))


def model_stage(tagger: Tagger, archive: list[str], count: int, dictionary_rate: float) -> dict[str, object]:
    from monitor import discovery

    if not discovery.model_available():
        print(f"Model stage skipped: {discovery.MODEL_MISSING}")
        return {"skipped": discovery.MODEL_MISSING}
    stories = ["\n\n".join(archive[i : i + 2]) for i in range(0, min(len(archive), 2 * count), 2)][:count]
    words = sum(len(t.split()) for t in stories) / len(stories)
    started = time.perf_counter()
    discovery.nlp()
    loaded = time.perf_counter() - started
    cores = os.cpu_count() or 1
    rates: dict[str, float] = {}
    for processes in sorted({1, cores}):
        started = time.perf_counter()
        suggestions = sum(
            len(a.suggestions) for a in discovery.analyse_many(stories, tagger, batch_size=32, n_process=processes)
        )
        rates[str(processes)] = len(stories) / (time.perf_counter() - started)
        print(
            f"Model stage, {processes} process(es), nlp.pipe batches of 32: {rates[str(processes)]:,.1f} "
            f"stories/s ({len(stories)} stories of {words:,.0f} words, {suggestions:,} suggestions)"
        )
    best = max(rates.values())
    hours = 100_000 / best / 3600
    print(f"Model loaded in {loaded:.1f}s (once per process)")
    print(f"Projected retag of 100,000 stories with {cores} core(s): {hours:.1f} h at {best:,.1f} stories/s")
    print(
        f"Dictionary stage is {dictionary_rate / best:,.0f}x faster than the model stage (per story; shorter stories)"
    )
    return {
        "stories": len(stories),
        "words_per_story": round(words),
        "stories_per_s": {k: round(v, 2) for k, v in rates.items()},
        "cores": cores,
        "retag_100k_hours": round(hours, 2),
        "load_s": round(loaded, 1),
    }


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
