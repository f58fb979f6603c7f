"""Server-rendered SVG charts: readable without JavaScript, printable, exportable."""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Distinguishable in colour and by dash pattern, for readers who cannot tell the colours apart.
PALETTE = ["#0b3d6b", "#c0392b", "#1e8449", "#b9770e", "#6c3483"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2"]
WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 36


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value <= step * 4:
            return step * 4
    return value


def weekly_chart(
    *, series: list[tuple[str, list[int]]], weeks: list[dt.date], title: str, chart_id: str = "chart"
) -> SafeString:
    """Bars for one series, lines for several; `role="img"` with a title and a summary."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    peak = max([max(values, default=0) for _, values in series] + [1])
    top = _nice_max(peak)
    n = max(len(weeks), 1)
    step = plot_w / n

    def y(value: int) -> float:
        return TOP + plot_h - plot_h * value / top

    totals = ", ".join(f"{name}: {sum(values)} stories" for name, values in series)
    span = f"{weeks[0]:%d %b %Y} to {weeks[-1]:%d %b %Y}" if weeks else "no weeks"
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" width="100%" '
        f'preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">Stories per week, {escape(span)}. {escape(totals)}.</desc>',
    ]
    for tick in range(5):
        value = top * tick // 4
        ty = y(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#ddd" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{value}</text>'
        )
    label_every = max(1, n // 8)
    for index, week in enumerate(weeks):
        if index % label_every == 0:
            x = LEFT + step * index + step / 2
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - 14}" text-anchor="middle" font-size="11" fill="#555">'
                f"{week:%d %b}</text>"
            )
    if weeks:
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 2}" text-anchor="end" font-size="10" fill="#777">'
            f"weeks starting Monday, {weeks[0]:%Y}–{weeks[-1]:%Y}</text>"
        )
    if len(series) == 1:
        name, values = series[0]
        bar_w = max(step * 0.7, 1)
        for index, value in enumerate(values):
            if value:
                x = LEFT + step * index + (step - bar_w) / 2
                parts.append(
                    f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar_w:.1f}" height="{y(0) - y(value):.1f}" '
                    f'fill="{PALETTE[0]}"><title>{weeks[index]:%d %b %Y}: {value}</title></rect>'
                )
    else:
        for number, (name, values) in enumerate(series):
            colour, dash = PALETTE[number % len(PALETTE)], DASHES[number % len(DASHES)]
            points = " ".join(f"{LEFT + step * i + step / 2:.1f},{y(v):.1f}" for i, v in enumerate(values))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}>'
                f"<title>{escape(name)}</title></polyline>"
            )
            lx = LEFT + 8 + number * 130
            parts.append(
                f'<line x1="{lx}" x2="{lx + 22}" y1="{TOP + 2}" y2="{TOP + 2}" stroke="{colour}" '
                f'stroke-width="3"{dash_attr}/>'
                f'<text x="{lx + 26}" y="{TOP + 6}" font-size="11" fill="#222">{escape(name[:18])}</text>'
            )
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#333" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
