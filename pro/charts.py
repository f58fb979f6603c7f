"""Charts for trend reports: an editor's table, or Monitor's weekly mention counts,
drawn by lib.charts like every chart on the site."""

from __future__ import annotations

import datetime as dt

from lib.charts import DrawnChart, drawn_weekly_chart, format_number, parse_table, table_chart
from monitor.queries import coverage_range, entities_from_names, weekly_counts


def drawn_table_chart(*, raw: str, title: str, unit: str, chart_id: str) -> DrawnChart:
    table = parse_table(raw)
    return DrawnChart(
        title=title,
        svg=table_chart(table=table, title=title, unit=unit, chart_id=chart_id),
        svg_narrow=table_chart(table=table, title=title, unit=unit, chart_id=chart_id, size="narrow"),
        header=["", *table.names],
        rows=[[label, *(format_number(v) for v in row)] for label, row in zip(table.labels, table.rows, strict=True)],
        note=unit,
    )


def drawn_mentions_chart(*, names: str, weeks: int, title: str, chart_id: str) -> DrawnChart:
    """Stories per week naming each chosen Monitor entity: the `weeks` weeks up to the latest story."""
    entities, missing = entities_from_names(names)
    first, end = coverage_range(entities)
    start = max(first, end - dt.timedelta(weeks=max(weeks, 1)))
    counts = [weekly_counts(entity, start, end) for entity in entities]
    week_list = list(counts[0]) if counts else []
    series = [(entity.name, list(c.values())) for entity, c in zip(entities, counts, strict=True)]
    return drawn_weekly_chart(
        series=series,
        weeks=week_list,
        title=title,
        chart_id=chart_id,
        note="Stories per week naming each entity" + (f"; not found: {', '.join(missing)}" if missing else ""),
    )
