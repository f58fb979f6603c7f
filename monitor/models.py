"""Monitor: the entity registry, each article's tags, alerts and briefing books."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index


class Kind(models.TextChoices):
    COUNTRY = "country", "Country"
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    COMPANY = "company", "Company"
    PLACE = "place", "Place"
    WEAPON = "weapon", "Weapons system"


KIND_PLURALS = {
    Kind.COUNTRY: "Countries",
    Kind.PERSON: "People",
    Kind.ORGANISATION: "Organisations",
    Kind.COMPANY: "Companies",
    Kind.PLACE: "Places",
    Kind.WEAPON: "Weapons systems",
}


class Entity(index.Indexed, ClusterableModel):
    """Something our stories name: a country, person, organisation, company, place or weapons system."""

    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    name = models.CharField("canonical name", max_length=200, help_text="As we write it, e.g. “Ebrahim Raisi”.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the page address, e.g. “ebrahim-raisi”.")
    description = models.TextField(
        blank=True, help_text="One or two sentences saying who or what it is, e.g. “President of Iran, 2021–2024”."
    )
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, help_text="Optional, e.g. “Q794” for Iran."
    )
    context_words = models.CharField(
        max_length=500,
        blank=True,
        help_text="Words that, found in the same story, confirm an ambiguous name means this entity, "
        "comma-separated, e.g. “Amman, Hashemite, Jordanian”.",
    )
    prominence = models.PositiveSmallIntegerField(
        default=0, help_text="When two entities share a name and context does not decide, the higher wins."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("context_words"), FieldPanel("prominence"), FieldPanel("wikidata_id")],
            heading="Disambiguation",
        ),
        InlinePanel("aliases", label="Alias", heading="Aliases and spellings"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = "entity"
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("monitor:entity", args=[self.slug])

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


class Alias(models.Model):
    """Another way a story may name an entity: a spelling, short form, adjective or demonym."""

    entity = ParentalKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=200, help_text="e.g. “Ibrahim Raisi”, “Raisi”, “Iranian”.")
    case_sensitive = models.BooleanField(
        default=False, help_text="Match only this exact capitalisation, for acronyms like “US” (not “us”)."
    )
    needs_context = models.BooleanField(
        default=False,
        help_text="Tag only when the story also names the entity another way or uses one of its context words.",
    )

    panels = [FieldPanel("text"), FieldPanel("case_sensitive"), FieldPanel("needs_context")]

    class Meta:
        ordering = ["text"]
        verbose_name = "alias"
        verbose_name_plural = "aliases"
        constraints = [models.UniqueConstraint(fields=["entity", "text"], name="monitor_alias_unique_per_entity")]

    def __str__(self) -> str:
        return self.text


class ArticleEntity(models.Model):
    """One entity tagged on one article: found by the tagger or added by an editor."""

    class Source(models.TextChoices):
        TAGGER = "tagger", "Found by the tagger"
        EDITOR = "editor", "Added by an editor"

    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="entity_tags")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="article_tags")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.TAGGER)
    removed = models.BooleanField(default=False, help_text="An editor removed this tag; retagging keeps it removed.")
    mention_count = models.PositiveIntegerField(default=0)
    public_mention_count = models.PositiveIntegerField(
        default=0, help_text="Mentions in the part every visitor may read (title, standfirst, teaser)."
    )
    first_position = models.PositiveIntegerField(default=0)
    tagged_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["first_position"]
        verbose_name = "article tag"
        constraints = [models.UniqueConstraint(fields=["article", "entity"], name="monitor_one_tag_per_entity")]
        indexes = [models.Index(fields=["entity", "removed"])]

    def __str__(self) -> str:
        return f"{self.entity} in {self.article_id}"


class Mention(models.Model):
    """Where in an article's text (title, standfirst and body joined) an entity is named."""

    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=200)
    in_public_part = models.BooleanField(
        default=False, help_text="In the title, standfirst or teaser, which every visitor may read."
    )

    class Meta:
        ordering = ["article", "start"]
        verbose_name = "mention"

    def __str__(self) -> str:
        return f"{self.text} ({self.start}–{self.end})"


class SuggestedEntity(models.Model):
    """A name our stories use that the registry lacks, found by the model stage, waiting for an editor."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        PUBLISHED = "published", "Shown to readers (confident), waiting for review"
        APPROVED = "approved", "Approved"
        MERGED = "merged", "Merged into an entity"
        DISMISSED = "dismissed", "Rejected"

    name = models.CharField(max_length=200, unique=True)
    key = models.CharField(
        max_length=200, db_index=True, default="", help_text="The name folded (no titles, al-/el-), for matching."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)
    confidence = models.FloatField(default=0, help_text="The model stage's highest confidence for it, 0-1.")
    sentence = models.TextField(blank=True, help_text="A sentence it came from.")
    aliases = models.JSONField(default=list, blank=True, help_text="Other forms seen: surnames, acronyms.")
    articles = models.ManyToManyField("newsroom.ArticlePage", blank=True, related_name="+")
    occurrences = models.PositiveIntegerField(default=0, help_text="How many stories named it.")
    example_article = models.ForeignKey(
        "newsroom.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    entity = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurrences", "name"]
        verbose_name = "suggested entity"
        verbose_name_plural = "suggested entities"

    def __str__(self) -> str:
        return self.name


class Alert(models.Model):
    """A PRO member's saved search, emailed as it happens or in a daily digest."""

    class Frequency(models.TextChoices):
        INSTANT = "instant", "As it happens"
        DAILY = "daily", "Daily digest"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitor_alerts")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=100, help_text="e.g. “Drones in the Gulf”.")
    words = models.CharField(max_length=200, blank=True, help_text="Every word must appear in the story.")
    entities = models.ManyToManyField(Entity, blank=True, related_name="alerts")
    sections = models.ManyToManyField("newsroom.SectionPage", blank=True, related_name="+")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.INSTANT)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "alert"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("monitor:alert_edit", args=[self.token])


class AlertDelivery(models.Model):
    """One matching article for one alert; the row is claimed before the email goes out."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        SKIPPED = "skipped", "Skipped"

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["alert", "article"], name="monitor_alert_article_once")]

    def __str__(self) -> str:
        return f"{self.alert} — {self.article_id} ({self.state})"


class BriefingFolder(models.Model):
    """A named briefing book of clips, exportable and shareable read-only."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="briefing_folders")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120)
    share_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "briefing book"
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="monitor_folder_name_per_owner")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("monitor:folder", args=[self.token])

    def get_share_url(self) -> str:
        return reverse("monitor:shared_folder", args=[self.share_token]) if self.share_token else ""


class Clip(models.Model):
    """An article or a passage of it, with a note and the citation captured when clipped."""

    folder = models.ForeignKey(BriefingFolder, on_delete=models.CASCADE, related_name="clips")
    article = models.ForeignKey(
        "newsroom.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=300)
    dek = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500)
    published_at = models.DateTimeField(null=True, blank=True)
    section = models.CharField(max_length=100, blank=True)
    authors = models.CharField(max_length=300, blank=True)
    passage = models.TextField(blank=True, help_text="The selected passage; blank clips the whole article.")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "clip"

    def __str__(self) -> str:
        return self.title


class Follow(models.Model):
    """An entity a PRO member follows: Monitor's home lists the latest stories naming it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitor_follows")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entity__name"]
        verbose_name = "followed entity"
        constraints = [models.UniqueConstraint(fields=["user", "entity"], name="monitor_follow_once")]

    def __str__(self) -> str:
        return f"{self.user} follows {self.entity}"
