"""Keeps the reader-facing publication date filled in."""

from typing import Any

from wagtail.signals import page_published

from newsroom.models import ArticlePage


def fill_publication_date(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    # An editor may set the date by hand (e.g. for a back-dated import); when
    # they leave it blank, the story carries the moment it first went live.
    if instance.published_at is None:
        when = instance.first_published_at or instance.last_published_at
        ArticlePage.objects.filter(pk=instance.pk, published_at__isnull=True).update(published_at=when)
        instance.published_at = when


page_published.connect(fill_publication_date, sender=ArticlePage)
