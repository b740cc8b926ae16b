"""What the pages and the JSON API show of the typed objects: plain dicts built in one place.

Pure functions over :mod:`newsevents.models` and :mod:`newsevents.query` values. The HTML rows
carry raw text (the templates escape it); addresses inside the app are built here, with every
value URL-encoded, and links out of the app only to http(s) URLs (:func:`report.link`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from newsevents.actors.entries import KBEntry
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.models import Actor, Article, Event, Story
from newsevents.query import ActorProfile, PeriodActivity, party_name
from newsevents.render import date_label
from newsevents.web.report import sentence_parts, source

QUAD_KEYS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
Span = tuple[int, int, str]  # a trigger's start and end in a text, and its event's id


# --- addresses inside the app --------------------------------------------------------------


def segment(value: str) -> str:
    """One path segment: every reserved character (``/`` included) percent-encoded."""
    return quote(value, safe="")


def href(path: str, params: Iterable[tuple[str, Any]] = ()) -> str:
    """``path`` with ``params`` as its query; empty and None values are left out."""
    pairs = [(key, value) for key, value in params if value not in (None, "")]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def actor_href(value: str) -> str:
    return f"/actor/{segment(value)}"


def article_href(article_id: str) -> str:
    return f"/article/{segment(article_id)}"


def event_href(event_id: str) -> str:
    return f"/event/{segment(event_id)}"


def dyad_month_href(first: str, second: str, month: str) -> str:
    """The events of one month of a dyad, the parties as the dyad page's address gave them
    (the browser test's contract: ``/events?dyad=A,B&since=YYYY-MM&until=YYYY-MM``)."""
    return f"/events?dyad={segment(first)},{segment(second)}&since={month}&until={month}"


# --- rows of the HTML pages -------------------------------------------------------------------


def party(actor: Actor) -> dict[str, Any]:
    """An actor or recipient as a table shows it, linked to its actor page when it has a name
    or a code to look up."""
    key = actor.name or actor.code
    return {"label": actor.name or actor.text or actor.code or "?", "code": actor.code,
            "sector": actor.sector, "text": actor.text,
            "href": actor_href(key) if key else None}


def event_row(event: Event, article: Article | None) -> dict[str, Any]:
    """One event of an events table: the sentence split around its trigger, its source."""
    return {
        "id": event.event_id, "short_id": event.event_id[:8], "href": event_href(event.event_id),
        "iso": event.date.iso() if event.date else "", "date": date_label(event.date),
        "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "quad": event.quad_class, "intensity": f"{event.intensity:+.1f}",
        "negated": event.negated, "hypothetical": event.hypothetical,
        "actors": [party(a) for a in event.actors],
        "recipients": [party(a) for a in event.recipients],
        "sentence": sentence_parts(event),
        "source": {**source(event.article_id, article),
                   "href": article_href(event.article_id)},
    }


def article_row(article: Article) -> dict[str, Any]:
    return {**source(article.id, article), "href": article_href(article.id),
            "published": date_label(article.published),
            "published_source": article.published_source.value}


def period_row(period: PeriodActivity) -> dict[str, Any]:
    coop, conflict = sum(period.by_quad[:2]), sum(period.by_quad[2:])
    return {"label": period.label, "period": period.period, "events": period.events,
            "intensity": f"{period.intensity:+.1f}", "by_quad": period.by_quad,
            "cooperation": coop, "conflict": conflict,
            "year_only": period.precision.value == "year"}


def marked(text: str, events: Sequence[Event], quoted: Sequence[str], *,
           headline: bool) -> list[dict[str, Any]]:
    """:func:`text_runs` of an article's body (or, with ``headline``, its title) marking the
    triggers of its events and its quotations."""
    return text_runs(text, trigger_spans(events, text, headline), quote_spans(quoted, text))


def text_runs(text: str, triggers: Sequence[Span],
              quotes: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    """``text`` cut into runs, each inside or outside a quote and a trigger (``(start, end,
    event_id)``) or not, so a template can mark them without building markup from the text.
    A span that does not fit in ``text`` marks nothing."""
    triggers = [t for t in triggers if 0 <= t[0] < t[1] <= len(text)]  # drop stale offsets
    quotes = [q for q in quotes if 0 <= q[0] < q[1] <= len(text)]
    cuts = sorted({0, len(text), *(p for s, e, *_ in (*triggers, *quotes) for p in (s, e))})
    runs: list[dict[str, Any]] = []
    for start, end in zip(cuts, cuts[1:]):
        event = next((ident for s, e, ident in triggers if s <= start and end <= e), None)
        quoted = any(s <= start and end <= e for s, e in quotes)
        if runs and runs[-1]["event"] == event and runs[-1]["quote"] == quoted:
            runs[-1]["text"] += text[start:end]
        else:
            runs.append({"text": text[start:end], "event": event, "quote": quoted})
    return runs


def trigger_spans(events: Iterable[Event], text: str, headline: bool) -> list[Span]:
    """Where each event's trigger stands in the body (or, with ``headline``, the title): its
    stored offsets when they point at the trigger."""
    return [(e.char_start, e.char_end, e.event_id) for e in events
            if (e.sentence_index < 0) == headline and text[e.char_start:e.char_end] == e.trigger
            and e.trigger]


def quote_spans(quoted: Iterable[str], text: str) -> list[tuple[int, int]]:
    """The first place of each quotation in ``text`` (quotes are stored without offsets)."""
    spans = []
    for words in quoted:
        where = text.find(words) if words else -1
        if where >= 0:
            spans.append((where, where + len(words)))
    return spans


# --- JSON records of the API ----------------------------------------------------------------


def period_record(period: PeriodActivity) -> dict[str, Any]:
    """As a row of ``activity --format csv``."""
    return {"period": period.period, "precision": period.precision.value,
            "events": period.events, "intensity": period.intensity,
            **dict(zip(QUAD_KEYS, period.by_quad, strict=True))}


def article_summary(article: Article) -> dict[str, Any]:
    """An article's record (docs/schema.md) without its text."""
    record = article.to_json()
    del record["text"]
    return record


def story_record(story: Story) -> dict[str, Any]:
    """As ``newsevents stories --format jsonl`` writes it."""
    return {"story_id": story.story_id, "label": story.label,
            "first_date": story.first_date and story.first_date.isoformat(),
            "last_date": story.last_date and story.last_date.isoformat(),
            "article_ids": list(story.article_ids)}


def entry_record(entry: KBEntry) -> dict[str, Any]:
    return {"name": entry.name, "kind": entry.kind.value, "code": entry.code,
            "sector": entry.sector, "office": entry.office, "aliases": list(entry.aliases),
            "start": entry.start and entry.start.isoformat(),
            "end": entry.end and entry.end.isoformat()}


def profile_record(profile: ActorProfile, kb: KnowledgeBase) -> dict[str, Any]:
    """The actor page's facts; its events are counted here, listed by ``/api/events``."""
    return {
        "value": profile.value, "name": party_name(kb, profile.value),
        "events_as_actor": len(profile.as_actor), "events_as_target": len(profile.as_target),
        "partners": [{"name": p.name, "code": p.code, "acted_on": p.acted_on,
                      "acted_by": p.acted_by, "events": p.events} for p in profile.partners],
        "activity": [period_record(p) for p in profile.activity],
        "seen_as": [{**actor.to_json(), "events": count} for actor, count in profile.seen_as],
        "knowledge_base": [entry_record(e) for e in profile.entries],
        "learned": [{"name": a.name, "aliases": list(a.aliases), "code": a.code,
                     "sector": a.sector, "mentions": a.mentions, "origin": a.origin,
                     "first_seen": a.first_seen and a.first_seen.isoformat(),
                     "last_seen": a.last_seen and a.last_seen.isoformat()}
                    for a in profile.learned],
    }


def timeline_rows(entries: Iterable[Any], articles: Mapping[str, Article | None]
                  ) -> list[dict[str, Any]]:
    """Timeline entries with their sources as the pages link them."""
    return [{"date": entry.date.isoformat(), "sentences": entry.sentences,
             "sources": [{**source(s, articles.get(s)), "href": article_href(s)}
                         for s in entry.sources]}
            for entry in entries]
