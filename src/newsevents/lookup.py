"""Read-side questions of ``newsevents show`` and ``activity``, beside query.py until they join it.

``find`` turns an id as a person types it (a whole event or article id, or the start of one, as
tables print them) into what ``show`` prints; ``activity`` counts events per month without
pretending that a date known only to the year fell in January.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsevents import query
from newsevents.errors import NewsEventsError
from newsevents.models import Article, Event, EventFilter, Precision
from newsevents.store import Store
from newsevents.stories.dated import split_sentences

Counts = tuple[int, int, int]  # mentions, sources, articles of a cluster
CANDIDATES = 5  # ids named when a shortened id is ambiguous


class UnknownIdError(NewsEventsError):
    """An id that names no stored event or article, or the start of several."""

    def __init__(self, ident: str, message: str) -> None:
        super().__init__(ident, message)
        self.ident = ident
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """The event's sentence with its neighbours in the article; ``trigger`` is the (start, end)
    of the trigger inside ``sentence``, None where the stored offsets do not point at it."""

    before: str | None
    sentence: str
    trigger: tuple[int, int] | None
    after: str | None


@dataclass(frozen=True, slots=True)
class EventView:
    event: Event
    article: Article | None
    context: SentenceContext
    cluster: tuple[tuple[Event, Article | None], ...]  # the other mentions of the same event
    counts: Counts | None  # of the cluster; None for an event in no cluster


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    events: tuple[Event, ...]  # all of them, negated and hypothetical included


def find(store: Store, ident: str) -> EventView | ArticleView:
    """The event or article ``ident`` names: an exact id, else the only id beginning with it.

    Raises :class:`UnknownIdError` naming ``ident`` when nothing or several things match.
    """
    ident = ident.strip()
    event = store.get_event(ident) if ident else None
    if event is not None:
        return event_view(store, event)
    article = query.article(store, ident) if ident else None
    if article is not None:
        return article_view(store, article)
    events, articles = store.ids_starting(ident, CANDIDATES) if ident else ([], [])
    if len(events) + len(articles) == 1:
        return find(store, (events or articles)[0])
    if not events and not articles:
        raise UnknownIdError(ident, f"no stored event or article has the id {ident!r} "
                             "(`newsevents events` and `newsevents articles` list them)")
    named = [f"event {i}" for i in events] + [f"article {i}" for i in articles]
    raise UnknownIdError(ident, f"the id {ident!r} is the start of several: "
                         f"{', '.join(named)}{' …' if len(named) >= CANDIDATES else ''}; "
                         "give more of it")


def event_view(store: Store, event: Event) -> EventView:
    article = query.article(store, event.article_id)
    mentions: list[tuple[Event, Article | None]] = []
    counts = None
    if event.cluster_id is not None:
        counts = store.cluster_counts([event.cluster_id]).get(event.cluster_id)
        articles = {event.article_id: article}
        for other in store.cluster_events(event.cluster_id):
            if other.event_id != event.event_id:
                if other.article_id not in articles:
                    articles[other.article_id] = query.article(store, other.article_id)
                mentions.append((other, articles[other.article_id]))
    return EventView(event, article, sentence_context(event, article), tuple(mentions), counts)


def article_view(store: Store, article: Article) -> ArticleView:
    flt = EventFilter(article_id=article.id, include_negated=True, include_hypothetical=True)
    events = sorted(query.events(store, flt), key=lambda e: (e.sentence_index, e.char_start))
    return ArticleView(article, tuple(events))


def sentence_context(event: Event, article: Article | None) -> SentenceContext:
    """Where the sentence stands in the article (the title for a headline event): the rule
    splitter's sentences just before and after it, and the trigger's place in it."""
    text = (article.title or "") if article and event.sentence_index < 0 else (
        article.text if article else "")
    start = _sentence_start(text, event)
    if start is None:
        where = event.sentence.find(event.trigger) if event.trigger else -1
        trigger = (where, where + len(event.trigger)) if where >= 0 else None
        return SentenceContext(None, event.sentence, trigger, None)
    end = start + len(event.sentence)
    spans = split_sentences(text)
    before = [text[s:e] for s, e in spans if e <= start]
    after = [text[s:e] for s, e in spans if s >= end]
    trigger = (event.char_start - start, event.char_end - start)
    if text[event.char_start:event.char_end] != event.trigger or event.char_end > end:
        where = event.sentence.find(event.trigger) if event.trigger else -1
        trigger = (where, where + len(event.trigger)) if where >= 0 else None
    return SentenceContext(before[-1] if before else None, event.sentence, trigger,
                           after[0] if after else None)


def _sentence_start(text: str, event: Event) -> int | None:
    """Offset of the occurrence of the event's sentence that holds its trigger (else the first)."""
    if not event.sentence:
        return None
    found, first = text.find(event.sentence), None
    while found >= 0:
        first = found if first is None else first
        if found <= event.char_start < found + len(event.sentence):
            return found
        found = text.find(event.sentence, found + 1)
    return first


# --- activity by the precision the dates have --------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeriodActivity:
    """Events of one month, or of one year for the events known only to the year.

    ``period`` is ``2011-03`` for a month and ``2011`` for the year-only row of 2011.
    """

    period: str
    precision: Precision  # MONTH or YEAR
    events: int
    intensity: float
    by_quad: tuple[int, int, int, int]

    @property
    def label(self) -> str:
        return self.period if self.precision is Precision.MONTH else f"{self.period} (year only)"


def activity(store: Store, flt: EventFilter) -> list[PeriodActivity]:
    """:func:`activity_of` the events matching ``flt`` (every one of them: no limit)."""
    return activity_of(query.events(store, replace(flt, limit=None)))


def activity_of(events: Iterable[Event]) -> list[PeriodActivity]:
    """Per month: how many events, their summed PLOVER intensity, counts per quad class.

    An event dated to a day, a week or a month counts in its month (a week in the month of its
    Thursday, which holds most of its days); one known only to the year counts in a row of its
    own for that year, after the year's months, never in January. Undated events count nowhere.
    """
    rows: dict[tuple[int, int], list[float]] = {}
    for event in events:
        if event.date is None:
            continue
        key = _period_key(event.date.day, event.date.precision)
        row = rows.setdefault(key, [0, 0.0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += event.intensity
        if 1 <= event.quad_class <= 4:
            row[1 + event.quad_class] += 1
    return [_period_row(key, row) for key, row in sorted(rows.items())]


YEAR_ROW = 13  # sorts the year-only row after December


def _period_key(day: dt.date, precision: Precision) -> tuple[int, int]:
    if precision is Precision.YEAR:
        return day.year, YEAR_ROW
    if precision is Precision.WEEK:
        day += dt.timedelta(days=3)
    return day.year, day.month


def _period_row(key: tuple[int, int], row: list[float]) -> PeriodActivity:
    year, month = key
    quads = (int(row[2]), int(row[3]), int(row[4]), int(row[5]))
    if month == YEAR_ROW:
        return PeriodActivity(f"{year:04d}", Precision.YEAR, int(row[0]), round(row[1], 2), quads)
    return PeriodActivity(f"{year:04d}-{month:02d}", Precision.MONTH, int(row[0]),
                          round(row[1], 2), quads)
