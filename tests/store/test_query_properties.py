"""Random events stored, then queried: the store agrees with a plain-Python reading of a filter."""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import Actor, Article, DateValue, Event, EventFilter, Precision
from newsevents.store import Store

from tests.store.minhash_standin import band_keys, minhash

ARTICLES = ("a1", "a2", "a3")
CODES = ("RUS", "rus", "USA", "UNO", None)
SECTORS = ("GOV", "MIL", None)
NAMES = ("Russia", "RUSSIA", "Genève", "United Nations", None)
TYPES = ("REJECT", "CONSULT", "ASSAULT")
SENTENCES = ("Russia vetoed the draft.", "Talks began.", "Shots fired.")
# Which sentences each search finds (stemmed, every word required, operators are words).
SEARCH_HITS = {
    "vetoed": {SENTENCES[0]},
    "talk": {SENTENCES[1]},
    "fired shots": {SENTENCES[2]},
    '"(AND': set(),
}
VALUES = ("RUS", "rus", "RUSGOV", "usamil", "russia", "genève", "united nations", "UNO", "x")

actors = st.builds(
    Actor,
    text=st.sampled_from(("Russia", "Moscow", "the UN", "GENÈVE")),
    code=st.sampled_from(CODES),
    sector=st.sampled_from(SECTORS),
    name=st.sampled_from(NAMES),
)
days = st.dates(dt.date(2010, 1, 1), dt.date(2012, 12, 31))
dates = st.builds(DateValue, days, st.sampled_from(Precision))
event_fields = st.fixed_dictionaries(
    {
        "article_id": st.sampled_from(ARTICLES),
        "type": st.sampled_from(TYPES),
        "actors": st.lists(actors, max_size=2).map(tuple),
        "recipients": st.lists(actors, max_size=2).map(tuple),
        "date": st.none() | dates,
        "negated": st.booleans(),
        "hypothetical": st.booleans(),
        "sentence": st.sampled_from(SENTENCES),
    }
)
maybe_value = st.none() | st.sampled_from(VALUES)
filters = st.builds(
    EventFilter,
    actor=maybe_value,
    recipient=maybe_value,
    dyad=st.none() | st.tuples(st.sampled_from(VALUES), st.sampled_from(VALUES)),
    types=st.lists(st.sampled_from(TYPES), max_size=2, unique=True).map(tuple),
    since=st.none() | days,
    until=st.none() | days,
    search=st.none() | st.sampled_from(sorted(SEARCH_HITS)),
    article_id=st.none() | st.sampled_from(ARTICLES),
    include_negated=st.booleans(),
    include_hypothetical=st.booleans(),
    limit=st.none() | st.integers(0, 5),
)


def build(index: int, fields: dict) -> Event:
    return Event(
        event_id=f"e{index}",
        mode=None,
        cameo="120",
        quad_class=3,
        intensity=-2.0,
        trigger=fields["sentence"].split()[1],
        sentence_index=0,
        char_start=0,
        char_end=1,
        **fields,
    )


ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold(text: str | None) -> str | None:
    """SQLite's NOCASE: ASCII letters only."""
    return text.translate(ASCII_LOWER) if text is not None else None


def names(actor: Actor) -> set[str | None]:
    code_sector = actor.code + actor.sector if actor.code and actor.sector else None
    return {fold(actor.code), fold(code_sector), fold(actor.name), fold(actor.text)}


def has(side: tuple[Actor, ...], value: str) -> bool:
    return any(fold(value) in names(actor) for actor in side)




def matches(event: Event, flt: EventFilter) -> bool:
    day = event.date.day if event.date else None
    checks = (
        flt.actor is None or has(event.actors, flt.actor),
        flt.recipient is None or has(event.recipients, flt.recipient),
        flt.dyad is None
        or (has(event.actors, flt.dyad[0]) and has(event.recipients, flt.dyad[1]))
        or (has(event.actors, flt.dyad[1]) and has(event.recipients, flt.dyad[0])),
        not flt.types or event.type in flt.types,
        flt.since is None or (day is not None and day >= flt.since),
        flt.until is None or (day is not None and day <= flt.until),
        flt.search is None or event.sentence in SEARCH_HITS[flt.search],
        flt.article_id is None or event.article_id == flt.article_id,
        flt.include_negated or not event.negated,
        flt.include_hypothetical or not event.hypothetical,
    )
    return all(checks)


def expected(events: list[Event], flt: EventFilter) -> list[Event]:
    """Reference: filter, then order by date (undated last), article id, position."""
    position = {event.event_id: index for index, event in enumerate(events)}
    found = sorted(
        (event for event in events if matches(event, flt)),
        key=lambda e: (
            e.date is None,
            e.date.day if e.date else dt.date.min,
            e.article_id,
            position[e.event_id],
        ),
    )
    return found if flt.limit is None else found[: flt.limit]


@settings(max_examples=60, deadline=None)
@given(st.lists(event_fields, max_size=12), st.lists(filters, min_size=1, max_size=4))
def test_query_events_agrees_with_reference(fields: list[dict], flts: list[EventFilter]) -> None:
    events = [build(index, item) for index, item in enumerate(fields)]
    with Store(":memory:") as store:
        batch = [(Article(a, f"text of {a}"), minhash(f"text of {a}")) for a in ARTICLES]
        store.add_articles(batch, band_keys=band_keys, threshold=1.1)
        for article_id in ARTICLES:
            own = [event for event in events if event.article_id == article_id]
            store.replace_extraction(article_id, own, [], "coder")
        everything = EventFilter(include_negated=True, include_hypothetical=True)
        assert store.count_events(everything) == len(events)
        for flt in flts:
            assert list(store.query_events(flt)) == expected(events, flt)
            assert store.count_events(flt) == len(expected(events, replace(flt, limit=None)))
