"""`{% personal "template.html" name=value %}`: a part of a page that belongs to one reader.

It is rendered from the request and its arguments alone (plus the context
processors in PAGE_CACHE_FRAGMENT_CONTEXT), never from the page's context, so
the member page cache can store the page without it and render it afresh for
every request. Arguments must be plain values (text, numbers): they are
stored, signed, in the cached page.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from lib.page_cache import fragment_marked

register = template.Library()


@register.simple_tag(takes_context=True)
def personal(context: template.Context, name: str, **arguments: Any) -> SafeString:
    return mark_safe(fragment_marked(context.get("request"), name, arguments))
