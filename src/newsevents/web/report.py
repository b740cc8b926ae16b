"""A self-contained HTML report on an actor, a dyad or a topic: timeline, chart, events.

One file with inline CSS and SVG, no scripts and no network: it opens offline in any browser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from string import Template

from newsevents import __version__
from newsevents.models import Actor, Article, Event, TimelineEntry
from newsevents.query import MonthActivity
from newsevents.web.charts import QUAD_COLOURS, QUAD_NAMES, activity_chart


@dataclass(frozen=True, slots=True)
class ReportData:
    title: str
    timeline: Sequence[TimelineEntry]
    months: Sequence[MonthActivity]
    events: Sequence[tuple[Event, Article | None]]
    titles: dict[str, str]  # article id -> headline (or first words), for sources


def _parties(actors: Sequence[Actor]) -> str:
    return ", ".join(escape(f"{a.name or a.text or a.code} ({a.code}/{a.sector or '-'})")
                     for a in actors) or "—"


def _timeline_html(entries: Sequence[TimelineEntry], titles: dict[str, str]) -> str:
    if not entries:
        return "<p>No dated articles match.</p>"
    items = []
    for entry in entries:
        sentences = "".join(f"<p>{escape(s)}</p>" for s in entry.sentences)
        sources = "; ".join(escape(titles.get(s, s)) for s in entry.sources)
        items.append(f'<li><span class="date">{entry.date.isoformat()}</span><div>{sentences}'
                     f'<div class="sources">Sources: {sources}</div></div></li>')
    return f'<ol class="timeline">{"".join(items)}</ol>'


def _events_html(events: Sequence[tuple[Event, Article | None]]) -> str:
    if not events:
        return "<p>No events match.</p>"
    rows = []
    for event, article in events:
        date = event.date.iso() if event.date else ""
        source = escape(article.title or article.source or article.id) if article else ""
        rows.append(
            f"<tr><td class='date'>{date}</td><td class='type'>{escape(event.type)}"
            f"{' / ' + escape(event.mode) if event.mode else ''}<br><small>CAMEO {event.cameo}"
            f"</small></td><td>{_parties(event.actors)}</td><td>{_parties(event.recipients)}</td>"
            f"<td>{escape(event.sentence)}</td><td>{source}</td></tr>")
    head = ("<tr><th>date</th><th>type</th><th>actor</th><th>recipient</th><th>sentence</th>"
            "<th>source</th></tr>")
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def months_table_html(months: Sequence[MonthActivity]) -> str:
    """Events and summed PLOVER intensity per month, with counts per quad class."""
    if not months:
        return ""
    head = "".join(f"<th>{escape(n)}</th>" for n in ("month", "events", "intensity", *QUAD_NAMES))
    rows = "".join(
        f"<tr><td>{m.month}</td><td>{m.events}</td><td>{m.intensity:+.1f}</td>"
        + "".join(f"<td>{c}</td>" for c in m.by_quad) + "</tr>" for m in months)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def render_report(data: ReportData) -> str:
    template = Template(files("newsevents.web").joinpath("templates/report.html").read_text(
        encoding="utf-8"))
    dated = [e.date.day for e, _ in data.events if e.date]
    span = f"{min(dated).isoformat()} – {max(dated).isoformat()}" if dated else "no dated events"
    summary = (f"{len(data.events)} events from {len({e.article_id for e, _ in data.events})} "
               f"articles, {span}.")
    legend = "".join(f'<span><i class="swatch" style="background:{c}"></i>{escape(n)}</span>'
                     for c, n in zip(QUAD_COLOURS, QUAD_NAMES, strict=True))
    return template.substitute(
        title=escape(data.title), summary=escape(summary), legend=legend,
        timeline=_timeline_html(data.timeline, data.titles),
        chart=activity_chart(data.months) + months_table_html(data.months),
        events=_events_html(data.events), version=__version__,
        made=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))
