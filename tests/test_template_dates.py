"""Every page writes dates and times through the shared filters in core/templatetags/newsdesk_dates.py,
so a reader never sees "21 Aug 2023, 09:00" on a card and "21 August 2023, 09:00 UTC" on the article.

Machine-readable stamps (`|date:"c"` in a `datetime` attribute, a sitemap or a feed) are allowed.
Emails and the Wagtail admin's dashboard panels are checked by their own tests, not here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOT_PAGES = ("templates/emails/", "templates/wagtailadmin/")

# |date:"…" with any format but "c", |time, |timesince, |timeuntil, {% now %}.
OWN_FORMAT = re.compile(
    r"""\|\s*date\s*:\s*(['"])(?!c\1)[^'"]*\1"""
    r"""|\|\s*date\b(?!\s*:)"""
    r"""|\|\s*time\b"""
    r"""|\|\s*time(since|until)\b"""
    r"""|\{%\s*now\b"""
)


def page_templates() -> list[Path]:
    folders = [ROOT / "templates", *sorted(p for p in ROOT.glob("*/templates") if p.parent.name != "node_modules")]
    found = [path for folder in folders for path in folder.rglob("*") if path.suffix in {".html", ".txt", ".xml"}]
    return [path for path in found if not any(part in path.relative_to(ROOT).as_posix() for part in NOT_PAGES)]


def own_formats(text: str) -> list[str]:
    return [match.group(0) for match in OWN_FORMAT.finditer(text)]


def test_the_check_catches_a_template_that_formats_a_date_itself():
    assert own_formats('{{ a.date|date:"j M Y, H:i" }}') == ['|date:"j M Y, H:i"']
    assert own_formats("{{ a.date|date }} {{ a.t|time:'H:i' }} {{ a.t|timesince }} {% now 'Y' %}")
    assert own_formats("<time datetime=\"{{ a.date|date:'c' }}\">{{ a.date|newsdesk_datetime }}</time>") == []


def test_the_check_reads_the_home_article_and_newsletter_templates():
    names = {path.relative_to(ROOT).as_posix() for path in page_templates()}
    assert {
        "templates/newsroom/home_page.html",
        "templates/newsroom/article_page.html",
        "templates/components/article_card.html",
        "templates/newsletters/newsletter_detail.html",
    } <= names


@pytest.mark.parametrize("path", page_templates(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_page_template_formats_a_date_on_its_own(path: Path):
    found = own_formats(path.read_text(encoding="utf-8"))
    assert not found, f"use the newsdesk_dates filters instead of {found}"
