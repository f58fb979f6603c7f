"""Text helpers with no models: excerpts and highlighting."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The words of a search, longest first so overlapping matches prefer the longer."""
    terms = {w.lower() for w in WORD.findall(query) if len(w) > 1}
    return sorted(terms, key=len, reverse=True)


def excerpt(text: str, terms: list[str], width: int = 240) -> str:
    """A window of `text` around the first term found, or its opening."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    lowered = text.lower()
    hits = [i for i in (lowered.find(t) for t in terms) if i >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")


def highlight(text: str, terms: list[str]) -> SafeString:
    """Escape `text` and wrap each whole-word occurrence of a term in <mark>."""
    if not terms:
        return mark_safe(escape(text))
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))
