"""Nothing premium leaves the server for a client that is not entitled to it.

Premium bodies carry unique sentinel sentences. Every non-entitled client
visits every public URL and must find none of them; a PRO member finds them on
the article page (so the test can fail).

New public outputs join this test by adding a provider to URL_PROVIDERS: a
function taking the `World` and returning the URLs to visit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.rich_text import RichText

from core.access import Access
from monitor.models import BriefingFolder
from monitor.registry import registry_seed
from monitor.services import clip_create, folder_share_toggle
from monitor.tagging import article_tag
from tests.factories import ArticleFactory, paragraphs
from tests.membership.cast import pro_member

pytestmark = pytest.mark.django_db

PRO_SENTINELS = [
    "Zanthrox cobalt ledgers in Belarus confirm the quiet transfer of forty airframes.",
    "Vellmoor analysts in Russia expect the Kestrine corridor to reopen by spring.",
]
REGISTERED_SENTINEL = "Quorvath shipping manifests list nine unmarked containers."
# A live Q&A's join link: only registered PRO members may ever receive it.
JOIN_SENTINEL = "meet.example.com/kestrine-room-4471"
SENTINEL_WORDS = ["Zanthrox", "Vellmoor", "Kestrine", "Quorvath"]


@dataclass
class World:
    site: Any
    pro_article: Any
    registered_article: Any
    free_article: Any
    shared_book: Any
    products: dict[str, Any] = field(default_factory=dict)
    document: Any = None


def _why_it_matters(text: str) -> tuple[str, Any]:
    return ("why_it_matters", {"body": RichText(f"<p>{text}</p>")})


@pytest.fixture
def world(site) -> World:
    now = timezone.now()
    pro: Any = ArticleFactory(
        parent=site.security,
        title="Drone deal deepens",
        slug="drone-deal-deepens",
        dek="What the memorandum means for Moscow.",
        access=Access.PRO,
        topics=[site.iran],
        authors=[site.reporter],
        published_at=now - dt.timedelta(hours=2),
        body=[
            *paragraphs("The public teaser paragraph of the premium memo.", PRO_SENTINELS[0]),
            _why_it_matters(PRO_SENTINELS[1]),
        ],
    )
    registered: Any = ArticleFactory(
        parent=site.gulf,
        title="Port traffic shifts",
        slug="port-traffic-shifts",
        access=Access.REGISTERED,
        topics=[site.iran],
        authors=[site.reporter],
        published_at=now - dt.timedelta(hours=3),
        body=paragraphs("The public teaser about ports.", REGISTERED_SENTINEL),
    )
    free: Any = ArticleFactory(parent=site.gulf, title="Free story", slug="free-story", topics=[site.iran])
    # Entity pages, co-mentions and trends are built from tags, so the premium
    # sentences name entities (Belarus, Russia) that the teaser does not.
    registry_seed()
    for article in (pro, registered, free):
        article_tag(article=article)
    # A PRO member clips a premium passage into a briefing book shared with a
    # team the outside clients are not on.
    owner = pro_member("booker")
    book = BriefingFolder.objects.create(owner=owner, name="Premium clips")
    clip_create(folder=book, article=pro, passage=PRO_SENTINELS[0], note="")
    folder_share_toggle(folder=book)
    return World(
        site=site,
        pro_article=pro,
        registered_article=registered,
        free_article=free,
        shared_book=book,
        products=_pro_products(),
        document=_restricted_document(),
    )


def _restricted_document() -> Any:
    """A file in a collection only signed-in readers may open."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Signed-in readers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model()(title="Manifests", collection=collection)
    document.file.save("manifests.txt", ContentFile(REGISTERED_SENTINEL.encode()), save=True)
    return document


def _pro_products() -> dict[str, Any]:
    """A memo, a trend report and events whose premium parts carry the sentinels."""
    from tests.events.builders import make_gathering, make_qa
    from tests.pro.builders import make_memo, make_report

    return {
        "memo": make_memo(secret=PRO_SENTINELS[0]),
        "report": make_report(secret=PRO_SENTINELS[1]),
        "qa": make_qa(join_url=f"https://{JOIN_SENTINEL}"),
        "past_qa": make_qa(
            slug="past-qa",
            starts_in=-dt.timedelta(days=3),
            join_url=f"https://{JOIN_SENTINEL}",
            recording_url="https://video.example.com/rec",
            summary=f"<p>{PRO_SENTINELS[0]}</p>",
        ),
        "gathering": make_gathering(),
    }


def _listing_urls(world: World) -> list[str]:
    pages = [world.site.home, world.site.security, world.site.gulf, world.site.iran, world.site.reporter]
    urls = ["/", world.site.topics.url, world.site.authors.url]
    for page in pages:
        urls += [page.url, f"{page.url}feed/", f"{page.url}feed/atom/", f"{page.url}?page=1"]
    return urls


def _article_urls(world: World) -> list[str]:
    return [world.pro_article.url, world.registered_article.url, world.free_article.url]


def _search_urls(world: World) -> list[str]:
    queries = [*SENTINEL_WORDS, "teaser", "drone", '"cobalt ledgers"']
    return [f"/search/?q={q}" for q in queries] + ["/search/?q=Zanthrox&sort=newest", "/search/?section=security"]


def _machine_urls(world: World) -> list[str]:
    return ["/sitemap.xml", "/sitemap-1.xml", "/news-sitemap.xml", "/robots.txt", "/feed/", "/feed/atom/"]


def _error_urls(world: World) -> list[str]:
    return ["/no-such-page/", f"{world.pro_article.url}nope/", "/search/?q=Zanthrox&page=999"]


def _membership_urls(world: World) -> list[str]:
    return ["/pro/", "/pro/teams/", "/pro/teams/talk/", "/accounts/login/", "/accounts/signup/", "/accounts/link/"]


def _monitor_urls(world: World) -> list[str]:
    trends = "/monitor/trends/?entities=Iran%2C+Belarus%2C+Russia"
    urls = ["/monitor/", "/monitor/?q=Bela", trends, f"{trends}&format=csv", "/monitor/entities.json?q=Bela"]
    for slug in ("iran", "belarus", "russia"):
        urls += [f"/monitor/{slug}/", f"/monitor/{slug}/?page=1", f"/monitor/{slug}/mentions.csv"]
    urls += ["/monitor/iran/with/belarus/", "/monitor/belarus/with/russia/", f"/monitor/clip/{world.pro_article.pk}/"]
    shared = f"/monitor/shared/{world.shared_book.share_token}/"
    urls += [shared, *(f"{shared}export/{fmt}/" for fmt in ("docx", "pptx", "pdf"))]
    return urls


def _pro_product_urls(world: World) -> list[str]:
    memo, report = world.products["memo"], world.products["report"]
    urls = ["/pro/memos/", "/pro/reports/", "/pro/memos/?page=2", "/pro/events/", "/pro/events/?tz=Asia/Dubai"]
    urls += [memo.url, f"{memo.url}pdf/", f"{memo.url}nope/", report.url, f"{report.url}pdf/"]
    for key in ("qa", "past_qa", "gathering"):
        base = world.products[key].get_absolute_url()
        urls += [base, f"{base}event.ics", f"{base}join/", f"{base}attendees.csv", f"{base}?tz=Nowhere/Land"]
    return [*urls, "/pro/events/no-such-event/"]


def _file_urls(world: World) -> list[str]:
    name = world.document.file.name
    return [world.document.url, f"/media/{name}", f"/media/images/../{name}", f"/media/%2E%2E/media/{name}"]


def _api_urls(world: World) -> list[str]:
    memo, report = world.products["memo"], world.products["report"]
    urls = ["/api/v1/articles/", "/api/v1/articles/?limit=1", "/api/v1/openapi.json"]
    urls += [f"/api/v1/articles/?q={q}" for q in [*SENTINEL_WORDS, "teaser", '"cobalt ledgers"']]
    urls += [f"/api/v1/articles/?entity={slug}" for slug in ("iran", "belarus", "russia")]
    urls += [f"/api/v1/articles/{a.pk}/" for a in (world.pro_article, world.registered_article, world.free_article)]
    urls += ["/api/v1/memos/", f"/api/v1/memos/{memo.slug}/", "/api/v1/reports/", f"/api/v1/reports/{report.slug}/"]
    urls += ["/api/v1/entities/", "/api/v1/entities/?kind=country", "/api/v1/events/", "/api/v1/newsletters/"]
    return [*urls, "/api/v1/sections/", "/api/v1/topics/", "/api/v1/authors/", "/api/v1/articles/?cursor=bad"]


URL_PROVIDERS: list[Callable[[World], list[str]]] = [
    _api_urls,
    _file_urls,
    _listing_urls,
    _article_urls,
    _search_urls,
    _machine_urls,
    _error_urls,
    _membership_urls,
    _monitor_urls,
    _pro_product_urls,
]


def all_urls(world: World) -> list[str]:
    return list(dict.fromkeys(url for provider in URL_PROVIDERS for url in provider(world)))


def _client(name: str) -> Client:
    if name == "googlebot":
        return Client(
            HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            REMOTE_ADDR="66.249.66.1",
        )
    if name == "google_referrer":
        return Client(HTTP_REFERER="https://www.google.com/")
    if name == "spoofed_forwarded_for":
        return Client(HTTP_X_FORWARDED_FOR="66.249.66.1, 127.0.0.1", HTTP_X_REAL_IP="66.249.66.1")
    return Client()


def _visit_all(client: Client, world: World, **headers: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for url in all_urls(world):
        response: Any = client.get(url, **headers)
        assert response.status_code < 500, url
        # Unfold iCalendar's 75-octet lines so a folded sentinel is still found.
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = raw.decode("utf-8", "replace").replace("\r\n ", "")
        if response.status_code in (301, 302):
            continue
        hits = [s for s in [*PRO_SENTINELS, REGISTERED_SENTINEL, JOIN_SENTINEL] if s in body]
        if hits:
            found[url] = hits
    return found


@pytest.mark.parametrize("name", ["anonymous", "googlebot", "google_referrer", "spoofed_forwarded_for"])
def test_no_sentinel_reaches_an_outside_client(world, name):
    assert _visit_all(_client(name), world) == {}


def test_no_premium_sentinel_reaches_a_free_member(world, dora):
    client = Client()
    client.force_login(dora)
    found = _visit_all(client, world)
    premium_hits = {url: hits for url, hits in found.items() if set(hits) & {*PRO_SENTINELS, JOIN_SENTINEL}}
    assert premium_hits == {}
    # A free account is what registered-only stories ask for.
    assert REGISTERED_SENTINEL in client.get(world.registered_article.url).content.decode()


def test_no_premium_sentinel_reaches_a_lapsed_member(world, lapsed):
    client = Client(HTTP_USER_AGENT="Googlebot/2.1", HTTP_X_FORWARDED_FOR="66.249.66.1")
    client.force_login(lapsed)
    found = _visit_all(client, world)
    assert {url: hits for url, hits in found.items() if set(hits) & {*PRO_SENTINELS, JOIN_SENTINEL}} == {}


def test_a_pro_member_reads_every_sentinel_on_the_article_page(world, alice):
    client = Client()
    client.force_login(alice)
    body = client.get(world.pro_article.url).content.decode()
    for sentinel in PRO_SENTINELS:
        assert sentinel in body
    assert REGISTERED_SENTINEL in client.get(world.registered_article.url).content.decode()


def test_the_leak_test_visits_every_kind_of_public_url(world):
    urls = all_urls(world)
    for expected in ("/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/feed/atom/", "/no-such-page/"):
        assert expected in urls
    assert any(url.startswith("/search/?q=Zanthrox") for url in urls)
    assert world.pro_article.url in urls
    for product in world.products.values():
        url = product.url if hasattr(product, "url") else product.get_absolute_url()
        assert url in urls
    assert f"{world.products['memo'].url}pdf/" in urls
    assert f"{world.products['qa'].get_absolute_url()}event.ics" in urls


def test_shared_briefing_book_exports_stay_closed_to_outside_clients(world, dora):
    shared = f"/monitor/shared/{world.shared_book.share_token}/"
    member = Client()
    member.force_login(dora)
    for client in (_client("anonymous"), _client("googlebot"), member):
        for fmt in ("docx", "pptx", "pdf"):
            assert client.get(f"{shared}export/{fmt}/").status_code == 403


@pytest.mark.pdf
def test_a_registered_pro_member_receives_the_pro_products(world, alice):
    from events.services import registration_create

    registration_create(event=world.products["qa"], user=alice)
    client = Client()
    client.force_login(alice)
    assert PRO_SENTINELS[0] in client.get(world.products["memo"].url).content.decode()
    assert PRO_SENTINELS[1] in client.get(world.products["report"].url).content.decode()
    assert client.get(f"{world.products['memo'].url}pdf/").status_code == 200
    qa_url = world.products["qa"].get_absolute_url()
    assert JOIN_SENTINEL in client.get(qa_url).content.decode()
    # The calendar entry carries the site's join page, which checks access on each visit, never the room.
    ics = client.get(f"{qa_url}event.ics").content.decode().replace("\r\n ", "")
    assert f"{qa_url}join/" in ics and JOIN_SENTINEL not in ics
    assert PRO_SENTINELS[0] in client.get(world.products["past_qa"].get_absolute_url()).content.decode()


@pytest.mark.parametrize("name", ["anonymous", "googlebot", "free_member"])
def test_search_finds_no_story_by_words_an_outsider_may_not_read(world, dora, name):
    client = _client(name)
    if name == "free_member":
        client.force_login(dora)
    for word in ("Zanthrox", "Vellmoor", "Kestrine", '"cobalt ledgers"'):
        body = client.get("/search/", {"q": word}).content.decode()
        assert world.pro_article.url not in body, word
    if name != "free_member":
        assert world.registered_article.url not in client.get("/search/", {"q": "Quorvath"}).content.decode()


def test_a_pro_member_finds_premium_stories_by_their_paid_words(world, alice):
    client = Client()
    client.force_login(alice)
    assert world.pro_article.url in client.get("/search/", {"q": "Zanthrox"}).content.decode()


@pytest.mark.parametrize("owner", ["free_member", "lapsed_member"])
def test_no_premium_sentinel_reaches_an_api_key_without_pro(world, dora, lapsed, owner):
    from api.keys import api_key_create

    _, raw = api_key_create(owner=dora if owner == "free_member" else lapsed, name="Leak check")
    found = _visit_all(Client(), world, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert {url: hits for url, hits in found.items() if set(hits) & {*PRO_SENTINELS, JOIN_SENTINEL}} == {}


def test_a_pro_members_api_key_reads_the_sentinels(world, alice):
    from api.keys import api_key_create

    _, raw = api_key_create(owner=alice, name="Leak check")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    body = Client().get(f"/api/v1/articles/{world.pro_article.pk}/", **headers).content.decode()
    for sentinel in PRO_SENTINELS:
        assert sentinel in body
    assert PRO_SENTINELS[0] in Client().get(f"/api/v1/memos/{world.products['memo'].slug}/", **headers).content.decode()
