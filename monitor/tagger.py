"""Finds the registry's entities in text with one Aho–Corasick automaton.

Text and aliases are normalised the same way (casefolded, diacritics dropped,
quotes and dashes unified, every non-alphanumeric character turned into a
space) so that one character of the original becomes one character of the
normalised text whenever possible, which keeps offsets exact. Keys are
stored with a space on each side, so the automaton only ever reports matches
that start and end on word boundaries: no per-character Python work is spent
on "Iran" inside "Tirana".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

# Characters whose normal form is not exactly one character (ß → ss, ﬁ → fi,
# combining accents → nothing) force the slow, offset-mapping path.
_char_cache: dict[str, str] = {}
_irregular: set[str] = set()


def _normal_char(char: str) -> str:
    cached = _char_cache.get(char)
    if cached is not None:
        return cached
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    out = "".join(c if c.isalnum() else " " for c in kept)
    if not kept:
        out = "" if unicodedata.combining(char) else " "
    _char_cache[char] = out
    if len(out) != 1:
        _irregular.add(char)
    return out


_ASCII_TABLE = str.maketrans({chr(i): (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)})


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The normalised text and, when lengths differ, each normalised char's index in `text`."""
    if text.isascii():
        return text.translate(_ASCII_TABLE), None
    chars = set(text)
    for char in chars:
        if char not in _char_cache:
            _normal_char(char)
    if not (chars & _irregular):
        return text.translate({ord(c): _char_cache[c] for c in chars}), None
    pieces: list[str] = []
    offsets: list[int] = []
    for position, char in enumerate(text):
        out = _char_cache[char]
        pieces.append(out)
        offsets.extend([position] * len(out))
    return "".join(pieces), offsets


def normalise_key(text: str) -> str:
    """An alias as the automaton stores it: normalised, single-spaced."""
    return " ".join(normalise(text)[0].split())


@dataclass(frozen=True)
class Entry:
    """One alias of one entity, as the tagger needs it (no database)."""

    entity_id: int | str
    name: str
    kind: str
    slug: str
    alias: str
    case_sensitive: bool = False
    needs_context: bool = False
    context_words: tuple[str, ...] = ()
    prominence: int = 0


@dataclass(frozen=True)
class Found:
    entity_id: int | str
    name: str
    kind: str
    slug: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class _Key:
    length: int
    entries: list[Entry] = field(default_factory=list)


# Honorifics and given names that, written just before or after a country's
# short name, show the word is part of a person's name ("Michael Jordan").
_NAME_NEIGHBOURS_ALLOWED = {"the", "of", "and", "in", "to", "from", "with", "for", "by", "on", "at"}
_OPENERS = {
    "in",
    "on",
    "at",
    "the",
    "and",
    "but",
    "from",
    "to",
    "for",
    "with",
    "by",
    "as",
    "of",
    "while",
    "when",
    "since",
    "after",
    "before",
    "unlike",
    "like",
    "both",
    "meanwhile",
    "neighbouring",
    "neighboring",
    "king",
    "queen",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "across",
    "inside",
    "outside",
    "that",
    "then",
    "now",
    "why",
    "how",
    "what",
    "where",
    "if",
    "though",
    "although",
    "beyond",
    "including",
    "against",
}
_WORDS = re.compile(r"[^\W_]+")
# What a place or a body is, which copy writes in lower case after its name ("the Litani river", "Syunik
# province", "the Tasnim news agency"); the discovery stage then cuts the noun off.
_KIND_NOUNS = {
    *("news agency party movement group company corporation council court force forces army militia").split(),
    *("union front alliance bank fund authority ministry office exchange airline airlines").split(),
    *("river sea lake mountains mountain valley desert plateau peninsula island islands gulf strait bay").split(),
    *("province region district governorate county state city oasis basin canal corridor pipeline").split(),
    *("field fields dam port airport camp crossing refinery terminal mine railway highway road zone").split(),
}
# Country names that are also people's names; only these get the name check.
NAME_LIKE = {"jordan", "chad", "georgia", "israel", "india", "kenya", "niger", "cuba", "france"}


def _cased_like(alias: str, original: str) -> bool:
    """No capitalised word of a longer alias is written in lower case: "Gulf air forces" is not Gulf Air."""
    alias_words, words = _WORDS.findall(alias), _WORDS.findall(original)
    if len(alias_words) < 2 or len(alias_words) != len(words):
        return True
    return not any(
        a[:1].isupper() and w[:1].islower() and w not in _KIND_NOUNS and w not in _ARTICLES
        for a, w in zip(alias_words, words, strict=True)
    )


_ARTICLE_FIRST = re.compile(r"(?:al|el|an|ad|ar|as|ash|at|az)-[A-Z]")
# The Arabic article is written either way ("Al-Hol", "al-Hol"), and so is the French one.
_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "le", "la", "les", "du", "de"}


class Tagger:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self.automaton = ahocorasick.Automaton()
        keys: dict[str, _Key] = {}
        first_names: set[str] = set()
        for entry in entries:
            key = normalise_key(entry.alias)
            if not key:
                continue
            # Text keeps its spacing so that offsets stay exact: "Workers' Party" reads "workers  party" there,
            # so an alias with punctuation beside a space is also stored spaced that way.
            spaced = normalise(entry.alias)[0].strip()
            for variant in {key, spaced}:
                slot = keys.setdefault(variant, _Key(length=len(variant)))
                slot.entries.append(entry)
            if entry.kind == "person" and " " in entry.name:
                first_names.add(normalise_key(entry.name.split()[0]))
        for key, slot in keys.items():
            self.automaton.add_word(f" {key} ", (slot.length, tuple(slot.entries)))
        self.size = len(keys)
        if keys:
            self.automaton.make_automaton()
        self.first_names = first_names

    def tag(self, text: str) -> list[Found]:
        if not self.size or not text:
            return []
        normal, offsets = normalise(text)
        padded = f" {normal} "
        candidates: list[tuple[int, int, tuple[Entry, ...]]] = []
        for end_index, (length, entries) in self.automaton.iter(padded):
            # end_index is the trailing space; the key starts one past the leading space.
            start = end_index - length - 1  # index in `normal`
            candidates.append((start, start + length, entries))
        if not candidates:
            return []
        # Longest match wins; among equals, the earliest.
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int, tuple[Entry, ...]]] = []
        occupied: list[tuple[int, int]] = []
        for start, end, entries in candidates:
            if any(start < o_end and o_start < end for o_start, o_end in occupied):
                continue
            o_start, o_end = (offsets[start], offsets[end - 1] + 1) if offsets else (start, end)
            original = text[o_start:o_end]
            capital = original[:1].isupper() or _ARTICLE_FIRST.match(original) is not None
            entries = tuple(
                e
                for e in entries
                if (e.alias == original if e.case_sensitive else capital or not e.alias[:1].isupper())
                and _cased_like(e.alias, original)
            )
            if not entries:
                continue  # not written as any of its names: a shorter name inside may still be ("the Sovereign Fund")
            occupied.append((start, end))
            taken.append((o_start, o_end, entries))
        taken.sort()
        words: set[str] | None = None
        resolved: list[tuple[int, int, Entry]] = []
        pending: list[tuple[int, int, tuple[Entry, ...]]] = []
        for o_start, o_end, entries in taken:
            original = text[o_start:o_end]
            if len(entries) == 1 and not entries[0].needs_context:
                if entries[0].kind == "country" and self._inside_a_name(text, o_start, o_end, original):
                    continue
                resolved.append((o_start, o_end, entries[0]))
            else:
                pending.append((o_start, o_end, entries))
        if pending:
            words = set(normal.split())
            named = {entry.entity_id for _, _, entry in resolved}
            for o_start, o_end, entries in pending:
                choice = self._resolve(entries, words, named)
                if choice is None:
                    continue
                if choice.kind == "country" and self._inside_a_name(text, o_start, o_end, text[o_start:o_end]):
                    continue
                resolved.append((o_start, o_end, choice))
            resolved.sort(key=lambda r: r[0])
        return [Found(e.entity_id, e.name, e.kind, e.slug, start, end, text[start:end]) for start, end, e in resolved]

    def _resolve(self, entries: tuple[Entry, ...], words: set[str], named: set[int | str]) -> Entry | None:
        best: Entry | None = None
        best_score = -1
        for entry in entries:
            score = 0
            if entry.entity_id in named:
                score += 10
            score += sum(1 for word in entry.context_words if _has_phrase(word, words))
            if entry.needs_context and score == 0:
                continue
            if score > best_score or (score == best_score and best is not None and entry.prominence > best.prominence):
                best, best_score = entry, score
        return best

    def _inside_a_name(self, text: str, start: int, end: int, original: str) -> bool:
        """True when a country's name is someone's given or family name here ("Jordan Peterson")."""
        if normalise_key(original) not in NAME_LIKE:
            return False
        before = text[max(0, start - 30) : start]
        after = text[end : end + 30]
        prev_word = before.split()[-1] if before.split() else ""
        next_word = after.split()[0] if after.split() else ""
        next_clean = next_word.strip(".,;:'\"’”)")
        prev_clean = prev_word.strip(".,;:'\"‘“(")
        if after[:1] == " " and next_clean[:1].isupper() and next_clean.lower() not in _NAME_NEIGHBOURS_ALLOWED:
            if normalise_key(next_clean) not in self.first_names and next_clean.isalpha() and len(next_clean) > 2:
                # "Jordan Peterson": a capitalised word that is not itself a known name start.
                return not _is_known_start(self, next_clean)
        if before[-1:] == " " and prev_word == prev_clean and prev_clean[:1].isupper():
            # "Michael Jordan": a capitalised word that is neither a sentence opener nor a known name.
            return prev_clean.lower() not in _OPENERS and not _is_known_start(self, prev_clean)
        return False


def _is_known_start(tagger: Tagger, word: str) -> bool:
    key = f" {normalise_key(word)} "
    return tagger.automaton.exists(key) or tagger.automaton.match(key)


def _has_phrase(phrase: str, words: set[str]) -> bool:
    parts = phrase.split()
    return all(part in words for part in parts)


def context_words(raw: str) -> tuple[str, ...]:
    return tuple(k for k in (normalise_key(w) for w in raw.split(",")) if k)
