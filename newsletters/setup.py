"""Things every install needs: editor permissions and the ten briefings."""

from typing import Any

from newsletters.briefings import BRIEFINGS
from newsletters.models import Newsletter
from newsroom.models import SectionPage, TopicPage
from newsroom.roles import grant_to_editors

EDITOR_PERMISSIONS = [
    "add_issue",
    "change_issue",
    "delete_issue",
    "view_issue",
    "change_newsletter",
    "view_newsletter",
    "view_subscriber",
    "view_suppression",
    "add_suppression",
]


def ensure_newsletters(**kwargs: Any) -> None:
    """After every migrate (and test flush): the ten briefings exist and editors may run them."""
    ensure_briefings()
    grant_to_editors(app_label="newsletters", codenames=EDITOR_PERMISSIONS)


# Which sections and topics feed each briefing (by slug); daily round-ups take everything.
FEEDS: dict[str, tuple[list[str], list[str]]] = {
    "security": (["security"], ["drones", "russia-ukraine-war"]),
    "business-tech": (["business-tech"], ["energy", "shipping"]),
    "gulf": (["gulf"], ["saudi-arabia", "uae", "qatar", "kuwait", "bahrain", "oman"]),
    "israel": (["israel"], ["israel"]),
    "palestine": (["palestine"], ["palestine"]),
    "turkey": (["turkey"], ["turkey"]),
    "iraq": (["iraq"], ["iraq"]),
}


def connect_feeds() -> int:
    """Point each briefing at its sections and topics, where an editor has not already."""
    connected = 0
    for newsletter in Newsletter.objects.filter(slug__in=FEEDS, all_sections=False):
        if newsletter.sections.exists() or newsletter.topics.exists():
            continue
        section_slugs, topic_slugs = FEEDS[newsletter.slug]
        newsletter.sections.set(SectionPage.objects.filter(slug__in=section_slugs))
        newsletter.topics.set(TopicPage.objects.filter(slug__in=topic_slugs))
        connected += 1
    return connected


def ensure_briefings() -> int:
    """Create any of the ten briefings that is missing (never changes an existing one); returns how many."""
    created = 0
    for order, (slug, name, cadence, send_time, weekday, everything, auto, description) in enumerate(BRIEFINGS):
        _, new = Newsletter.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "cadence": cadence,
                "send_time": send_time,
                "send_weekday": weekday,
                "all_sections": everything,
                "auto_draft": auto,
                "description": description,
                "sort_order": order,
            },
        )
        created += new
    return created
