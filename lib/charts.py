"""Server-rendered SVG charts: readable without JavaScript, printable, exportable.

Every chart on the site is a `DrawnChart` (the SVG and the table of its numbers)
shown by one partial, templates/components/chart.html.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Distinguishable in colour and by dash pattern, for readers who cannot tell the colours apart.
PALETTE = ["#0b3d6b", "#c0392b", "#1e8449", "#b9770e", "#6c3483"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2"]
MAX_ROWS = 60
MAX_SERIES = 5


@dataclass(frozen=True)
class Frame:
    """One drawing size. Each chart is drawn twice, wide and narrow, and the page shows the one
    that fits its column, so labels never shrink below `font` CSS pixels (the narrow drawing is
    shown only in columns at least as wide as its own width)."""

    width: int
    height: int
    font: float
    x_labels: int  # at most this many labels along the bottom

    @property
    def left(self) -> float:
        return self.font * 3.4

    right = 10.0

    @property
    def bottom(self) -> float:
        return self.font * 2.9


WIDE = Frame(width=680, height=300, font=14, x_labels=9)
NARROW = Frame(width=340, height=260, font=13, x_labels=4)
# Kept for callers that size things from the wide drawing.
WIDTH, HEIGHT = WIDE.width, WIDE.height


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value <= step * 4:
            return step * 4
    return value


def _legend(frame: Frame, names: list[str], *, lines: bool) -> tuple[list[str], float]:
    """The key, wrapped into rows that fit the frame; returns the SVG parts and the height used."""
    parts: list[str] = []
    x, row = frame.left, 0
    line_h = frame.font * 1.5
    for number, name in enumerate(names):
        label = name[:24]
        item_w = 30 + len(label) * frame.font * 0.62 + 14
        if x > frame.left and x + item_w > frame.width - frame.right:
            x, row = frame.left, row + 1
        cy = 4 + row * line_h + frame.font * 0.6
        colour = PALETTE[number % len(PALETTE)]
        if lines:
            dash = DASHES[number % len(DASHES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line x1="{x:.1f}" x2="{x + 24:.1f}" y1="{cy:.1f}" y2="{cy:.1f}" stroke="{colour}" '
                f'stroke-width="3"{dash_attr}/>'
            )
        else:
            parts.append(f'<rect x="{x:.1f}" y="{cy - 6:.1f}" width="14" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 30:.1f}" y="{cy + frame.font * 0.35:.1f}" font-size="{frame.font}" fill="#222">'
            f"{escape(label)}</text>"
        )
        x += item_w
    return parts, (row + 1) * line_h + 6 if names else 0


def _open_svg(frame: Frame, chart_id: str, size: str, title: str, desc: str) -> list[str]:
    suffix = "" if size == "wide" else "-narrow"
    return [
        f'<svg class="chart chart--{size}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'aria-labelledby="{chart_id}{suffix}-title {chart_id}{suffix}-desc" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" font-family="system-ui, sans-serif">',
        f'<title id="{chart_id}{suffix}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}{suffix}-desc">{escape(desc)}</desc>',
    ]


def _y_axis(frame: Frame, top: float, plot_top: float, y: Any) -> list[str]:
    parts = []
    for tick in range(5):
        value = top * tick / 4
        ty = y(value)
        parts.append(
            f'<line x1="{frame.left:.1f}" x2="{frame.width - frame.right}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{frame.left - 6:.1f}" y="{ty + frame.font * 0.35:.1f}" text-anchor="end" '
            f'font-size="{frame.font}" fill="#444">{format_number(value)}</text>'
        )
    return parts


def weekly_chart(
    *,
    series: list[tuple[str, list[int]]],
    weeks: list[dt.date],
    title: str,
    chart_id: str = "chart",
    size: str = "wide",
) -> SafeString:
    """Bars for one series, lines for several; `role="img"` with a title and a summary."""
    frame = WIDE if size == "wide" else NARROW
    legend, legend_h = _legend(frame, [name for name, _ in series], lines=True) if len(series) > 1 else ([], 0.0)
    plot_top = 8 + legend_h
    plot_w = frame.width - frame.left - frame.right
    plot_h = frame.height - plot_top - frame.bottom
    peak = max([max(values, default=0) for _, values in series] + [1])
    top = _nice_max(peak)
    n = max(len(weeks), 1)
    step = plot_w / n

    def y(value: float) -> float:
        return plot_top + plot_h - plot_h * value / top

    totals = ", ".join(f"{name}: {sum(values)} stories" for name, values in series)
    span = f"{weeks[0]:%d %b %Y} to {weeks[-1]:%d %b %Y}" if weeks else "no weeks"
    parts = _open_svg(frame, chart_id, size, title, f"Stories per week, {span}. {totals}.")
    parts += legend
    parts += _y_axis(frame, top, plot_top, y)
    label_every = max(1, -(-n // frame.x_labels))
    base = frame.height - frame.bottom + frame.font * 1.25
    for index, week in enumerate(weeks):
        if index % label_every == 0:
            x = frame.left + step * index + step / 2
            parts.append(
                f'<text x="{x:.1f}" y="{base:.1f}" text-anchor="middle" font-size="{frame.font}" fill="#444">'
                f"{week:%-d %b}</text>"
            )
    if weeks:
        years = f"{weeks[0]:%Y}" if weeks[0].year == weeks[-1].year else f"{weeks[0]:%Y}–{weeks[-1]:%Y}"
        parts.append(
            f'<text x="{frame.width - frame.right}" y="{frame.height - 3}" text-anchor="end" '
            f'font-size="{frame.font}" fill="#555">weeks from Monday, {years}</text>'
        )
    if len(series) == 1:
        name, values = series[0]
        bar_w = max(step * 0.7, 1)
        for index, value in enumerate(values):
            if value:
                x = frame.left + step * index + (step - bar_w) / 2
                parts.append(
                    f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar_w:.1f}" height="{y(0) - y(value):.1f}" '
                    f'fill="{PALETTE[0]}"><title>{weeks[index]:%d %b %Y}: {value}</title></rect>'
                )
    else:
        for number, (name, values) in enumerate(series):
            colour, dash = PALETTE[number % len(PALETTE)], DASHES[number % len(DASHES)]
            points = " ".join(f"{frame.left + step * i + step / 2:.1f},{y(v):.1f}" for i, v in enumerate(values))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}>'
                f"<title>{escape(name)}</title></polyline>"
            )
    parts.append(
        f'<line x1="{frame.left:.1f}" x2="{frame.width - frame.right}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
        f'stroke="#333" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


class ChartDataError(ValueError):
    """The table an editor typed cannot be drawn; the message says why."""


@dataclass(frozen=True)
class ChartTable:
    labels: list[str]
    names: list[str]
    rows: list[list[float]]  # one list of values per label, one value per series

    def series(self) -> list[tuple[str, list[float]]]:
        return [(name, [row[i] for row in self.rows]) for i, name in enumerate(self.names)]


def parse_table(raw: str) -> ChartTable:
    """CSV with a header row: the first column labels, each further column a series."""
    lines = [row for row in csv.reader(io.StringIO(raw.strip())) if any(cell.strip() for cell in row)]
    if len(lines) < 2:
        raise ChartDataError("Enter a header row and at least one row of data, e.g. “Year, Exports” then “2022, 41”.")
    header = [cell.strip() for cell in lines[0]]
    names = header[1:]
    if not names or not all(names):
        raise ChartDataError("The header row needs a label column and a name for every series.")
    if len(names) > MAX_SERIES:
        raise ChartDataError(f"At most {MAX_SERIES} series fit in one chart.")
    if len(lines) - 1 > MAX_ROWS:
        raise ChartDataError(f"At most {MAX_ROWS} rows fit in one chart.")
    labels: list[str] = []
    rows: list[list[float]] = []
    for number, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line]
        if len(cells) != len(header):
            raise ChartDataError(f"Row {number} has {len(cells)} cells; the header has {len(header)}.")
        try:
            values = [float(cell.replace(",", "")) for cell in cells[1:]]
        except ValueError:
            raise ChartDataError(f"Row {number} has a value that is not a number: {', '.join(cells[1:])}.") from None
        if any(v < 0 for v in values):
            raise ChartDataError(f"Row {number} has a negative value; charts here start at zero.")
        labels.append(cells[0])
        rows.append(values)
    return ChartTable(labels=labels, names=names, rows=rows)


def _nice_top(peak: float) -> float:
    if peak <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(peak))) - 1) if peak >= 1 else 0.1
    for step in (1, 2, 2.5, 5, 10):
        if peak <= step * magnitude:
            return step * magnitude
    return peak


def format_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def table_chart(
    *, table: ChartTable, title: str, unit: str = "", chart_id: str = "chart", size: str = "wide"
) -> SafeString:
    """Grouped bars, one group per label; `role="img"` with a title and a summary."""
    frame = WIDE if size == "wide" else NARROW
    legend, legend_h = _legend(frame, table.names, lines=False) if len(table.names) > 1 else ([], 0.0)
    plot_top = 8 + legend_h
    plot_w = frame.width - frame.left - frame.right
    plot_h = frame.height - plot_top - frame.bottom
    top = _nice_top(max((v for row in table.rows for v in row), default=0))
    groups = max(len(table.labels), 1)
    step = plot_w / groups
    bar_w = max(step * 0.8 / max(len(table.names), 1), 1)

    def y(value: float) -> float:
        return plot_top + plot_h - plot_h * value / top

    summary = "; ".join(
        f"{name}: " + ", ".join(f"{label} {format_number(v)}" for label, v in zip(table.labels, values, strict=True))
        for name, values in table.series()
    )
    unit_text = f" ({unit})" if unit else ""
    parts = _open_svg(frame, chart_id, size, title, f"{summary}{unit_text}.")
    parts += legend
    parts += _y_axis(frame, top, plot_top, y)
    label_every = max(1, -(-groups // frame.x_labels))
    longest = max(3, int(step * label_every / (frame.font * 0.6)))
    base = frame.height - frame.bottom + frame.font * 1.25
    for index, (label, row) in enumerate(zip(table.labels, table.rows, strict=True)):
        x0 = frame.left + step * index + step * 0.1
        for number, value in enumerate(row):
            if value:
                x = x0 + bar_w * number
                parts.append(
                    f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar_w:.1f}" height="{y(0) - y(value):.1f}" '
                    f'fill="{PALETTE[number % len(PALETTE)]}"><title>{escape(table.names[number])}, '
                    f"{escape(label)}: {format_number(value)}</title></rect>"
                )
        if index % label_every == 0:
            parts.append(
                f'<text x="{frame.left + step * index + step / 2:.1f}" y="{base:.1f}" text-anchor="middle" '
                f'font-size="{frame.font}" fill="#444">{escape(label[:longest])}</text>'
            )
    if unit:
        parts.append(
            f'<text x="{frame.width - frame.right}" y="{frame.height - 3}" text-anchor="end" '
            f'font-size="{frame.font}" fill="#555">{escape(unit)}</text>'
        )
    parts.append(
        f'<line x1="{frame.left:.1f}" x2="{frame.width - frame.right}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
        f'stroke="#333" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


@dataclass(frozen=True)
class DrawnChart:
    """A chart ready for a page or a PDF: the SVG and the table beside it."""

    title: str
    svg: SafeString
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    svg_narrow: str = ""  # SafeString when drawn


def drawn_weekly_chart(
    *, series: list[tuple[str, list[int]]], weeks: list[dt.date], title: str, note: str, chart_id: str = "chart"
) -> DrawnChart:
    """Stories per week, one series per name, with the table of the same numbers."""
    return DrawnChart(
        title=title,
        svg=weekly_chart(series=series, weeks=weeks, title=title, chart_id=chart_id),
        svg_narrow=weekly_chart(series=series, weeks=weeks, title=title, chart_id=chart_id, size="narrow"),
        header=["Week starting", *(name for name, _ in series)],
        rows=[[f"{week:%-d %b %Y}", *(str(values[i]) for _, values in series)] for i, week in enumerate(weeks)],
        note=note,
    )
