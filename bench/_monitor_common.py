"""Shared by the Monitor benches: the labelled set, parsed from its inline markup.

Gold mentions are written inline as [[surface|Canonical name|kind]]; the name
defaults to the surface and the kind to the registry's kind for that name.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELLED = ROOT / "tests" / "monitor" / "data" / "labelled_articles.json"
# Written apart from the registry and never used for tuning: see its README.
HELDOUT = ROOT / "bench" / "data" / "heldout" / "articles.json"
# A second one, written later by someone else, apart from the rules as they then stood: see its README.
HELDOUT2 = ROOT / "bench" / "data" / "heldout2" / "articles.json"
# A third, written in two halves by two more writers, apart from the registry, the rules and every other set.
HELDOUT3 = ROOT / "bench" / "data" / "heldout3" / "articles.json"
# A fourth, written the same way before the next round of tuning.
HELDOUT4 = ROOT / "bench" / "data" / "heldout4" / "articles.json"
# A fifth, written the same way before the round after that.
HELDOUT5 = ROOT / "bench" / "data" / "heldout5" / "articles.json"
# A sixth, written after the first half of that round, before its second half.
HELDOUT6 = ROOT / "bench" / "data" / "heldout6" / "articles.json"
# A seventh, written after that round, before the next.
HELDOUT7 = ROOT / "bench" / "data" / "heldout7" / "articles.json"
# An eighth, written after the round that followed, before anything changed again.
HELDOUT8 = ROOT / "bench" / "data" / "heldout8" / "articles.json"
# Written for tuning the model stage: mostly names the registry lacks. See its README.
DEV = ROOT / "bench" / "data" / "dev" / "articles.json"
KINDS = {"person", "organisation", "company", "place", "country", "weapon"}
MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]|]+))?(?:\|([^\]|]+))?\]\]")


@dataclass(frozen=True)
class Gold:
    name: str
    kind: str
    start: int
    end: int


def parse(marked: str, kinds: dict[str, str]) -> tuple[str, list[Gold]]:
    out: list[str] = []
    gold: list[Gold] = []
    position = last = 0
    for match in MARK.finditer(marked):
        plain = marked[last : match.start()]
        out.append(plain)
        position += len(plain)
        surface, name, kind = match.group(1), match.group(2) or match.group(1), match.group(3)
        if kind is None and name in KINDS:  # [[surface|kind]]
            name, kind = surface, name
        gold.append(
            Gold(name=name, kind=kind or kinds.get(name, "unknown"), start=position, end=position + len(surface))
        )
        out.append(surface)
        position += len(surface)
        last = match.end()
    out.append(marked[last:])
    return "".join(out), gold


def labelled_articles() -> list[tuple[str, list[Gold]]]:
    from monitor.registry import seed_registry

    kinds = {entity.name: entity.kind for entity in seed_registry()}
    items = json.loads(LABELLED.read_text(encoding="utf-8"))
    # Only the body text is annotated; titles are there for readers of the file.
    return [parse(item["text"], kinds) for item in items]


def heldout_articles(path: Path = HELDOUT) -> list[tuple[str, list[Gold]]]:
    items = json.loads(path.read_text(encoding="utf-8"))
    return [parse(item["text"], {}) for item in items]


def dev_articles(ids: range | None = None) -> list[tuple[str, list[Gold]]]:
    """The development set, or only the stories whose ids are in `ids` (a batch written together)."""
    items = json.loads(DEV.read_text(encoding="utf-8"))
    return [parse(item["text"], {}) for item in items if ids is None or item["id"] in ids]
