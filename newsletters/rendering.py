"""Render an issue once, personalise it per recipient for almost nothing.

The shared part of an email (articles, layout, CSS inlined by css-inline) is
rendered once per issue and per variant: at most two variants, one for PRO
members (PRO items in full) and one for everyone else (PRO items as teaser
and upgrade link). Personal fields are markers in the rendered text, split out
once, so a recipient costs a list join.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

import css_inline
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

from core.access import Access
from core.models import OutletSettings
from lib.emails import render_subject as email_subject
from lib.text import excerpt
from newsroom.models import attach_sections
from newsroom.paywall import public_view

if TYPE_CHECKING:
    from newsletters.models import Issue
    from newsroom.models import ArticlePage

MARKER = re.compile(r"%%ND:(\w+)%%")
PERSONAL_FIELDS = ("greeting", "email", "manage_url", "unsubscribe_url")
MARKERS = {name: f"%%ND:{name}%%" for name in PERSONAL_FIELDS}
EXCERPT_CHARS = 280


def absolute(url: str) -> str:
    return settings.SITE_URL + url if url.startswith("/") else url


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    dek: str
    section: str
    access: str
    locked: bool  # a PRO item shown to someone without PRO: teaser and upgrade link only
    teaser: str
    note_html: str = ""  # SafeString: the editor's "Why it matters", shown above the link
    note_text: str = ""
    heading: str = ""  # starts a section of the issue above this item

    @property
    def is_pro(self) -> bool:
        return self.access == Access.PRO


def issue_items(issue: Issue, *, pro: bool) -> list[Item]:
    items = list(issue.items.select_related("article").order_by("sort_order", "pk"))
    live = [item for item in items if item.article.live]
    attach_sections([item.article for item in live])
    result = []
    heading = ""
    for item in items:
        heading = heading or item.heading  # a heading on a withdrawn story passes to the next one
        if item.article.live:
            result.append(article_item(item.article, note=item.note, heading=heading, pro=pro))
            heading = ""
    return result


def note_html(note: str) -> SafeString:
    """The note's rich text with page links expanded and every link absolute."""
    if not note.strip():
        return mark_safe("")
    soup = BeautifulSoup(expand_db_html(note), "html.parser")
    for link in soup.find_all("a"):
        href = str(link.get("href") or "")
        link["href"] = absolute(href)
    return mark_safe(str(soup))  # rich text, already cleaned by the editor whitelist


def note_text(note: str) -> str:
    """The note as plain text: paragraphs kept, a link's address after its words."""
    if not note.strip():
        return ""
    soup = BeautifulSoup(expand_db_html(note), "html.parser")
    for link in soup.find_all("a"):
        href = absolute(str(link.get("href") or ""))
        if href and href != link.get_text(strip=True):
            link.append(f" ({href})")
    blocks = soup.find_all(["p", "li", "h2", "h3", "h4"]) or [soup]
    paragraphs = [" ".join(block.get_text(" ").split()) for block in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def article_item(article: ArticlePage, *, note: str = "", heading: str = "", pro: bool) -> Item:
    # Only the public cut ever reaches an email: PRO readers get the link.
    teaser = excerpt(public_view(article).text, [], width=EXCERPT_CHARS)
    section = article.section
    return Item(
        title=article.title,
        url=absolute(article.get_url() or article.url_path),
        dek=article.dek,
        section=section.title if section else "",
        access=article.access,
        locked=article.access == Access.PRO and not pro,
        teaser=teaser,
        note_html=note_html(note),
        note_text=note_text(note),
        heading=heading,
    )


class Compiled:
    """A rendered text with markers split out, joined per recipient."""

    def __init__(self, text: str) -> None:
        pieces = MARKER.split(text.replace("\r\n", "\n"))
        self.parts: list[tuple[bool, str]] = [(index % 2 == 1, piece) for index, piece in enumerate(pieces)]

    def fill(self, values: dict[str, str]) -> str:
        return "".join(values[piece] if is_field else piece for is_field, piece in self.parts)


@dataclass
class PreparedIssue:
    """Everything about an issue that is the same for every recipient."""

    issue_id: int
    subject: str
    from_email: str
    reply_to: str
    list_id: str
    html: dict[bool, Compiled] = field(default_factory=dict)
    text: dict[bool, Compiled] = field(default_factory=dict)

    def personalise(
        self, *, pro: bool, name: str, email: str, manage_url: str, unsubscribe_url: str
    ) -> tuple[str, str]:
        greeting = f"Hello {name}," if name else "Hello,"
        text = self.text[pro].fill(
            {"greeting": greeting, "email": email, "manage_url": manage_url, "unsubscribe_url": unsubscribe_url}
        )
        html = self.html[pro].fill(
            {
                "greeting": escape(greeting),
                "email": escape(email),
                "manage_url": escape(manage_url),
                "unsubscribe_url": escape(unsubscribe_url),
            }
        )
        return html, text


def email_context(issue: Issue, *, pro: bool) -> dict[str, Any]:
    return {
        "outlet": OutletSettings.load(),
        "issue": issue,
        "newsletter": issue.newsletter,
        "items": issue_items(issue, pro=pro),
        "archive_url": absolute(issue.get_absolute_url()) if not issue.newsletter.pro_only else "",
        "SITE_URL": settings.SITE_URL,
        **MARKERS,
    }


def render_html(issue: Issue, *, pro: bool) -> str:
    html = render_to_string("emails/newsletters_issue-body.html", email_context(issue, pro=pro))
    return css_inline.inline(html)


def render_text(issue: Issue, *, pro: bool) -> str:
    text = render_to_string("emails/newsletters_issue-body.txt", email_context(issue, pro=pro))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_subject(issue: Issue) -> str:
    return email_subject("newsletters_issue", {"issue": issue})


def list_id(issue: Issue) -> str:
    return f"{issue.newsletter.name} <{issue.newsletter.slug}.newsletters.{settings.SITE_HOST}>"


def prepare_issue(issue: Issue, *, variants: tuple[bool, ...] = (False, True)) -> PreparedIssue:
    prepared = PreparedIssue(
        issue_id=issue.pk,
        subject=render_subject(issue),
        from_email=issue.newsletter.from_email,
        reply_to=issue.newsletter.reply_to,
        list_id=list_id(issue),
    )
    for pro in variants:
        prepared.html[pro] = Compiled(render_html(issue, pro=pro))
        prepared.text[pro] = Compiled(render_text(issue, pro=pro))
    return prepared


def sample_personal(issue: Issue, *, email: str = "reader@example.com", name: str = "") -> dict[str, str]:
    """Personal fields for previews and tests: links that go nowhere real."""
    return {
        "name": name,
        "email": email,
        "manage_url": settings.SITE_URL + "/newsletters/",
        "unsubscribe_url": settings.SITE_URL + "/newsletters/",
    }
