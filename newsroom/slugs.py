"""Slugs that read well whatever the script of the headline.

Dashes of every kind keep the break between words ("Kirkuk–Ceyhan" gives
kirkuk-ceyhan, not kirkukceyhan) and Arabic, Hebrew, Persian and Turkish
letters are transliterated by anyascii instead of being dropped.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from django.utils.text import slugify

# Hyphen, non-breaking hyphen, figure dash, en and em dashes, minus sign, slashes.
WORD_BREAKS = re.compile(r"[\u2010-\u2015\u2212/\\]")
APOSTROPHES = re.compile(r"['\u2019\u02bc\u02bb`]")
MAX_LENGTH = 80


def slug_for(title: str) -> str:
    """A lower-case ASCII slug for `title`; "" only when the title has no letters or digits."""
    text = WORD_BREAKS.sub(" ", title)
    text = APOSTROPHES.sub("", anyascii(text))
    slug = slugify(text)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    return slug


def naive_slugs(title: str) -> set[str]:
    """What the browser's own slug field makes of a title, which an editor did not choose."""
    return {slugify(title), slugify(title, allow_unicode=True), ""}
