"""Templates link to Django's routes by name ({% url %}), so moving a route moves every link to it.

The only literal paths left are Wagtail pages (home, topic and author indexes)
and their feeds, which have no route name.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
WAGTAIL_PAGES = re.compile(r'href="/(topics/|authors/|feed/|feed/atom/)?"')


def test_no_template_hard_codes_a_django_route():
    literal = re.compile(r'href="/[^"{]*"')
    found = [
        f"{path.relative_to(TEMPLATES)}: {match}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for match in literal.findall(path.read_text())
        if not WAGTAIL_PAGES.fullmatch(match)
    ]
    assert found == []


def test_partials_live_in_components():
    assert sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("_*.html")) == []
