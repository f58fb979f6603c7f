"""StreamField blocks for memos and trend reports."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from lib.charts import ChartDataError, parse_table


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(help_text="e.g. “IRNA, 21 August 2023”")
    url = blocks.URLBlock(required=False, help_text="Optional link, e.g. https://www.irna.ir/…")

    class Meta:
        icon = "link"
        label = "Source"


class TableChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(help_text="What the chart shows, e.g. “Iranian drone deliveries to Russia, 2022–2023”")
    unit = blocks.CharBlock(required=False, help_text="e.g. “drones per quarter” or “US$ million”")
    data = blocks.TextBlock(
        help_text=(
            "Comma-separated table: a header row (label column, then one name per series), then one row per "
            "point. e.g.\nQuarter, Deliveries\nQ3 2022, 120\nQ4 2022, 340"
        )
    )

    def clean(self, value: Any) -> Any:
        cleaned = super().clean(value)
        try:
            parse_table(cleaned["data"])
        except ChartDataError as error:
            raise StructBlockValidationError(block_errors={"data": ErrorList([ValidationError(str(error))])}) from None
        return cleaned

    class Meta:
        icon = "table"
        label = "Chart from a table"


class MentionsChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(help_text="e.g. “Coverage of Iran and Belarus, last six months”")
    entities = blocks.CharBlock(help_text="Monitor entities, comma-separated, e.g. “Iran, Belarus, Shahed-136”")
    weeks = blocks.IntegerBlock(default=26, min_value=4, max_value=156, help_text="How many weeks back to chart.")

    class Meta:
        icon = "site"
        label = "Chart of Monitor mentions"


class ReportBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    table_chart = TableChartBlock()
    mentions_chart = MentionsChartBlock()
