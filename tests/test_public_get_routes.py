"""No query string a visitor can type makes any public page fail (Hypothesis).

Every GET route is found from the URL resolver (plus the Wagtail page tree of a
built site), given real slugs and tokens, and requested with generated query
parameters: the route's own parameters with hostile values (huge and negative
numbers, Unicode digits, far dates, NUL, 5 KB strings, repeated values), as an
anonymous visitor and as a PRO member. A response may refuse (4xx) but never
fail (5xx).

A route the resolver lists but `PATH_KWARGS` does not know is still requested,
with placeholder path values; give it real ones there so its page is reached.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.access import Access
from events.models import Registration, Status
from monitor.models import Alert, BriefingFolder
from monitor.registry import registry_seed
from monitor.services import clip_create, folder_share_toggle
from monitor.tagging import article_tag
from newsletters.models import Issue, Newsletter, Subscriber, Subscription
from newsletters.setup import ensure_briefings
from tests.factories import ArticleFactory, paragraphs

pytestmark = pytest.mark.django_db

NOT_PUBLIC = ("admin/", "django-admin/")

# The query parameters each route reads (from its view, form or template);
# every route also gets the common ones, since any link may carry them.
COMMON_PARAMS = ["page", "q", "next"]
ROUTE_PARAMS: dict[str, list[str]] = {
    "search": ["q", "section", "after", "before", "sort", "page"],
    "sitemap": ["p"],
    "monitor:index": ["q"],
    "monitor:entity": ["page"],
    "monitor:co_mention": ["page"],
    "monitor:entity_csv": ["data"],
    "monitor:trends": ["entities", "start", "end", "format"],
    "events:list": ["tz"],
    "events:detail": ["tz"],
    "newsletters:welcome": ["tz"],
    "pro:memo_list": ["page"],
    "pro:report_list": ["page"],
    "membership:signin_link_request": ["next"],
    "membership:welcome": ["session_id"],
    "membership:team_lead": ["seats"],
    "account_login": ["next"],
    "account_signup": ["next"],
    "wagtail_page": ["page"],
}
# Real values from the sample world a route's hostile values mix with, so the
# page gets past its first check (a real entity list, a real zone, a real section).
GOOD_VALUES = ["1", "2", "Iran, Belarus", "Asia/Dubai", "csv", "articles", "relevance", "gulf", "2024-01-31", "/pro/"]

UNICODE_DIGITS = ["²", "³", "١", "٢٣", "１", "𝟚", "Ⅻ", "½", "٣٤٥"]
FAR_DATES = ["0001-01-01", "9999-12-31", "9999-12-25", "1899-12-31", "2200-01-01", "10000-01-01", "-0001-01-01"]
MALFORMED = ["2024-02-30", "2024-13-01", "2024-1-1", "1e3", "0x10", "NaN", "-", "+", " ", "%FF", "\ufeff1"]
NUL = ["\x00", "1\x00", "Iran\x00", "\x00" * 10]
HUGE = ["x" * 5000, "9" * 5000, "1" + "0" * 40, "-" + "9" * 30]


def _hostile_values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(UNICODE_DIGITS + FAR_DATES + MALFORMED + NUL + HUGE + GOOD_VALUES),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates().map(dt.date.isoformat),
        st.text(max_size=30),
    )


def _query(names: list[str]) -> st.SearchStrategy[dict[str, str | list[str]]]:
    one_or_repeated = st.one_of(_hostile_values(), st.lists(_hostile_values(), min_size=2, max_size=4))
    return st.dictionaries(st.sampled_from(names), one_or_repeated, min_size=1, max_size=len(names))


# Routes --------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # the URL name, or "wagtail_page"
    url: str

    @property
    def group(self) -> str:
        return self.url.strip("/").split("/")[0] or "home"

    @property
    def params(self) -> list[str]:
        return list(dict.fromkeys([*ROUTE_PARAMS.get(self.name, []), *COMMON_PARAMS]))


@dataclass
class World:
    pages: list[Any]
    kwargs: dict[str, dict[str, Any]] = field(default_factory=dict)


def _patterns(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, Any]]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
            yield from _patterns(pattern.url_patterns, route, inner or namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield route, name, pattern


def _placeholder_url(route: str) -> str:
    """A concrete path for a route nobody gave real values: 404s, but the view runs."""
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"<uuid:\w+>", str(uuid.UUID(int=0)), route)
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<\w+:\w+>|<\w+>", "x", route)
    route = re.sub(r"\(\?P<uidb36>[^)]*\)-\(\?P<key>[^)]*\)", "1-x", route)
    route = re.sub(r"\([^)]*\)", "x", route)
    return "/" + route


def all_routes(world: World) -> list[Route]:
    routes = []
    for route, name, _ in _patterns(get_resolver().url_patterns):
        if route.startswith(NOT_PUBLIC) or name == "wagtail_serve":
            continue  # the editor's admin; pages come from the page tree below
        if name in world.kwargs:
            url = reverse(name, kwargs=world.kwargs[name])
        else:
            url = _placeholder_url(route)
        routes.append(Route(name, url))
    for page in world.pages:
        routes.append(Route("wagtail_page", page.url))
        if hasattr(page, "rss_feed"):
            routes += [Route("wagtail_page", f"{page.url}feed/"), Route("wagtail_page", f"{page.url}feed/atom/")]
        if hasattr(page, "pdf"):
            routes.append(Route("wagtail_page", f"{page.url}pdf/"))
    return list(dict.fromkeys(routes))


# The world ----------------------------------------------------------------


@pytest.fixture
def world(site, alice) -> World:
    from tests.events.builders import make_gathering, make_qa
    from tests.pro.builders import make_memo, make_report

    pro: Any = ArticleFactory(
        parent=site.security,
        title="Iran and Belarus sign a drone pact",
        access=Access.PRO,
        topics=[site.iran],
        authors=[site.reporter],
        body=paragraphs("Iran and Belarus met.", "Russia watched."),
    )
    for n in range(21):  # more than one page on the section, topic and author pages
        ArticleFactory(parent=site.gulf, title=f"Gulf story {n}", topics=[site.iran], authors=[site.reporter])
    registry_seed()
    article_tag(article=pro)
    memo, report = make_memo(), make_report()
    qa, gathering = make_qa(), make_gathering()
    registration = Registration.objects.create(event=qa, user=alice, status=Status.CONFIRMED)
    alert = Alert.objects.create(user=alice, name="Drones", words="drone")
    book = BriefingFolder.objects.create(owner=alice, name="Drones")
    clip = clip_create(folder=book, article=pro, passage="Iran and Belarus met.", note="")
    folder_share_toggle(folder=book)
    ensure_briefings()
    newsletter = Newsletter.objects.filter(is_active=True, pro_only=False).first()
    assert newsletter is not None
    Issue.objects.create(
        newsletter=newsletter, number=1, subject="First", status=Issue.Status.SENT, started_at=timezone.now()
    )
    subscriber = Subscriber.objects.create(email="reader@example.org")
    subscription = Subscription.objects.create(
        subscriber=subscriber, newsletter=newsletter, status=Subscription.Status.ACTIVE
    )
    kwargs: dict[str, dict[str, Any]] = {
        "monitor:entity": {"slug": "iran"},
        "monitor:entity_csv": {"slug": "iran"},
        "monitor:co_mention": {"slug": "iran", "other": "belarus"},
        "monitor:alert_edit": {"token": alert.token},
        "monitor:alert_leave": {"token": alert.token},
        "monitor:alert_delete": {"token": alert.token},
        "monitor:folder": {"token": book.token},
        "monitor:folder_delete": {"token": book.token},
        "monitor:folder_share": {"token": book.token},
        "monitor:folder_export": {"token": book.token, "fmt": "docx"},
        "monitor:clip_delete": {"token": book.token, "clip_id": clip.pk},
        "monitor:shared_folder": {"share_token": book.share_token},
        "monitor:shared_export": {"share_token": book.share_token, "fmt": "pdf"},
        "monitor:clip": {"article_id": pro.pk},
        "newsletters:manage": {"token": subscriber.token},
        "newsletters:welcome": {"token": subscriber.token},
        "newsletters:unsubscribe": {"token": subscription.token},
        "newsletters:detail": {"slug": newsletter.slug},
        "newsletters:sample": {"slug": newsletter.slug},
        "newsletters:issue": {"slug": newsletter.slug, "number": 1},
        "newsletters:feed": {"slug": newsletter.slug},
        "events:detail": {"slug": qa.slug},
        "events:register": {"slug": qa.slug},
        "events:join": {"slug": qa.slug},
        "events:ics": {"slug": gathering.slug},
        "events:attendees_csv": {"slug": qa.slug},
        "events:cancel_registration": {"uid": registration.uid},
        "events:update_question": {"uid": registration.uid},
    }
    home = site.home
    pages = [home, site.security, site.gulf, site.topics, site.iran, site.authors, site.reporter, pro, memo, report]
    pages += [page.specific for page in home.get_descendants().live()]
    return World(pages=list(dict.fromkeys(pages)), kwargs=kwargs)


# The property --------------------------------------------------------------


def _clients(alice: Any) -> list[tuple[str, Client]]:
    member = Client(raise_request_exception=False)
    member.force_login(alice)
    return [("anonymous", Client(raise_request_exception=False)), ("PRO member", member)]


def _check(clients: list[tuple[str, Client]], route: Route, query: dict[str, Any]) -> None:
    for who, client in clients:
        response = client.get(route.url, query)
        # /readyz answers 503 (naming the part) while no worker or scheduler has checked in.
        not_ready = route.url == "/readyz" and response.status_code == 503 and "failing" in response.json()["status"]
        message = f"{response.status_code} for {who} at {route.url} with {query!r}"
        assert response.status_code < 500 or not_ready, message


GROUPS = ["home", "gulf", "security", "topics", "authors", "search", "monitor", "pro", "newsletters", "account"]
OTHER = "other"
# One of each kind, for every route whatever the exploration happens to draw.
WORST = ["²", "9999-12-31", "\x00" + "x" * 5000]


def _group_of(route: Route) -> str:
    if route.group in GROUPS:
        return route.group
    if route.group in ("accounts", "team"):
        return "account"
    return OTHER


def _explore(clients: list[tuple[str, Client]], routes: list[Route]) -> None:
    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=st.data())
    def explore(data: st.DataObject) -> None:
        route = data.draw(st.sampled_from(routes), label="route")
        query = data.draw(_query(route.params), label="query")
        _check(clients, route, query)

    explore()


@pytest.mark.pdf
def test_no_query_string_makes_a_public_route_fail(world, alice):
    routes = all_routes(world)
    names = {route.name for route in routes}
    # The routes known to have failed, so a broken resolver walk cannot pass vacuously.
    assert {"search", "monitor:entity", "monitor:trends", "pro:memo_list", "events:list", "sitemap"} <= names
    assert {"/gulf/", "/topics/iran/", "/authors/dana-reporter/"} <= {route.url for route in routes}
    clients = _clients(alice)
    for group in [*GROUPS, OTHER]:
        in_group = [route for route in routes if _group_of(route) == group]
        assert in_group, f"no routes in {group}"
        for route in in_group:
            for value in WORST:
                _check(clients, route, dict.fromkeys(route.params, value))
        _explore(clients, in_group)
