"""The blocks an article body is made of, and their plain text."""

import html
from typing import Any

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(features=INLINE_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "newsroom/blocks/paragraph.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "newsroom/blocks/heading.html"
        help_text = "A subheading inside the story, e.g. “What the deal covers”."


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Quotation")
    attribution = blocks.CharBlock(required=False, help_text="Who said it, e.g. “Gen. Viktor Khrenin”.")

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt = blocks.CharBlock(
        required=False,
        label="Alternative text",
        help_text="What the picture shows, for readers who cannot see it. Leave blank to use the image title.",
    )
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False, help_text="e.g. “Photo: Newsdesk”.")

    class Meta:
        icon = "image"
        template = "newsroom/blocks/figure.html"


class BoxBlock(blocks.StructBlock):
    """A titled section with its own heading, like “Why it matters”."""

    body = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        template = "newsroom/blocks/box.html"


class WhyItMattersBlock(BoxBlock):
    class Meta:
        icon = "help"
        label = "Why it matters"


class KnowMoreBlock(BoxBlock):
    class Meta:
        icon = "list-ul"
        label = "Know more"


class TeaserEndBlock(blocks.StaticBlock):
    class Meta:
        icon = "lock"
        label = "Teaser ends here"
        admin_text = (
            "Readers without access see the body up to this point, then the offer. "
            "Without this marker they see the first paragraph."
        )
        template = "newsroom/blocks/empty.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedBlock(icon="media", template="newsroom/blocks/embed.html")
    why_it_matters = WhyItMattersBlock()
    know_more = KnowMoreBlock()
    teaser_end = TeaserEndBlock()


def html_text(source: str) -> str:
    """Plain text of stored rich text: tags dropped, entities decoded."""
    return html.unescape(strip_tags(source))


def block_text(block: Any) -> str:
    """Plain text of one body block, for excerpts and feeds."""
    value = block.value
    if block.block_type in ("paragraph",):
        return html_text(value.source)
    if block.block_type in ("why_it_matters", "know_more"):
        return html_text(value["body"].source)
    if block.block_type == "heading":
        return str(value)
    if block.block_type == "quote":
        return str(value["text"])
    return ""
