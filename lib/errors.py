"""The site's error pages: 400, 403 (and a refused form), 404 and 500.

Django's own handlers render 400 and 500 without the request, so the masthead
would lose the outlet's name, the sections and the sign-in link; these render
with it. The 500 page is the exception: it runs when something is already
broken (often the database), so it reads nothing but settings and falls back
to plain HTML if even its template fails.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme

from lib.params import BadParam

logger = logging.getLogger(__name__)

# Shown when even the 500 template cannot be rendered.
BARE_500 = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Something went wrong — {name}</title></head>
<body style="font-family: Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;">
<p><a href="/" style="font-weight: bold; font-size: 1.5rem; color: #111;">{name}</a></p>
<h1>Something went wrong on our side</h1>
<p>The fault is ours and has been recorded. Please reload the page in a minute, or
<a href="/">go to the home page</a>.</p></body></html>"""


def _render(request: HttpRequest, template: str, context: dict[str, Any], status: int) -> HttpResponse:
    response = TemplateResponse(request, template, context, status=status)
    response.render()
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400: names the parameter that could not be read, when it is one of ours."""
    message = exception.message if isinstance(exception, BadParam) else ""
    return _render(request, "400.html", {"message": message}, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "403.html", {"csrf_failure": False}, 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check: most often an old tab or a lost cookie,
    so the page says how to send it again. The reason stays in the log."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()})
    return _render(request, "403.html", {"csrf_failure": True, "form_url": referer if same_site else ""}, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "404.html", {}, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500: no database, no context processors, no request context."""
    name = getattr(settings, "WAGTAIL_SITE_NAME", "") or "Newsdesk"
    # base.html reads the outlet's name from Wagtail's settings (a query); this
    # stands in for it with the configured name.
    context = {"settings": {"core": {"OutletSettings": {"name": name, "tagline": ""}}}}
    try:
        body = loader.get_template("500.html").render(context)
    except Exception:  # the page of last resort must not fail itself
        logger.exception("The 500 page could not be rendered")
        body = BARE_500.format(name=escape(name))
    return HttpResponseServerError(body)
