from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from newsroom.models import SectionPage, footer_pages


def site(request: HttpRequest) -> dict[str, Any]:
    # Querysets: evaluated only by the templates that render them.
    return {
        "SITE_URL": settings.SITE_URL,
        "nav_sections": SectionPage.objects.live().in_menu().order_by("path"),
        "footer_pages": SimpleLazyObject(footer_pages),  # cached per generation
    }
