import json
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from newsroom import maps, seo

register = template.Library()

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: Any) -> SafeString:
    """JSON safe to place inside a <script type="application/ld+json"> element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


@register.filter
def monogram(name: str) -> str:
    """ "Dana Reporter" → "DR": the initials of the first and last names, for an author without a photo."""
    words = [word for word in str(name).split() if word[:1].isalpha()]
    if not words:
        return ""
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


@register.simple_tag(takes_context=True)
def article_jsonld(context: Any, article: Any) -> SafeString:
    return jsonld(seo.article_jsonld(article, context.get("request")))


@register.simple_tag
def share_image(article: Any) -> str:
    return seo.share_image_url(article)


@register.inclusion_tag("components/access_badge.html")
def access_badge(article: Any) -> dict[str, Any]:
    return {"access": article.access}


@register.simple_tag
def locator_map(article: Any) -> maps.LocatorMap | None:
    """The story's locator map (countries and places), or None."""
    return maps.article_map(article)
