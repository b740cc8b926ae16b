"""The read side shared by the CLI and the web app: questions asked of the store."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from newsevents.models import Article, Event, EventFilter, Precision, TimelineEntry
from newsevents.store import Store
from newsevents.stories import build_timeline, date_document


def articles(store: Store, *, search: str | None = None, limit: int | None = None) -> Iterator[Article]:
    """Stored articles, oldest first; ``search`` is a full-text query over titles and texts."""
    return store.iter_articles(search=search, limit=limit)


def article(store: Store, article_id: str) -> Article | None:
    """One stored article by id, with what ingest cut from its page."""
    return store.get_article(article_id)


def stats(store: Store) -> dict[str, int]:
    return store.stats()


def events(store: Store, flt: EventFilter) -> Iterator[Event]:
    """Stored events matching the filter, by date."""
    return store.query_events(flt)


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
    pairs = list(events_with_articles(store, flt))
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
        found = {article.id for article in store.iter_articles(search=text)}
        ids = found if ids is None else ids & found
    return [a for a in store.iter_articles() if ids is None or a.id in ids]


def timeline(store: Store, flt: EventFilter, *, text: str | None = None, max_dates: int = 10,
             per_date: int = 2) -> list[TimelineEntry]:
    """The ``max_dates`` most referred-to days of the selected articles, ``per_date`` sentences
    each (DATEWISE; see docs/timelines.md). Articles need a day-precision date to take part."""
    docs = [date_document(a.id, a.text, a.published.day) for a in story_articles(store, flt, text)
            if a.published is not None and a.published.precision is Precision.DAY]
    return build_timeline(docs, max_dates=max_dates, per_date=per_date, query=text,
                          since=flt.since, until=flt.until)


def timeline_record(entries: Sequence[TimelineEntry]) -> dict:
    """``{"timeline": [{"date", "sentences", "sources"}]}`` as docs/schema.md describes."""
    return {"timeline": [{"date": e.date.isoformat(), "sentences": list(e.sentences),
                          "sources": list(e.sources)} for e in entries]}


@dataclass(frozen=True, slots=True)
class MonthActivity:
    month: str
    events: int
    intensity: float
    by_quad: tuple[int, int, int, int]


def monthly_activity(store: Store, flt: EventFilter) -> list[MonthActivity]:
    """Per month: how many events match, their summed PLOVER intensity, counts per quad class."""
    counts: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0, 0, 0])
    for event in store.query_events(replace(flt, limit=None)):
        if event.date is None:
            continue
        row = counts[event.date.day.strftime("%Y-%m")]
        row[0] += 1
        row[1] += event.intensity
        row[1 + event.quad_class] += 1
    return [MonthActivity(month, int(r[0]), round(r[1], 2), (int(r[2]), int(r[3]), int(r[4]), int(r[5])))
            for month, r in sorted(counts.items())]
