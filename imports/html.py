"""Imported HTML, cleaned with nh3 and cut into our article blocks."""

from __future__ import annotations

from typing import Any

import lxml.html
import nh3
from lxml import etree
from wagtail.rich_text import RichText

ALLOWED_TAGS = {"p", "a", "strong", "em", "b", "i", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                "blockquote", "br", "figure", "figcaption", "img", "cite"}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
INLINE = {"a", "strong", "em", "b", "i", "br", "cite"}


def clean(html: str) -> str:
    """Scripts, styles, event handlers and javascript: links are dropped; the words stay."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        clean_content_tags={"script", "style"},
    )


def _inner(element: Any) -> str:
    text = element.text or ""
    return text + "".join(etree.tostring(child, encoding="unicode", method="html") for child in element)


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def blocks_from_html(html: str) -> list[tuple[str, Any]]:
    """Our StreamField blocks: paragraphs (with lists), headings and quotes. Images become their captions."""
    cleaned = clean(html).strip()
    if not cleaned:
        return []
    wrapper = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    blocks: list[tuple[str, Any]] = []
    loose: list[str] = []

    def flush() -> None:
        text = "".join(loose).strip()
        if text:
            blocks.append(("paragraph", RichText(f"<p>{text}</p>")))
        loose.clear()

    if wrapper.text and wrapper.text.strip():
        loose.append(wrapper.text)
    for child in wrapper:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in INLINE:
            loose.append(etree.tostring(child, encoding="unicode", method="html", with_tail=True))
            continue
        flush()
        if tag == "p" and _text(child):
            blocks.append(("paragraph", RichText(f"<p>{_inner(child).strip()}</p>")))
        elif tag in ("ul", "ol") and _text(child):
            blocks.append(("paragraph", RichText(etree.tostring(child, encoding="unicode", method="html"))))
        elif tag.startswith("h") and len(tag) == 2 and _text(child):
            blocks.append(("heading", _text(child)[:255]))
        elif tag == "blockquote" and _text(child):
            blocks.append(("quote", {"text": _text(child), "attribution": ""}))
        elif tag == "figure":
            caption = child.find(".//figcaption")
            if caption is not None and _text(caption):
                blocks.append(("paragraph", RichText(f"<p><em>{_text(caption)}</em></p>")))
        if child.tail and child.tail.strip():
            loose.append(child.tail)
    flush()
    return blocks
