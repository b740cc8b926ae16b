"""The read side shared by the CLI, the library and the web app: questions asked of the store.

Besides events, articles, timelines and stories (and the actor profiles of the web app's actor
page): ``find`` turns an id as a person types it (a
whole event or article id, or the start of one, as tables print them) into what ``show``
prints; ``activity`` counts events per month without pretending that a date known only to the
year fell in January.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsevents.actors.entries import SECTOR_CODES, KBEntry
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.models import (
    Actor,
    Article,
    Event,
    EventFilter,
    Precision,
    Quote,
    Story,
    TimelineEntry,
)
from newsevents.store import Store, StoredActor
from newsevents.errors import UnknownIdError
from newsevents.ingest.article import valid_text as typed  # what a user typed, storable
from newsevents.stories import build_timeline, date_document
from newsevents.stories.dated import split_sentences


def articles(store: Store, *, search: str | None = None, limit: int | None = None,
             offset: int = 0) -> Iterator[Article]:
    """Stored articles, oldest first; ``search`` is a full-text query over titles and texts."""
    return store.iter_articles(search=typed(search), limit=limit, offset=offset)


def count_articles(store: Store, search: str | None = None) -> int:
    """How many articles :func:`articles` gives with ``search`` and no limit."""
    return store.count_articles(typed(search))


def article(store: Store, article_id: str) -> Article | None:
    """One stored article by id, with what ingest cut from its page."""
    return store.get_article(typed(article_id) or "")


def stats(store: Store) -> dict[str, int]:
    return store.stats()


def events(store: Store, flt: EventFilter) -> Iterator[Event]:
    """Stored events matching the filter, by date."""
    return store.query_events(flt)


def count_events(store: Store, flt: EventFilter) -> int:
    """How many events match ``flt``, whatever its limit and offset."""
    return store.count_events(flt)


def count_by_type(store: Store, flt: EventFilter) -> list[tuple[str, int]]:
    """(PLOVER type, events matching ``flt``), most frequent first."""
    return store.count_by_type(flt)


def events_with_articles(store: Store, flt: EventFilter) -> Iterator[tuple[Event, Article | None]]:
    """Events with the article each came from (read once per article)."""
    cache: dict[str, Article | None] = {}
    for event in store.query_events(flt):
        if event.article_id not in cache:
            cache[event.article_id] = store.get_article(event.article_id)
        yield event, cache[event.article_id]


Counts = tuple[int, int, int]


def clustered_events(
    store: Store, flt: EventFilter
) -> Iterator[tuple[Event, Article | None, Counts]]:
    """One row per real-world event: the first matching mention of each cluster, with the
    cluster's mention, source and article counts (as GDELT's NumMentions/Sources/Articles)."""
    return merged(store, list(events_with_articles(store, flt)))


def merged(store: Store, pairs: Sequence[tuple[Event, Article | None]]
           ) -> Iterator[tuple[Event, Article | None, Counts]]:
    """The first of ``pairs`` in each cluster, with the cluster's counts (see above)."""
    clusters = [e.cluster_id for e, _ in pairs if e.cluster_id]
    counts = store.cluster_counts(sorted(set(clusters)))
    seen: set[str] = set()
    for event, article in pairs:
        key = event.cluster_id or event.event_id
        if key not in seen:
            seen.add(key)
            yield event, article, counts.get(key, (1, 1, 1))


def event_record(event: Event, article: Article | None, counts: Counts | None = None) -> dict:
    """The JSON line of ``newsevents events``: the EVENT record plus where it came from."""
    record = event.to_json()
    record["article_id"] = event.article_id
    record["article_title"] = article.title if article else None
    record["published"] = article.published.iso() if article and article.published else None
    if counts is not None:
        record["num_mentions"], record["num_sources"], record["num_articles"] = counts
    return record


def story_articles(store: Store, flt: EventFilter, text: str | None = None) -> list[Article]:
    """The articles a timeline or report is about: those with events matching the filter's
    parties or types, and/or those matching a full-text query; every article when neither."""
    narrowed = flt.actor or flt.recipient or flt.dyad or flt.types
    ids: set[str] | None = None
    if narrowed:
        ids = {event.article_id for event in store.query_events(replace(flt, limit=None))}
    if text:
        found = {article.id for article in store.iter_articles(search=typed(text))}
        ids = found if ids is None else ids & found
    return [a for a in store.iter_articles() if ids is None or a.id in ids]


def timeline(store: Store, flt: EventFilter, *, text: str | None = None, max_dates: int = 10,
             per_date: int = 2) -> list[TimelineEntry]:
    """The ``max_dates`` most referred-to days of the selected articles, ``per_date`` sentences
    each (DATEWISE; see docs/timelines.md). Articles need a day-precision date to take part."""
    return timeline_of(story_articles(store, flt, text), text=text, max_dates=max_dates,
                       per_date=per_date, since=flt.since, until=flt.until)


def timeline_of(chosen: Iterable[Article], *, text: str | None = None, max_dates: int = 10,
                per_date: int = 2, since: dt.date | None = None,
                until: dt.date | None = None) -> list[TimelineEntry]:
    """The timeline of these articles (those with a day-precision date take part)."""
    docs = [date_document(a.id, a.text, a.published.day) for a in chosen
            if a.published is not None and a.published.precision is Precision.DAY]
    return build_timeline(docs, max_dates=max_dates, per_date=per_date, query=text,
                          since=since, until=until)


def timeline_record(entries: Sequence[TimelineEntry]) -> dict:
    """``{"timeline": [{"date", "sentences", "sources"}]}`` as docs/schema.md describes."""
    return {"timeline": [{"date": e.date.isoformat(), "sentences": list(e.sentences),
                          "sources": list(e.sources)} for e in entries]}


# --- one event or article by id (``newsevents show``) -------------------------------------

CANDIDATES = 5  # ids named when a shortened id is ambiguous


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
    ident = (typed(ident) or "").strip()
    event = store.get_event(ident) if ident else None
    if event is not None:
        return event_view(store, event)
    stored = article(store, ident) if ident else None
    if stored is not None:
        return article_view(store, stored)
    event_ids, article_ids = store.ids_starting(ident, CANDIDATES) if ident else ([], [])
    if len(event_ids) + len(article_ids) == 1:
        return find(store, (event_ids or article_ids)[0])
    if not event_ids and not article_ids:
        raise UnknownIdError(ident, f"no stored event or article has the id {ident!r} "
                             "(`newsevents events` and `newsevents articles` list them)")
    named = [f"event {i}" for i in event_ids] + [f"article {i}" for i in article_ids]
    raise UnknownIdError(ident, f"the id {ident!r} is the start of several: "
                         f"{', '.join(named)}{' …' if len(named) >= CANDIDATES else ''}; "
                         "give more of it")


def event_view(store: Store, event: Event) -> EventView:
    """The event with its article, its sentence in context and the other mentions of it."""
    source = article(store, event.article_id)
    mentions: list[tuple[Event, Article | None]] = []
    counts = None
    if event.cluster_id is not None:
        counts = store.cluster_counts([event.cluster_id]).get(event.cluster_id)
        sources = {event.article_id: source}
        for other in store.cluster_events(event.cluster_id):
            if other.event_id != event.event_id:
                if other.article_id not in sources:
                    sources[other.article_id] = article(store, other.article_id)
                mentions.append((other, sources[other.article_id]))
    return EventView(event, source, sentence_context(event, source), tuple(mentions), counts)


def article_view(store: Store, article: Article) -> ArticleView:
    flt = EventFilter(article_id=article.id, include_negated=True, include_hypothetical=True)
    found = sorted(events(store, flt), key=lambda e: (e.sentence_index, e.char_start))
    return ArticleView(article, tuple(found))


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
    return activity_of(events(store, replace(flt, limit=None)))


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


# --- stories, quotes and actors (the web app's pages) -------------------------------------------


def story(store: Store, story_id: str) -> Story | None:
    return store.get_story(story_id)


def stories(store: Store) -> list[Story]:
    """Every story, oldest first."""
    return list(store.iter_stories())


def story_events(store: Store, found: Story) -> list[tuple[Event, Article | None, Counts]]:
    """The story's events merged across its articles (:func:`merged`), by date."""
    pairs: list[tuple[Event, Article | None]] = []
    for article_id in found.article_ids:
        pairs += events_with_articles(store, EventFilter(article_id=article_id))
    pairs.sort(key=lambda pair: _event_order(pair[0]))
    return list(merged(store, pairs))


def _event_order(event: Event) -> tuple:
    """:meth:`Store.query_events`' order: by date (undated last), article, place in it."""
    day = event.date.day if event.date else dt.date.max
    return event.date is None, day, event.article_id, event.sentence_index, event.char_start


def story_timeline(store: Store, found: Story, *, max_dates: int = 10,
                   per_date: int = 2) -> list[TimelineEntry]:
    chosen = [a for a in (article(store, i) for i in found.article_ids) if a is not None]
    return timeline_of(chosen, max_dates=max_dates, per_date=per_date)


def quotes(store: Store, article_id: str) -> list[Quote]:
    """The article's attributed quotes, in text order."""
    return list(store.iter_quotes(article_id))


@dataclass(frozen=True, slots=True)
class Partner:
    """Another party of an actor's events: ``acted_on`` counts the events where the actor acts
    on it, ``acted_by`` those where it acts on the actor."""

    name: str  # canonical name, else code, else the words of the text
    code: str | None
    acted_on: int
    acted_by: int

    @property
    def events(self) -> int:
        return self.acted_on + self.acted_by


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """What the store knows of one actor (``value`` as the store matches it: RUS, RUSGOV,
    Khalifa Haftar): its events in both roles, partners ranked, monthly activity, the ways the
    texts named it, the knowledge base's entries for it and the actors the store learned."""

    value: str
    as_actor: tuple[Event, ...]
    as_target: tuple[Event, ...]
    partners: tuple[Partner, ...]
    activity: tuple[PeriodActivity, ...]
    seen_as: tuple[tuple[Actor, int], ...]  # distinct (words, code, sector, name), how often
    entries: tuple[KBEntry, ...]  # the knowledge base's entry and the person's offices
    learned: tuple[StoredActor, ...]


def actor_profile(store: Store, kb: KnowledgeBase, value: str) -> ActorProfile:
    """The profile of ``value``, a resolved filter value (``filters.PartyResolver.resolve``)."""
    as_actor = tuple(events(store, EventFilter(actor=value)))
    as_target = tuple(events(store, EventFilter(recipient=value)))
    both = {e.event_id: e for e in (*as_actor, *as_target)}
    seen: dict[Actor, int] = {}
    for party in _matching_parties(value, as_actor, as_target):
        key = Actor(party.text, party.code, party.sector, party.name)
        seen[key] = seen.get(key, 0) + 1
    return ActorProfile(
        value, as_actor, as_target, _partners(value, as_actor, as_target),
        tuple(activity_of(sorted(both.values(), key=_event_order))),
        tuple(sorted(seen.items(), key=lambda item: (-item[1], item[0].text))),
        _kb_entries(kb, value), _learned(store, kb, value))


def _matching_parties(value: str, as_actor: Iterable[Event],
                      as_target: Iterable[Event]) -> Iterator[Actor]:
    yield from (a for e in as_actor for a in e.actors if party_matches(a, value))
    yield from (a for e in as_target for a in e.recipients if party_matches(a, value))


def party_matches(party: Actor, value: str) -> bool:
    """The store's test (store/queries.py): code, code+sector, canonical name or words equal
    to ``value`` with ASCII case folded (SQLite's NOCASE)."""
    folded = _nocase(value)
    candidates = (party.code, (party.code or "") + (party.sector or ""), party.name, party.text)
    return any(c and _nocase(c) == folded for c in candidates)


def _nocase(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)


def _partners(value: str, as_actor: Iterable[Event],
              as_target: Iterable[Event]) -> tuple[Partner, ...]:
    counts: dict[str, list] = {}
    for role, found in ((0, as_actor), (1, as_target)):
        for event in found:
            others = event.recipients if role == 0 else event.actors
            names = {_partner_key(p): p.code for p in others
                     if not party_matches(p, value) and _partner_key(p)}
            for name, code in names.items():
                row = counts.setdefault(name, [code, 0, 0])
                row[1 + role] += 1
    partners = [Partner(name, code, on, by) for name, (code, on, by) in counts.items()]
    return tuple(sorted(partners, key=lambda p: (-p.events, p.name)))


def _partner_key(party: Actor) -> str:
    return party.name or party.code or party.text


def _kb_entries(kb: KnowledgeBase, value: str) -> tuple[KBEntry, ...]:
    name = party_name(kb, value)
    entry = kb.lookup(name)
    offices = kb.offices_for(name)
    return tuple(offices) if offices else ((entry,) if entry is not None else ())


def _learned(store: Store, kb: KnowledgeBase, value: str) -> tuple[StoredActor, ...]:
    """The learned actors the store would match to ``value`` (or to its name) as a party."""
    values = {value, party_name(kb, value)}
    return tuple(actor for actor in store.known_actors()
                 if any(party_matches(Actor(alias, actor.code, actor.sector, actor.name), v)
                        for alias in (actor.name, *actor.aliases) for v in values))


def party_name(kb: KnowledgeBase, value: str) -> str:
    """What people call a resolved filter value: the knowledge base's name of a code (Russia
    for RUS), with the sector of a code+sector (RUSGOV: "Russia (government)"); any other
    value (a person's name) as it is."""
    code = value.strip().upper()
    if name := kb.name_of(code):
        return name
    sector = SECTOR_CODES.get(code[-3:])
    name = kb.name_of(code[:-3]) if sector and len(code) > 3 else None
    return f"{name} ({sector})" if name else value
