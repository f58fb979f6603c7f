"""PDF files from HTML templates (WeasyPrint), for every download the site offers."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

PDF = "application/pdf"


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    # WeasyPrint takes most of a second to import: load it only when a PDF is asked for.
    from weasyprint import HTML

    return HTML(string=render_to_string(template, context)).write_pdf()  # type: ignore[no-any-return]
