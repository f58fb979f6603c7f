"""PDF files from HTML templates (WeasyPrint), for every download the site offers.

WeasyPrint lays text out with the system's Pango library. Without it the rest
of the site works; `missing_libraries()` names what a PDF download would need
(`make run` and the tests use it), e.g. `python -m lib.pdf` prints it.
"""

from __future__ import annotations

import ctypes.util
import sys
from typing import Any

from django.template.loader import render_to_string

PDF = "application/pdf"

# Shared libraries WeasyPrint opens, with the Debian/Ubuntu package that ships each.
SYSTEM_LIBRARIES = {
    "pango-1.0": "libpango-1.0-0",
    "pangoft2-1.0": "libpangoft2-1.0-0",
    "harfbuzz": "libharfbuzz0b",
    "fontconfig": "libfontconfig1",
}


def missing_libraries() -> list[str]:
    """Packages to install before PDFs can be made; empty when all are present."""
    return [package for library, package in SYSTEM_LIBRARIES.items() if not ctypes.util.find_library(library)]


def missing_message() -> str:
    missing = missing_libraries()
    if not missing:
        return ""
    return (
        "PDF downloads need Pango (WeasyPrint's text layout), which was not found. "
        f"On Debian or Ubuntu: sudo apt-get install {' '.join(missing)} fonts-dejavu-core; "
        "on macOS: brew install pango. The rest of the site works without it."
    )


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    # WeasyPrint takes most of a second to import: load it only when a PDF is asked for.
    from weasyprint import HTML

    return HTML(string=render_to_string(template, context)).write_pdf()  # type: ignore[no-any-return]


if __name__ == "__main__":
    message = missing_message()
    print(message or "Pango found: PDF downloads will work.", file=sys.stderr if message else sys.stdout)
