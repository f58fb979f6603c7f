"""Memos and trend reports: premium pages with a fixed shape editors fill in.

What a visitor receives is decided in one place, `pro.access`; templates,
PDFs and every other output read from its result, never from the fields.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lib.page_cache import SharedByAudienceMixin
from pro.access import product_view
from pro.blocks import ReportBodyBlock, SourceBlock
from pro.exports import product_pdf


class ProductIndexPage(Page):
    """Where memos or reports live in the page tree; readers use /pro/memos/ and /pro/reports/."""

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["pro.MemoPage", "pro.TrendReportPage"]

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return HttpResponseRedirect("/pro/")

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        return []  # only a container; the listings are Django views


class ProductPage(SharedByAudienceMixin, RoutablePageMixin, Page):
    """What memos and reports share: a public standfirst, a premium body, a PDF."""

    product_kind = ""  # "memo" or "report", set by each kind

    dek = models.CharField(
        "standfirst",
        max_length=300,
        help_text="One public sentence that sells it, e.g. “Why Minsk matters to Tehran’s drone exports.”",
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Shown to readers; empty uses the first publication."
    )

    search_fields = [*Page.search_fields, index.SearchField("dek")]
    parent_page_types = ["pro.ProductIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    @property
    def date(self) -> Any:
        return self.published_at or self.first_published_at or self.latest_revision_created_at

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["view"] = product_view(page=self, user=request.user)
        return context

    @path("pdf/")
    def pdf(self, request: HttpRequest) -> HttpResponse:
        return product_pdf(request, self)


class MemoPage(ProductPage):
    product_kind = "memo"

    bottom_line = RichTextField(
        features=["bold", "italic", "link"], help_text="Two or three sentences: what the reader must know."
    )
    key_judgements = StreamField(
        [
            (
                "judgement",
                blocks.TextBlock(help_text="One judgement, e.g. “Drone production in Belarus is likely by 2025.”"),
            )
        ],
        help_text="Numbered in the order given.",
    )
    what_to_watch = StreamField(
        [("item", blocks.TextBlock(help_text="An indicator, e.g. “Belarusian airfield expansion near Minsk.”"))],
        blank=True,
    )
    sources = StreamField([("source", SourceBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("dek"),
        FieldPanel("published_at"),
        MultiFieldPanel(
            [
                FieldPanel("bottom_line"),
                FieldPanel("key_judgements"),
                FieldPanel("what_to_watch"),
                FieldPanel("sources"),
            ],
            heading="The memo (PRO)",
        ),
    ]
    template = "pro/memo_page.html"

    class Meta:
        verbose_name = "memo"

    def get_url_listing(self) -> str:
        return "/pro/memos/"


class TrendReportPage(ProductPage):
    product_kind = "report"

    body = StreamField(ReportBodyBlock(), help_text="Text, headings and charts, in reading order.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("dek"),
        FieldPanel("published_at"),
        FieldPanel("body", heading="The report (PRO)"),
    ]
    template = "pro/trend_report_page.html"

    class Meta:
        verbose_name = "trend report"

    def get_url_listing(self) -> str:
        return "/pro/reports/"
