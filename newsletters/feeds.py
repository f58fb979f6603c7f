"""Per-newsletter RSS of sent issues (free newsletters only; public cut of every item)."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Rss201rev2Feed

from newsletters.models import Issue, Newsletter
from newsletters.rendering import issue_items


class IssuesFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, slug: str) -> Newsletter:  # type: ignore[override]
        newsletter = Newsletter.objects.filter(slug=slug, is_active=True, pro_only=False).first()
        if newsletter is None:
            raise Http404("No such newsletter")
        return newsletter

    def title(self, obj: Newsletter) -> str:
        return obj.name

    def link(self, obj: Newsletter) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Newsletter) -> str:
        return obj.description

    def items(self, obj: Newsletter) -> Any:
        return obj.issues.filter(status=Issue.Status.SENT).order_by("-number")[:20]

    def item_title(self, item: Issue) -> str:
        return item.subject

    def item_description(self, item: Issue) -> str:
        lines = [item.intro] if item.intro else []
        lines += [f"{i.title}{' (PRO)' if i.is_pro else ''}: {i.dek}" for i in issue_items(item, pro=False)]
        return "\n".join(lines)

    def item_pubdate(self, item: Issue) -> Any:
        return item.started_at

    def item_guid(self, item: Issue) -> str:
        return f"urn:uuid:{item.uuid}"

    item_guid_is_permalink = False
