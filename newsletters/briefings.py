"""The outlet's ten free briefings, present on every install (`ensure_briefings`, run after every migrate),
and the sentence a fresh draft shows its editor about what it found."""

from __future__ import annotations

from django.utils import timezone

from newsletters.models import Issue, Newsletter
from newsletters.services import issue_previous

# (slug, name, cadence, send time, weekday, every section, auto-draft, description)
BRIEFINGS = [
    (
        "takeaway",
        "The Takeaway & Week in Review",
        "weekly",
        "08:00",
        5,
        True,
        False,
        "The week's most important stories from across the region, with what they mean and what to watch next.",
    ),
    (
        "middle-east-minute",
        "Middle East Minute",
        "daily",
        "06:30",
        None,
        True,
        True,
        "Everything you need to know before your first meeting: the region's top stories, every morning.",
    ),
    (
        "daily-briefing",
        "Daily Briefing",
        "daily",
        "18:00",
        None,
        True,
        True,
        "The day's news from the Middle East, wrapped up every evening with the analysis behind it.",
    ),
    (
        "business-tech",
        "Business & Tech Briefing",
        "weekly",
        "08:00",
        1,
        False,
        False,
        "Deals, markets, energy and technology across the region, every week.",
    ),
    (
        "security",
        "Security Briefing",
        "weekly",
        "08:00",
        2,
        False,
        False,
        "Defence deals, conflicts, militias and arms transfers: the week in regional security.",
    ),
    (
        "gulf",
        "Gulf Briefing",
        "weekly",
        "08:00",
        3,
        False,
        False,
        "Saudi Arabia, the UAE, Qatar, Kuwait, Bahrain and Oman: politics, money and power in the Gulf.",
    ),
    (
        "israel",
        "Israel Briefing",
        "weekly",
        "08:00",
        0,
        False,
        False,
        "Israeli politics, security and society, explained every week.",
    ),
    (
        "palestine",
        "Palestine Briefing",
        "weekly",
        "08:00",
        0,
        False,
        False,
        "The West Bank, Gaza and Palestinian politics, every week.",
    ),
    (
        "turkey",
        "Turkey Briefing",
        "weekly",
        "08:00",
        4,
        False,
        False,
        "Turkey's politics, economy and foreign policy, every week.",
    ),
    (
        "iraq",
        "Iraq Briefing",
        "weekly",
        "08:00",
        4,
        False,
        False,
        "Iraq's politics, oil, militias and neighbours, every week.",
    ),
]


def briefing_scope(newsletter: Newsletter) -> str:
    """What a briefing follows, in a word or two: “Iraq”, “Security or Iran”; blank for every section."""
    if newsletter.all_sections:
        return ""
    names = [section.title for section in newsletter.sections.all()] + [
        topic.title for topic in newsletter.topics.all()
    ]
    return " or ".join(dict.fromkeys(names))


def draft_findings(issue: Issue) -> str:
    """One sentence on what the draft found: “No Iraq stories since the last issue on 21 Nov.”"""
    newsletter = issue.newsletter
    count = issue.items.count()
    scope = briefing_scope(newsletter)
    stories = f"{scope} {'story' if count == 1 else 'stories'}".strip()
    since = _since_label(issue)
    if count == 0:
        return f"No {stories} {since}."
    found = f"Found {count} {stories} {since}"
    if count >= newsletter.max_items:
        found += f", the most this briefing takes ({newsletter.max_items}); the newest come first"
    return found + "."


def _since_label(issue: Issue) -> str:
    since = issue.drafted_since
    if since is None:
        return "for this issue"
    previous = issue_previous(issue=issue)
    when = timezone.localtime(since)
    if previous is not None and previous.started_at == since:
        return f"since the last issue on {when:%-d %b}"
    days = (timezone.now() - since).days
    if days >= 2:
        return f"in the last {days} days"
    return f"since {when:%-d %b, %H:%M}"
