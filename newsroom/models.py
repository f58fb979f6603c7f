"""The newsroom's page types (Home, Section, Topic, Author and Article) and the
named queries their pages run, which other apps reuse."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.dispatch import Signal
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.access import Access
from core.entitlement import user_is_pro
from lib.page_cache import SharedByAudienceMixin, generation
from lib.pagination import paginate
from newsroom.admin_choosers import SearchChooser
from newsroom.admin_forms import OVERRIDE_FIELD, ArticlePageForm
from newsroom.blocks import ArticleBodyBlock
from newsroom.feeds import ArticlesAtomFeed, ArticlesFeed
from newsroom.paywall import article_view

if TYPE_CHECKING:
    from django.db.models import QuerySet

PAGE_SIZE = 20
FRAGMENT_SECONDS = 3600


def paginate_articles(request: HttpRequest, articles: Any) -> Any:
    """A page of articles, each knowing its section without a query of its own."""
    page = paginate(request, articles, PAGE_SIZE)
    page.object_list = attach_sections(page.object_list)
    return page


class FeedRoutesMixin(RoutablePageMixin):
    """Adds `feed/` (RSS) and `feed/atom/` to a listing page."""

    title: str

    def feed_title(self, outlet: str) -> str:
        return f"{self.title} — {outlet}"

    def feed_articles(self) -> QuerySet[ArticlePage]:
        raise NotImplementedError

    @path("feed/", name="rss")
    def rss_feed(self, request: HttpRequest) -> HttpResponse:
        return ArticlesFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request: HttpRequest) -> HttpResponse:
        return ArticlesAtomFeed(self)(request)


class HomePage(SharedByAudienceMixin, FeedRoutesMixin, Page):
    strapline = models.CharField(max_length=200, blank=True, help_text="Shown under the masthead.")
    lead_story = models.ForeignKey(
        "newsroom.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Pin a story at the top of the home page. Blank shows the latest.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("strapline"),
        PageChooserPanel("lead_story", "newsroom.ArticlePage"),
    ]
    subpage_types = [
        "newsroom.SectionPage",
        "newsroom.TopicIndexPage",
        "newsroom.AuthorIndexPage",
        "newsroom.InfoPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def feed_title(self, outlet: str) -> str:
        return outlet

    def feed_articles(self) -> QuerySet[ArticlePage]:
        return latest_articles()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_layout(self))
        return context


class ArticleRoutesMixin:
    """A section's children are stories: each is looked up as a story in one query,
    where Wagtail's routing takes two (the page, then the story it is)."""

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        if not path_components:
            return super().route(request, path_components)  # type: ignore[misc]
        story = ArticlePage.objects.child_of(self).filter(slug=path_components[0]).first()  # type: ignore[arg-type]
        if story is None:
            raise Http404
        story._cached_parent_obj = self  # its section, without a query for it
        return story.route(request, path_components[1:])


class SectionPage(SharedByAudienceMixin, FeedRoutesMixin, ArticleRoutesMixin, Page):
    description = models.TextField(blank=True, help_text="One or two sentences shown at the top of the section.")
    show_on_home = models.BooleanField(
        "show a rail on the home page", default=True, help_text="Rails appear in the order of the page tree."
    )

    content_panels = [*Page.content_panels, FieldPanel("description"), FieldPanel("show_on_home")]
    search_fields = [*Page.search_fields, index.SearchField("description")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]

    class Meta:
        verbose_name = "section"

    def feed_articles(self) -> QuerySet[ArticlePage]:
        return section_articles(self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate_articles(request, self.feed_articles())
        return context


class TopicIndexPage(SharedByAudienceMixin, Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.TopicPage"]
    max_count = 1

    class Meta:
        verbose_name = "topic index"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        topics = TopicPage.objects.live().child_of(self).order_by("title")
        context["countries"] = [t for t in topics if t.kind == TopicPage.Kind.COUNTRY]
        context["topics"] = [t for t in topics if t.kind == TopicPage.Kind.THEME]
        return context


class TopicPage(SharedByAudienceMixin, FeedRoutesMixin, Page):
    class Kind(models.TextChoices):
        THEME = "theme", "Topic"
        COUNTRY = "country", "Country"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.THEME)
    description = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("description")]
    search_fields = [*Page.search_fields, index.SearchField("description"), index.FilterField("kind")]
    parent_page_types = ["newsroom.TopicIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "topic or country"

    def feed_articles(self) -> QuerySet[ArticlePage]:
        return topic_articles(self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate_articles(request, self.feed_articles())
        return context


class AuthorIndexPage(SharedByAudienceMixin, Page):
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.AuthorPage"]
    max_count = 1

    class Meta:
        verbose_name = "author index"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = AuthorPage.objects.live().child_of(self).order_by("title")
        return context


class AuthorPage(SharedByAudienceMixin, FeedRoutesMixin, Page):
    role = models.CharField(max_length=100, blank=True, help_text="e.g. “Security correspondent”.")
    bio = RichTextField(features=["bold", "italic", "link"], blank=True)
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    social_handle = models.CharField(max_length=50, blank=True, help_text="X/Twitter handle without the @.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("social_handle"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("bio")]
    parent_page_types = ["newsroom.AuthorIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "author"

    def feed_articles(self) -> QuerySet[ArticlePage]:
        return author_articles(self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate_articles(request, self.feed_articles())
        return context


class InfoPage(Page):
    """About, Contact, Privacy, Terms: plain pages the footer links to."""

    intro = models.TextField(blank=True, help_text="One or two sentences under the title.")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True)
    in_footer = models.BooleanField("link from the footer", default=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "information page"


def without_view_restrictions(pages: PageQuerySet) -> PageQuerySet:
    """`pages.public()` in the query itself: Wagtail's own `.public()` first loads every
    view restriction in a query of its own, once per listing."""
    # The subquery reads the (few) restrictions and looks each one's page up by key. Joined
    # to the page table instead, SQLite walked every page for every row listed: minutes for
    # the footer of a 100,000-story archive.
    restricted_path = Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1]
    restricted_above = PageViewRestriction.objects.annotate(restricted=Subquery(restricted_path)).filter(
        restricted=Substr(OuterRef("path"), 1, Length("restricted"))
    )
    return pages.filter(~Exists(restricted_above))


def share_site_root_paths(page: Page, request: HttpRequest, pages: Iterable[Page]) -> None:
    """Let pages whose URL a template writes as `{{ page.url }}` (the story's topics, in
    the entity list) reuse the request's copy of the site's root paths, as `{% pageurl %}`
    does, instead of each looking the sites up again. Wagtail keeps that copy on the
    request and, without one, on each page, under the attribute set here."""
    paths = page._get_site_root_paths(request)
    for other in pages:
        other._wagtail_cached_site_root_paths = paths  # type: ignore[attr-defined]


def footer_pages() -> list[InfoPage]:
    """Information pages listed in the footer of every page.

    One query per cache generation (publishing starts a new one), not one per page view.
    """
    key = f"newsroom:footer-pages:{generation()}"
    pages = cache.get(key)
    if pages is None:
        pages = list(without_view_restrictions(InfoPage.objects.live().filter(in_footer=True)).order_by("path"))
        cache.set(key, pages, 3600)
    return pages


class ArticlePage(SharedByAudienceMixin, Page):
    class Kind(models.TextChoices):
        NEWS = "news", "News"
        ANALYSIS = "analysis", "Analysis"
        EXPLAINER = "explainer", "Explainer"
        OPINION = "opinion", "Opinion"

    kind = models.CharField(
        "kind of story",
        max_length=10,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text="Shown on cards: news reports facts; analysis and explainers interpret; opinion argues.",
    )
    dek = models.CharField(
        "standfirst",
        max_length=300,
        help_text="One sentence under the headline that says why the story matters.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(
        "hero alternative text",
        max_length=250,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it. Blank uses the caption.",
    )
    hero_caption = models.CharField(max_length=300, blank=True)
    hero_credit = models.CharField(max_length=100, blank=True, help_text="e.g. “Photo: Office of the President”.")
    body = StreamField(ArticleBodyBlock(), blank=True)
    authors = ParentalManyToManyField("newsroom.AuthorPage", blank=True, related_name="articles")
    topics = ParentalManyToManyField(
        "newsroom.TopicPage", blank=True, related_name="articles", help_text="Topics and countries the story is about."
    )
    access = models.CharField(
        "who may read it",
        max_length=12,
        choices=Access.choices,
        default=Access.FREE,
        help_text="Free: everyone. Free account: signed-in readers. PRO: PRO members only.",
    )
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        db_index=True,
        help_text="Shown to readers. Leave blank to use the moment it is first published.",
    )
    updated_at = models.DateTimeField(
        "updated", null=True, blank=True, help_text="Set when a published story changes materially."
    )

    base_form_class = ArticlePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("dek"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit"), FieldPanel("hero_alt")],
            heading="Hero image",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("authors", widget=SearchChooser("authors")),
                FieldPanel("topics", widget=SearchChooser("topics")),
                FieldPanel("entities"),
                FieldPanel("access"),
            ],
            heading="Byline, topics, entities and access",
        ),
        MultiFieldPanel([FieldPanel("published_at"), FieldPanel("updated_at")], heading="Dates"),
        InlinePanel("related_links", label="Related article", heading="Related articles"),
        FieldPanel(
            OVERRIDE_FIELD,
            heading="Pre-publish checks",
            help_text="Publishing checks the standfirst, the hero's alternative text, the teaser marker on PRO "
            "stories and every “Why it matters” box.",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("dek", boost=1.5),
        index.SearchField("body"),
        index.FilterField("published_at"),
        index.FilterField("access"),
        index.FilterField("kind"),
        index.RelatedFields("authors", [index.SearchField("title")]),
        index.RelatedFields("topics", [index.SearchField("title")]),
    ]
    parent_page_types = ["newsroom.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "article"

    @property
    def date(self) -> Any:
        return self.published_at or self.first_published_at or self.latest_revision_created_at or timezone.now()

    @cached_property
    def section(self) -> SectionPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None  # type: ignore[return-value]

    @cached_property
    def author_list(self) -> list[AuthorPage]:
        return list(self.authors.all())

    @cached_property
    def topic_list(self) -> list[TopicPage]:
        return list(self.topics.all())

    @property
    def is_premium(self) -> bool:
        return self.access == Access.PRO

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["view"] = article_view(article=self, user=request.user)
        # Once, through the request: `page.full_url` looks the site up again at every use.
        context["page_url"] = self.get_full_url(request)
        share_site_root_paths(self, request, self.topic_list)
        # Cached copies of the story differ by what the reader may read and by
        # the PRO tools shown beside it (clipping), nothing else.
        signed_in = "in" if request.user.is_authenticated else "out"
        tier = "pro" if user_is_pro(request.user) else "std"
        context["reader_kind"] = f"{context['view'].needs or 'full'}:{tier}:{signed_in}"
        context["reader_is_pro"] = tier == "pro"
        # Looked up only when the cached fragment holding it has expired.
        preview = getattr(request, "is_preview", False)
        # A preview ranks the draft's own picks and topics; the live story reads its stored list.
        context["related"] = partial(related_articles, self, fresh=preview)
        if preview:
            # A preview shows the draft, never a cached copy of the live story.
            context["cache_generation"], context["fragment_seconds"] = f"preview-{uuid.uuid4()}", 0
        else:
            context["cache_generation"], context["fragment_seconds"] = generation(), FRAGMENT_SECONDS
        return context


class RelatedArticle(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "newsroom.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "related article"


class ArticleSearchText(models.Model):
    """The words one kind of reader may find a story by.

    Site search runs over these rows, never over the story's own index entry
    (which holds the whole body, for editors): a visitor who may read only the
    teaser finds the story only by its title, standfirst, teaser, topics and
    authors, so search cannot answer yes/no about paid text. Each story has
    exactly one row per kind of reader; rows are rebuilt whenever it is
    published (`newsroom.search.article_search_texts_refresh`). The database's
    own full-text index over them (an FTS5 table on SQLite, a tsvector column
    on PostgreSQL) is kept in step by the database; see `newsroom.search`.
    """

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="search_texts")
    title = models.CharField(max_length=255)
    dek = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    for_anyone = models.BooleanField("for visitors", default=False)
    for_members = models.BooleanField("for signed-in readers", default=False)
    for_pro = models.BooleanField("for PRO members", default=False)

    class Meta:
        verbose_name = "article search text"

    def __str__(self) -> str:
        return self.title


# -- named queries the reader pages (and other apps) use ----------------------

RAIL_SIZE = 4
TOP_STORIES = 5


def live_articles() -> PageQuerySet:
    return (
        without_view_restrictions(ArticlePage.objects.live())
        .select_related("hero_image")
        .prefetch_related("authors", "topics", "hero_image__renditions")
        .order_by(F("published_at").desc(nulls_last=True), "-first_published_at", "-pk")
    )


def latest_articles() -> PageQuerySet:
    return live_articles()


def section_articles(section: SectionPage) -> PageQuerySet:
    return live_articles().child_of(section)


def topic_articles(topic: TopicPage) -> PageQuerySet:
    return live_articles().filter(topics=topic)


def author_articles(author: AuthorPage) -> PageQuerySet:
    return live_articles().filter(authors=author)


def recent_articles(hours: int = 48) -> PageQuerySet:
    since = timezone.now() - dt.timedelta(hours=hours)
    return live_articles().filter(published_at__gte=since)


def attach_sections(articles: Iterable[ArticlePage]) -> list[ArticlePage]:
    """Give each article its section without a query per article."""
    items = list(articles)
    parent_paths = {a.path[: -ArticlePage.steplen] for a in items}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in items:
        article.__dict__["section"] = sections.get(article.path[: -ArticlePage.steplen])
    return items


def related_candidates() -> PageQuerySet:
    """Live stories as related-story cards show them: no picture, byline or topics to fetch."""
    return live_articles().prefetch_related(None)


RELATED_SHOWN = 4
# Stored beyond those shown, so a story that leaves the site (unpublished, deleted, put
# behind a view restriction) is replaced by the next one at once, before its dependants'
# lists are worked out again in the background.
RELATED_STORED = 2 * RELATED_SHOWN


def related_articles(article: ArticlePage, limit: int = RELATED_SHOWN, *, fresh: bool = False) -> list[ArticlePage]:
    """The related stories shown under a story: those stored when it was published,
    read in one query, or, for a story with none stored (published before they were
    stored, or imported) and for previews (`fresh`), worked out now."""
    if article.pk and not fresh:
        stored = related_candidates().filter(related_to__article=article.pk).order_by("related_to__position")
        shown = list(stored[:limit])
        if shown:
            return attach_sections(shown)
    return attach_sections(related_choice(article, limit))


def related_choice(article: ArticlePage, limit: int) -> list[ArticlePage]:
    """Editor-picked related stories first, then those sharing the rarest topics."""
    picked = [
        link.article
        for link in article.related_links.select_related("article")
        if link.article_id and link.article.live and link.article.pk != article.pk
    ]
    if len(picked) < limit:
        # Works on unsaved previews too, whose relations live in memory.
        exclude = [pk for pk in (article.pk, *(a.pk for a in picked)) if pk]
        topic_ids = [topic.pk for topic in article.topic_list]  # loaded once for the whole page
        ranked = topic_ranked_articles(topic_ids, exclude=exclude, limit=limit - len(picked), article=article)
        picked += ranked or list(related_candidates().exclude(pk__in=exclude).child_of(article.get_parent())[:limit])
    return picked[:limit]


class RelatedStory(models.Model):
    """One of the stories listed under a story as related, in its place.

    Worked out when the story is published, again once Monitor has tagged it, and again
    when a story it lists leaves the site (`related_stories_refresh`): a reader's view
    reads them in one query instead of ranking the archive.
    """

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    related = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="related_to")
    position = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "related story"
        verbose_name_plural = "related stories"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="one_related_story_per_place"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} (#{self.position + 1})"


def related_stories_store(*, article: ArticlePage) -> list[int]:
    """Work out a live story's related stories and store them; returns their ids."""
    # The stories shown are chosen exactly as a view would choose them; the spares after.
    chosen = [a.pk for a in related_choice(article, RELATED_SHOWN)]
    chosen += [a.pk for a in related_choice(article, RELATED_STORED) if a.pk not in chosen]
    chosen = chosen[:RELATED_STORED]
    with transaction.atomic():
        RelatedStory.objects.filter(article_id=article.pk).delete()
        RelatedStory.objects.bulk_create(
            RelatedStory(article_id=article.pk, related_id=pk, position=place) for place, pk in enumerate(chosen)
        )
    return chosen


def related_stories_refresh(*, article_ids: Iterable[int], neighbours: bool = False) -> int:
    """Store afresh the related stories of these stories (those still live; the others'
    lists are dropped). With `neighbours`, also those of the stories each one now lists,
    so a new story joins the lists of the stories it is related to. Returns how many
    lists were stored."""
    ids = set(article_ids)
    RelatedStory.objects.filter(article_id__in=ids).exclude(article__live=True).delete()
    done: set[int] = set()
    todo = [a.pk for a in ArticlePage.objects.live().filter(pk__in=ids).only("pk").order_by("pk")]
    while todo:
        pk = todo.pop(0)
        if pk in done:
            continue
        article = ArticlePage.objects.live().filter(pk=pk).first()
        if article is None:
            continue
        done.add(pk)
        chosen = related_stories_store(article=article)
        if neighbours and pk in ids:
            todo += [other for other in chosen if other not in done]
    return len(done)


def related_stories_dependants(article_ids: list[int] | QuerySet[Any]) -> list[int]:
    """Stories whose stored related stories list any of these (ids, or a query of them)."""
    listing = RelatedStory.objects.filter(related_id__in=article_ids).values_list("article_id", flat=True)
    return sorted(set(listing))


# What two stories can share, beside topics: (document frequency per feature,
# [(other story id, feature)]) for one story. Higher layers (the entity registry)
# register theirs with `register_related_features`.
FeatureLinks = tuple[dict[str, int], list[tuple[int, str]]]
_related_feature_sources: list[Any] = []


# Sent with `articles` (saved, live) when stories are published in bulk (an import's batch),
# inside its transaction, instead of one `page_published` per story.
articles_imported = Signal()


def register_related_features(source: Any) -> None:
    if source not in _related_feature_sources:
        _related_feature_sources.append(source)


def topic_features(topic_ids: list[int], exclude: list[int]) -> FeatureLinks:
    links = ArticlePage.topics.through.objects.filter(topicpage_id__in=topic_ids, articlepage__live=True)
    # One query gives both the counts and the pairs. Keyed by name, so the topic
    # "Russia" and an entity "Russia" are one feature.
    df: dict[str, int] = {}
    pairs: list[tuple[int, str]] = []
    excluded = set(exclude)
    for article_id, title in links.values_list("articlepage_id", "topicpage__title"):
        feature = title.casefold()
        df[feature] = df.get(feature, 0) + 1
        if article_id not in excluded:
            pairs.append((article_id, feature))
    return df, pairs


def topic_ranked_articles(
    topic_ids: list[int], *, exclude: list[int], limit: int, article: ArticlePage | None = None
) -> list[ArticlePage]:
    """Stories sharing topics (and entities, where registered), each weighted by rarity.

    A feature on almost every story ("United States") adds little; one on a handful
    ("Belarus") adds a lot: the weight is log(1 + stories / stories with it), as in
    inverse document frequency. Ties go to the newer story.
    """
    sources = [topic_features(topic_ids, exclude)] if topic_ids else []
    if article is not None and article.pk:
        sources += [source(article, exclude) for source in _related_feature_sources]
    total = ArticlePage.objects.live().count() or 1
    weight: dict[str, float] = {}
    shared: dict[int, set[str]] = {}
    for df, pairs in sources:
        for feature, count in df.items():
            weight[feature] = min(weight.get(feature, math.inf), math.log(1 + total / max(count, 1)))
        for article_id, feature in pairs:
            shared.setdefault(article_id, set()).add(feature)
    scores = {pk: sum(weight.get(f, 0.0) for f in features) for pk, features in shared.items()}
    best = sorted(scores, key=lambda pk: -scores[pk])[: limit * 3]
    candidates = list(related_candidates().filter(pk__in=best))
    candidates.sort(key=lambda a: (-round(scores[a.pk], 6), -a.date.timestamp()))
    return [a for a in candidates if scores[a.pk] > 0][:limit]


def home_layout(home: HomePage) -> dict[str, Any]:
    pinned = live_articles().filter(pk=home.lead_story_id).first() if home.lead_story_id else None
    latest = [a for a in latest_articles()[:TOP_STORIES] if pinned is None or a.pk != pinned.pk]
    top = attach_sections(([pinned] if pinned else []) + latest)[:TOP_STORIES]
    lead = top[0] if top else None
    shown = {a.pk for a in top}
    rails = []
    for section in SectionPage.objects.live().child_of(home).filter(show_on_home=True):
        articles = [a for a in section_articles(section)[: RAIL_SIZE + TOP_STORIES] if a.pk not in shown]
        for article in articles:
            article.__dict__["section"] = section
        if articles:
            rails.append({"section": section, "articles": articles[:RAIL_SIZE]})
    return {"lead": lead, "top_stories": top[1:], "rails": rails}


class ArticleReads(models.Model):
    """How often a story was opened in one hour: one row per story per hour, counted
    on the server without cookies (newsroom.reads), cached page answers included."""

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "article reads in an hour"
        constraints = [models.UniqueConstraint(fields=["article", "hour"], name="one_reads_row_per_article_hour")]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00: {self.count}"


MOST_READ = 5
LATEST = 8
ANALYSIS = 4
SECONDARY = 4


def most_read(hours: int = 24, limit: int = MOST_READ, *, with_sections: bool = True) -> list[ArticlePage]:
    since = timezone.now() - dt.timedelta(hours=hours)
    totals = (
        ArticleReads.objects.filter(hour__gte=since)
        .values("article_id")
        .annotate(total=models.Sum("count"))
        .order_by("-total", "article_id")
    )
    ranked = [row["article_id"] for row in totals[: limit * 2]]
    articles = {a.pk: a for a in live_articles().filter(pk__in=ranked)}
    found = [articles[pk] for pk in ranked if pk in articles][:limit]
    return attach_sections(found) if with_sections else found


def home_page_layout(home: HomePage) -> dict[str, Any]:
    """Lead, secondary stories, a timed latest list, an analysis strip and section rails."""
    layout = home_layout(home)
    shown = {a.pk for a in [layout["lead"], *layout["top_stories"]] if a}
    layout["top_stories"] = layout["top_stories"][:SECONDARY]
    layout["latest"] = [a for a in latest_articles()[: LATEST + TOP_STORIES] if a.pk not in shown][:LATEST]
    analysis = live_articles().exclude(kind=ArticlePage.Kind.NEWS).exclude(pk__in=shown)
    layout["analysis"] = list(analysis[:ANALYSIS])
    layout["most_read"] = most_read(with_sections=False)
    # One section query for every list at once (the lead keeps it from ever being empty),
    # not one per list that happens to have stories: constant whatever the archive.
    lead = [layout["lead"]] if layout["lead"] else []
    attach_sections([*lead, *layout["top_stories"], *layout["latest"], *layout["analysis"], *layout["most_read"]])
    return layout
