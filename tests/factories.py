"""factory_boy factories for users and Wagtail pages.

Page factories add the page under its parent in the tree and publish a
revision, as an editor would.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from core.access import Access
from newsroom.models import (
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("correct horse battery staple")


def make_image(title: str = "Test image", size: tuple[int, int] = (800, 450)) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 90, 140)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg"))


def add_page(parent: Any, page: Any, publish: bool = True) -> Any:
    page.live = publish  # a draft stays off the site until published, as in the admin
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


class PageFactory(factory.Factory):
    """Builds the page in memory; `_create` places it in the tree and publishes."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: type, *args: Any, parent: Any = None, publish: bool = True, **kwargs: Any) -> Any:
        return add_page(parent, model_class(*args, **kwargs), publish=publish)


class SectionFactory(PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda p: p.title.lower().replace(" ", "-").replace("&", "and"))
    show_in_menus = True


class TopicFactory(PageFactory):
    class Meta:
        model = TopicPage

    title = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda p: p.title.lower().replace(" ", "-"))
    kind = TopicPage.Kind.THEME


class AuthorFactory(PageFactory):
    class Meta:
        model = AuthorPage

    title = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.LazyAttribute(lambda p: p.title.lower().replace(" ", "-"))
    role = "Correspondent"


def paragraphs(*texts: str) -> list[tuple[str, Any]]:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


class ArticleFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    dek = factory.LazyAttribute(lambda p: f"The standfirst of {p.title.lower()}.")
    body = factory.LazyFunction(lambda: paragraphs("First paragraph of the story.", "Second paragraph."))
    access = Access.FREE
    published_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(hours=n + 1))

    @classmethod
    def _create(cls, model_class: type, *args: Any, topics: Any = (), authors: Any = (), **kwargs: Any) -> Any:
        page = model_class(*args, **{k: v for k, v in kwargs.items() if k not in ("parent", "publish")})
        page.topics = list(topics)
        page.authors = list(authors)
        return add_page(kwargs["parent"], page, publish=kwargs.get("publish", True))


def home_page() -> HomePage:
    """The home page the migrations create; rebuilt after a transactional test flushed it."""
    home = HomePage.objects.filter(depth=2).first()
    if home is not None:
        return home
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page
    from wagtail.models import Site as WagtailSite

    from newsroom.roles import ensure_roles

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="Home", slug="home"))
    WagtailSite.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Newsdesk"}
    )
    ensure_roles()
    return home


class Site:
    """The little newsroom most view tests run against."""

    def __init__(self) -> None:
        self.home = home_page()
        self.security = SectionFactory(parent=self.home, title="Security", slug="security")
        self.gulf = SectionFactory(parent=self.home, title="Gulf", slug="gulf")
        self.topics = add_page(self.home, TopicIndexPage(title="Topics", slug="topics"))
        self.authors = add_page(self.home, AuthorIndexPage(title="Authors", slug="authors"))
        self.iran = TopicFactory(parent=self.topics, title="Iran", slug="iran", kind=TopicPage.Kind.COUNTRY)
        self.reporter = AuthorFactory(parent=self.authors, title="Dana Reporter", slug="dana-reporter")


def build_site() -> Site:
    return Site()
