"""A briefing book as Word, PowerPoint or PDF, every clip with its citation."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from core.models import outlet_name
from lib.dates import format_date
from lib.pdf import PDF, render_pdf
from monitor.models import BriefingFolder, Clip

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'])")


def citation(clip: Clip, outlet: str) -> str:
    """e.g. Newsdesk, “Iran and Belarus sign…”, 21 August 2023, https://…"""
    parts = [outlet]
    if clip.authors:
        parts.insert(0, clip.authors)
    parts.append(f"“{clip.title}”")
    if clip.published_at:
        parts.append(format_date(clip.published_at))
    parts.append(clip.url)
    return ", ".join(parts)


def key_points(clip: Clip, limit: int = 4) -> list[str]:
    """The passage (or the standfirst) in a few sentences, then the member's note."""
    source = clip.passage or clip.dek
    points = [s.strip() for s in SENTENCE.split(source) if s.strip()][:limit]
    if clip.note:
        points.append(f"Note: {clip.note}")
    return points


def filename(folder: BriefingFolder, fmt: str) -> str:
    return f"{slugify(folder.name) or 'briefing-book'}.{fmt}"


def build_docx(*, folder: BriefingFolder, clips: list[Clip]) -> bytes:
    from docx import Document
    from docx.shared import Pt

    outlet = outlet_name()
    document = Document()
    document.core_properties.title = folder.name
    document.add_heading(folder.name, level=0)
    document.add_paragraph(f"Briefing book from {outlet}, exported {format_date(timezone.localdate())}.")
    for number, clip in enumerate(clips, start=1):
        document.add_heading(f"{number}. {clip.title}", level=1)
        if clip.passage:
            document.add_paragraph(clip.passage, style="Intense Quote")
        else:
            document.add_paragraph(clip.dek)
        if clip.note:
            note = document.add_paragraph()
            note.add_run("Note: ").bold = True
            note.add_run(clip.note)
        source = document.add_paragraph()
        run = source.add_run(f"Source: {citation(clip, outlet)}")
        run.italic = True
        run.font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_pptx(*, folder: BriefingFolder, clips: list[Clip]) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    outlet = outlet_name()
    deck = Presentation()
    deck.core_properties.title = folder.name
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = folder.name
    cover.placeholders[1].text = f"Briefing book · {outlet} · {format_date(timezone.localdate())}"
    for clip in clips:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = clip.title
        body = slide.placeholders[1].text_frame
        points = key_points(clip) or [clip.title]
        body.text = points[0]
        for point in points[1:]:
            body.add_paragraph().text = point
        for paragraph in body.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(16)
        footer = slide.shapes.add_textbox(Inches(0.5), Inches(6.8), Inches(9), Inches(0.6)).text_frame
        footer.word_wrap = True
        date = format_date(clip.published_at) if clip.published_at else ""
        footer.text = f"Source: {outlet}{' · ' + clip.section if clip.section else ''} · {date}"
        link = footer.add_paragraph()
        run = link.add_run()
        run.text = clip.url
        run.hyperlink.address = clip.url
        for paragraph in footer.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(10)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def build_pdf(*, folder: BriefingFolder, clips: list[Clip]) -> bytes:
    outlet = outlet_name()
    return render_pdf(
        "monitor/export_pdf.html",
        {
            "folder": folder,
            "clips": [(clip, citation(clip, outlet)) for clip in clips],
            "today": timezone.localdate(),
            "outlet": outlet,
        },
    )


FORMATS: dict[str, tuple[str, Callable[..., Any]]] = {
    "docx": (DOCX, build_docx),
    "pptx": (PPTX, build_pptx),
    "pdf": (PDF, build_pdf),
}
