"""Inline SVG charts: monthly event counts (bars stacked by quad class) and summed intensity.

Hand-written SVG keeps the report self-contained and offline, with no plotting dependency.
Months run without gaps from the first to the last (a month without events is an empty slot);
events known only to the year have no month to stand in and are counted in a line below. In the
web app each month is a link (to the events of that month).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from newsevents.query import PeriodActivity
from newsevents.models import Precision


QUAD_COLOURS = ("#4c9f70", "#2d6a4f", "#e9a23b", "#c8553d")  # verbal/material coop, conflict
QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
WIDTH, BAR_AREA, INTENSITY_AREA, LEFT, TOP = 760, 160, 90, 40, 20
MonthHref = Callable[[str], str]  # "2011-03" -> the address that month links to


def _count_bars(month: PeriodActivity, x: float, step: float, peak: int) -> list[str]:
    shapes, base = [], TOP + BAR_AREA
    for quad, count in enumerate(month.by_quad):
        height = BAR_AREA * count / peak
        base -= height
        shapes.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{step * 0.8:.1f}" '
                      f'height="{height:.1f}" fill="{QUAD_COLOURS[quad]}">'
                      f"<title>{escape(month.period)}: {count} {QUAD_NAMES[quad]}"
                      "</title></rect>")
    return shapes


def _zero_line() -> tuple[float, str]:
    zero = TOP + BAR_AREA + 20 + INTENSITY_AREA / 2
    return zero, f'<line x1="{LEFT}" x2="{WIDTH - 10}" y1="{zero}" y2="{zero}" stroke="#999"/>'


def _intensity_bar(month: PeriodActivity, x: float, step: float, peak: float) -> str:
    zero = _zero_line()[0]
    height = (INTENSITY_AREA / 2) * abs(month.intensity) / peak
    y = zero - height if month.intensity >= 0 else zero
    colour = QUAD_COLOURS[0] if month.intensity >= 0 else QUAD_COLOURS[3]
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" '
            f'height="{height:.1f}" fill="{colour}"><title>{escape(month.period)}: '
            f"intensity {month.intensity:+.1f}</title></rect>")


def _month_shapes(months: Sequence[PeriodActivity], step: float, peaks: tuple[int, float],
                  month_href: MonthHref | None) -> list[str]:
    """Each month's bars; with ``month_href``, wrapped in a link (``<a class="month"
    data-month="YYYY-MM">``) that a click anywhere in the month's column follows."""
    shapes = []
    for i, month in enumerate(months):
        x = LEFT + i * step
        bars = [*_count_bars(month, x, step, peaks[0]), _intensity_bar(month, x, step, peaks[1])]
        if month_href is None:
            shapes += bars
            continue
        target = escape(month_href(month.period), quote=True)
        hit = (f'<rect class="hit" x="{x:.1f}" y="{TOP}" width="{step:.1f}" '
               f'height="{BAR_AREA + 20 + INTENSITY_AREA}" fill="#000" fill-opacity="0"/>')
        shapes += [f'<a class="month" data-month="{escape(month.period, quote=True)}" '
                   f'href="{target}">', hit, *bars, "</a>"]
    return shapes


def _month_labels(months: Sequence[PeriodActivity], step: float) -> list[str]:
    every = max(1, len(months) // 12)
    y = TOP + BAR_AREA + 20 + INTENSITY_AREA + 16
    return [f'<text x="{LEFT + i * step:.1f}" y="{y}" font-size="10">{escape(m.period)}</text>'
            for i, m in enumerate(months) if i % every == 0]


def _every_month(periods: Sequence[PeriodActivity]) -> list[PeriodActivity]:
    """The month rows, with an empty row for each month between them that has no events."""
    known = {p.period: p for p in periods if p.precision is Precision.MONTH}
    if not known:
        return []
    first, last = min(known), max(known)
    year, month = int(first[:4]), int(first[5:])
    months = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        months.append(known.get(label) or PeriodActivity(label, Precision.MONTH, 0, 0.0,
                                                         (0, 0, 0, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _year_only_note(periods: Sequence[PeriodActivity], y: int) -> str:
    years = [p for p in periods if p.precision is Precision.YEAR]
    if not years:
        return ""
    counts = ", ".join(f"{escape(p.period)}: {p.events}" for p in years)
    return (f'<text x="{LEFT}" y="{y}" font-size="11">not in the bars, events known only to '
            f"the year: {counts}</text>")


def activity_chart(periods: Sequence[PeriodActivity],
                   month_href: MonthHref | None = None) -> str:
    """An SVG of events per month (stacked by quad class) above summed intensity per month;
    year-only rows are counted in a line under the chart. ``month_href`` gives the address a
    month links to ("2011-03" -> "/events?…"), for the web app; none by default."""
    months = _every_month(periods)
    if not periods:
        return "<p>No dated events.</p>"
    slots = max(len(months), 1)
    step = (WIDTH - LEFT - 10) / slots
    peak = max((sum(m.by_quad) for m in months), default=0) or 1
    peak_intensity = max((abs(m.intensity) for m in months), default=0.0) or 1.0
    height = TOP + BAR_AREA + 20 + INTENSITY_AREA + 30
    note = _year_only_note(periods, height + 4)
    height += 18 if note else 0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="events per month">',
        f'<text x="{LEFT}" y="12" font-size="11">events per month (max {peak})</text>',
        f'<text x="{LEFT}" y="{TOP + BAR_AREA + 14}" font-size="11">summed PLOVER intensity '
        f"(±{peak_intensity:.1f})</text>",
        _zero_line()[1],
        *_month_shapes(months, step, (peak, peak_intensity), month_href),
        *_month_labels(months, step),
        *([note] if note else []),
        "</svg>",
    ]
    return "\n".join(parts)
