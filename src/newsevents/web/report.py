"""A self-contained HTML report on an actor, a dyad or a topic: timeline, chart, events.

One file with inline CSS and SVG, no scripts and no network: it opens offline in any browser.
The page is a Jinja2 template (``templates/report.html``) rendered with autoescaping on, so every
value from the articles (titles, sentences, names) is escaped; only the chart, which
:mod:`newsevents.web.charts` builds with its own escaping, is inserted as markup. Links go only
to http(s) URLs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from newsevents import __version__
from newsevents.query import PeriodActivity
from newsevents.models import Actor, Article, Event, Precision, TimelineEntry
from newsevents.render import date_label
from newsevents.web.charts import QUAD_COLOURS, QUAD_NAMES, activity_chart

LINK_SCHEMES = ("http", "https")
SOURCE_WORDS = 80  # characters of an untitled article's text that stand for its title


@dataclass(frozen=True, slots=True)
class ReportData:
    title: str
    timeline: Sequence[TimelineEntry]
    periods: Sequence[PeriodActivity]
    events: Sequence[tuple[Event, Article | None]]
    articles: Mapping[str, Article]  # article id -> article, for the timeline's sources


@cache
def _template() -> Template:
    env = Environment(loader=PackageLoader("newsevents.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html")


def link(url: str | None) -> str | None:
    """``url`` when a browser may follow it from the report (http or https), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in LINK_SCHEMES else None


def source(article_id: str, article: Article | None) -> dict[str, str | None]:
    """What the report shows of an article: its title (else its first words, else its id),
    its outlet, and its URL when it can be linked."""
    if article is None:
        return {"title": article_id, "outlet": None, "url": None, "id": article_id}
    title = article.title or " ".join(article.text[:SOURCE_WORDS].split()) or article.id
    return {"title": title, "outlet": article.source, "url": link(article.url), "id": article.id}


def _parties(actors: Sequence[Actor]) -> str:
    return "; ".join(f"{a.name or a.text or a.code or '?'} ({a.code or '?'}/{a.sector or '-'})"
                     for a in actors) or "—"


def sentence_parts(event: Event) -> tuple[str, str, str]:
    """The sentence as (before, trigger, after), for the template to mark the trigger."""
    sentence, trigger = event.sentence, event.trigger
    where = sentence.find(trigger) if trigger else -1
    if where < 0:
        return sentence, "", ""
    return sentence[:where], trigger, sentence[where + len(trigger):]


def _event_row(event: Event, article: Article | None) -> dict[str, Any]:
    return {
        "id": event.event_id, "date": date_label(event.date), "type": event.type,
        "mode": event.mode, "cameo": event.cameo, "negated": event.negated,
        "hypothetical": event.hypothetical, "actors": _parties(event.actors),
        "recipients": _parties(event.recipients), "sentence": sentence_parts(event),
        "source": source(event.article_id, article),
    }


def _summary(events: Sequence[tuple[Event, Article | None]]) -> str:
    dated = [e.date.day for e, _ in events if e.date]
    span = f"{min(dated).isoformat()} – {max(dated).isoformat()}" if dated else "no dated events"
    return f"{len(events)} events from {len({e.article_id for e, _ in events})} articles, {span}."


def render_report(data: ReportData) -> str:
    timeline = [{"date": entry.date.isoformat(), "sentences": entry.sentences,
                 "sources": [source(s, data.articles.get(s)) for s in entry.sources]}
                for entry in data.timeline]
    periods = [{"label": p.label, "year_only": p.precision is Precision.YEAR, "events": p.events,
                "intensity": f"{p.intensity:+.1f}", "by_quad": p.by_quad} for p in data.periods]
    return _template().render(
        title=data.title, summary=_summary(data.events), timeline=timeline,
        legend=list(zip(QUAD_COLOURS, QUAD_NAMES, strict=True)), quad_names=QUAD_NAMES,
        chart=Markup(activity_chart(data.periods)), periods=periods,  # noqa: S704 - escaped SVG
        events=[_event_row(e, a) for e, a in data.events], version=__version__,
        made=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))
