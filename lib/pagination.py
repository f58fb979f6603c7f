"""One page of a long list, for every listing on the site."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from lib.params import int_param

PARAM = "page"


def paginate(request: HttpRequest, items: Any, per_page: int) -> Page:
    """The page `?page=` asks for.

    An unreadable number ("abc", "²") is a 400 (see `lib.params`); a readable
    one outside the list shows the nearest page that exists, so an old link to
    page 9 of a list that shrank still lands on its last page. The page carries
    `query_prefix`, the rest of the query string, for the pagination links.
    """
    paginator = Paginator(items, per_page)
    number = int_param(request, PARAM, 1, min=1, max=paginator.num_pages)
    page = paginator.page(number)
    others = request.GET.copy()
    others.pop(PARAM, None)
    page.query_prefix = others.urlencode()  # type: ignore[attr-defined]
    return page
