"""Inline SVG charts: monthly event counts (bars stacked by quad class) and summed intensity.

Hand-written SVG keeps the report self-contained and offline, with no plotting dependency.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from newsevents.query import MonthActivity

QUAD_COLOURS = ("#4c9f70", "#2d6a4f", "#e9a23b", "#c8553d")  # verbal/material coop, conflict
QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
WIDTH, BAR_AREA, INTENSITY_AREA, LEFT, TOP = 760, 160, 90, 40, 20


def _count_bars(months: Sequence[MonthActivity], step: float, peak: int) -> list[str]:
    shapes = []
    for i, month in enumerate(months):
        x, base = LEFT + i * step, TOP + BAR_AREA
        for quad, count in enumerate(month.by_quad):
            height = BAR_AREA * count / peak
            base -= height
            shapes.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{step * 0.8:.1f}" '
                          f'height="{height:.1f}" fill="{QUAD_COLOURS[quad]}">'
                          f"<title>{escape(month.month)}: {count} {QUAD_NAMES[quad]}</title></rect>")
    return shapes


def _intensity_bars(months: Sequence[MonthActivity], step: float, peak: float) -> list[str]:
    zero = TOP + BAR_AREA + 20 + INTENSITY_AREA / 2
    shapes = [f'<line x1="{LEFT}" x2="{WIDTH - 10}" y1="{zero}" y2="{zero}" stroke="#999"/>']
    for i, month in enumerate(months):
        height = (INTENSITY_AREA / 2) * abs(month.intensity) / peak
        y = zero - height if month.intensity >= 0 else zero
        colour = QUAD_COLOURS[0] if month.intensity >= 0 else QUAD_COLOURS[3]
        shapes.append(f'<rect x="{LEFT + i * step:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" '
                      f'height="{height:.1f}" fill="{colour}"><title>{escape(month.month)}: '
                      f"intensity {month.intensity:+.1f}</title></rect>")
    return shapes


def _month_labels(months: Sequence[MonthActivity], step: float) -> list[str]:
    every = max(1, len(months) // 12)
    y = TOP + BAR_AREA + 20 + INTENSITY_AREA + 16
    return [f'<text x="{LEFT + i * step:.1f}" y="{y}" font-size="10">{escape(m.month)}</text>'
            for i, m in enumerate(months) if i % every == 0]


def activity_chart(months: Sequence[MonthActivity]) -> str:
    """An SVG of events per month (stacked by quad class) above summed intensity per month."""
    if not months:
        return "<p>No dated events.</p>"
    step = (WIDTH - LEFT - 10) / len(months)
    peak = max(sum(m.by_quad) for m in months) or 1
    peak_intensity = max(abs(m.intensity) for m in months) or 1.0
    height = TOP + BAR_AREA + 20 + INTENSITY_AREA + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="events per month">',
        f'<text x="{LEFT}" y="12" font-size="11">events per month (max {peak})</text>',
        *_count_bars(months, step, peak),
        f'<text x="{LEFT}" y="{TOP + BAR_AREA + 14}" font-size="11">summed PLOVER intensity '
        f"(±{peak_intensity:.1f})</text>",
        *_intensity_bars(months, step, peak_intensity),
        *_month_labels(months, step),
        "</svg>",
    ]
    return "\n".join(parts)
