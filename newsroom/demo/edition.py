"""The demo edition as pages: sections, topics, authors, articles, settings and a staff sign-in.

Safe to run again: everything is keyed by slug (pages), title (images) or
username, and a page gets a new revision only when its content differs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.search import index as search_index

from core.access import Access
from core.models import OutletSettings
from lib.demo import demo_password
from newsroom import roles
from newsroom.demo import articles as demo
from newsroom.demo.info_pages import INFO_PAGES
from newsroom.models import (
    ArticlePage,
    ArticleReads,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    InfoPage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)

P = TypeVar("P", bound=Page)
SignIn = tuple[str, str]

EDITOR_USERNAME = "editor"


# Body -----------------------------------------------------------------------


def _paragraphs(text: str) -> RichText:
    return RichText("".join(f"<p>{escape(p)}</p>" for p in demo.paragraphs(text)))


def _bullets(text: str) -> RichText:
    return RichText("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in demo.paragraphs(text)) + "</ul>")


def body_blocks(items: tuple[demo.BodyItem, ...]) -> list[tuple[str, Any]]:
    """Turn the plain data in demo.articles into StreamField (type, value) pairs."""
    blocks: list[tuple[str, Any]] = []
    for item in items:
        if isinstance(item, str):
            blocks += [("paragraph", RichText(f"<p>{escape(p)}</p>")) for p in demo.paragraphs(item)]
            continue
        kind, text = item
        if kind == "why_it_matters":
            blocks.append((kind, {"body": _paragraphs(text)}))
        elif kind == "know_more":
            blocks.append((kind, {"body": _bullets(text)}))
        elif kind == "heading":
            blocks.append((kind, text))
        elif kind == "teaser_end":
            blocks.append((kind, None))
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return blocks


def _stream_fingerprint(stream: Any) -> list[tuple[str, Any]]:
    # Block ids are random per save, so compare only types and stored values.
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream]


# Pages ----------------------------------------------------------------------


def _differs(page: Page, fields: dict[str, Any], m2m: dict[str, list[Page]]) -> bool:
    for name, value in fields.items():
        if name == "body" and not isinstance(value, str):  # a StreamField; rich text compares as text
            before = _stream_fingerprint(page.body)  # type: ignore[attr-defined]
            page.body = value  # type: ignore[attr-defined]
            if before != _stream_fingerprint(page.body):  # type: ignore[attr-defined]
                return True
        elif getattr(page, name) != value:
            return True
    return any({p.pk for p in getattr(page, name).all()} != {p.pk for p in pages} for name, pages in m2m.items())


def page_sync(
    *, parent: Page, model: type[P], slug: str, fields: dict[str, Any], m2m: dict[str, list[Page]] | None = None
) -> tuple[P, bool]:
    """Create or update the child page with this slug; publish a revision only on change.

    Returns the page and whether anything was written.
    """
    m2m = m2m or {}
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, live=False, **fields)
        for name, pages in m2m.items():
            getattr(page, name).set(pages)
        parent.add_child(instance=page)
    elif page.live and not _differs(page, fields, m2m):
        return page, False
    for name, value in fields.items():
        setattr(page, name, value)
    for name, pages in m2m.items():
        getattr(page, name).set(pages)
    page.save_revision().publish()
    _index_after_commit(page)
    return page, True


def _index_after_commit(page: Page) -> None:
    # Wagtail queues search indexing as a background task; index directly too,
    # so the demo is searchable even before a task worker has run.
    transaction.on_commit(lambda: search_index.insert_or_update_object(page))


def home_sync(home: HomePage, lead: ArticlePage) -> None:
    if home.strapline == demo.HOME_STRAPLINE and home.lead_story_id == lead.pk and home.live:
        return
    home.strapline = demo.HOME_STRAPLINE
    home.lead_story = lead
    home.save_revision().publish()


def sections_sync(home: HomePage) -> dict[str, SectionPage]:
    sections = {}
    for section in demo.SECTIONS:
        sections[section.slug], _ = page_sync(
            parent=home,
            model=SectionPage,
            slug=section.slug,
            fields={"title": section.title, "description": section.description, "show_in_menus": True},
        )
    return sections


def topics_sync(home: HomePage) -> dict[str, TopicPage]:
    index, _ = page_sync(
        parent=home,
        model=TopicIndexPage,
        slug="topics",
        fields={"title": "Topics", "intro": "Every country and theme Newsdesk follows."},
    )
    topics = {}
    for topic in demo.TOPICS:
        topics[topic.slug], _ = page_sync(
            parent=index,
            model=TopicPage,
            slug=topic.slug,
            fields={"title": topic.title, "kind": topic.kind, "description": topic.description},
        )
    return topics


def authors_sync(home: HomePage) -> dict[str, AuthorPage]:
    index, _ = page_sync(parent=home, model=AuthorIndexPage, slug="authors", fields={"title": "Authors"})
    authors = {}
    for author in demo.AUTHORS:
        authors[author.slug], _ = page_sync(
            parent=index,
            model=AuthorPage,
            slug=author.slug,
            fields={
                "title": author.name,
                "role": author.role,
                "bio": f"<p>{escape(author.bio)}</p>",
                "photo_id": None,
                "social_handle": author.social_handle,
            },
        )
    return authors


def info_pages_sync(home: HomePage) -> None:
    for info in INFO_PAGES:
        page_sync(
            parent=home,
            model=InfoPage,
            slug=info.slug,
            fields={"title": info.title, "intro": info.intro, "body": info.body},
        )


def placeholder_images_remove() -> None:
    """Earlier demos drew gradient stand-ins for photos and portraits; the demo has no fake art now."""
    Image.objects.filter(title__startswith="Demo illustration: ").delete()
    Image.objects.filter(title__startswith="Demo portrait: ").delete()


# Stories readers opened most in the demo's last day, with their read counts.
DEMO_READS = {
    demo.LEAD_SLUG: 420,
    "hamas-attack-southern-israel-war-declared": 310,
    "houthis-seize-cargo-ship-red-sea": 260,
    "shipping-giants-divert-from-red-sea": 190,
    "what-a-saudi-israeli-deal-would-take": 150,
}


def demo_reads_sync(pages: dict[str, ArticlePage]) -> None:
    """Give "Most read" something to show when the demo has had no readers in a day."""
    since = timezone.now() - dt.timedelta(hours=24)
    if ArticleReads.objects.filter(hour__gte=since).exists():
        return
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    for slug, count in DEMO_READS.items():
        ArticleReads.objects.update_or_create(article=pages[slug], hour=hour, defaults={"count": count})


def article_sync(
    article: demo.Article,
    *,
    sections: dict[str, SectionPage],
    topics: dict[str, TopicPage],
    authors: dict[str, AuthorPage],
) -> ArticlePage:
    page, written = page_sync(
        parent=sections[article.section],
        model=ArticlePage,
        slug=article.slug,
        fields={
            "title": article.title,
            "dek": article.dek,
            "kind": demo.KINDS.get(article.slug, ArticlePage.Kind.NEWS),
            # No photo: the story's locator map stands in, drawn from its countries.
            "hero_image_id": None,
            "hero_caption": "",
            "hero_credit": "",
            "hero_alt": "",
            "body": body_blocks(article.body),
            "access": article.access,
            "published_at": article.published,
        },
        m2m={
            "authors": [authors[slug] for slug in article.authors],
            "topics": [topics[slug] for slug in article.topics],
        },
    )
    if written:
        # Publishing stamps "now"; back-date Wagtail's own dates so the admin,
        # sitemaps and feeds agree with the 2023 edition.
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=article.published, last_published_at=article.published
        )
    return page


# Site, settings and sign-ins -------------------------------------------------


def site_sync(home: HomePage) -> None:
    url = urlsplit(settings.SITE_URL)
    port = url.port or (443 if url.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {"hostname": url.hostname or "localhost", "port": port, "site_name": settings.WAGTAIL_SITE_NAME}
    if site.pk and site.root_page_id == home.pk and all(getattr(site, k) == v for k, v in wanted.items()):
        return
    for name, value in wanted.items():
        setattr(site, name, value)
    site.root_page = home
    site.save()


OUTLET = {
    "name": "Newsdesk",
    "tagline": "News and intelligence on the Middle East",
    "pro_desk_email": "pro@newsdesk.example",
}


def outlet_settings_sync() -> None:
    outlet = OutletSettings.load()
    if all(getattr(outlet, name) == value for name, value in OUTLET.items()):
        return
    for name, value in OUTLET.items():
        setattr(outlet, name, value)
    outlet.save()


def editor_sync(password: str) -> SignIn:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"email": "editor@newsdesk.example", "first_name": "Demo", "last_name": "Editor"},
    )
    user.is_staff = user.is_superuser = user.is_active = True
    if not user.check_password(password):
        user.set_password(password)
    user.save()
    if not Group.objects.filter(name=roles.EDITORS).exists():
        roles.ensure_roles()
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return EDITOR_USERNAME, password


def sign_ins_sync() -> list[SignIn]:
    """Every demo account, in the order printed; later features append theirs."""
    password = demo_password()
    return [editor_sync(password)]


# Loading --------------------------------------------------------------------


@transaction.atomic
def edition_sync() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py migrate` first.")
    sections = sections_sync(home)
    topics = topics_sync(home)
    authors = authors_sync(home)
    info_pages_sync(home)
    placeholder_images_remove()
    pages = {a.slug: article_sync(a, sections=sections, topics=topics, authors=authors) for a in demo.ARTICLES}
    home_sync(home, pages[demo.LEAD_SLUG])
    demo_reads_sync(pages)
    site_sync(home)
    outlet_settings_sync()
    return home


def edition_summary() -> str:
    articles = ArticlePage.objects.live()
    return (
        f"Demo edition ready: {SectionPage.objects.live().count()} sections, "
        f"{TopicPage.objects.live().count()} topics, {AuthorPage.objects.live().count()} authors, "
        f"{articles.count()} articles ({articles.filter(access=Access.PRO).count()} PRO)."
    )


def load_demo(stdout: Any) -> list[SignIn]:
    """The edition and the editor's sign-in; the other apps' demos build on it."""
    edition_sync()
    return sign_ins_sync()


def demo_summary() -> str:
    return edition_summary()
