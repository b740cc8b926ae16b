"""query_events / count_events: one filter behaviour per test, over a small hand-built corpus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from newsevents.models import Actor, Article, DateValue, Event, EventFilter, Precision
from newsevents.store import AddReport, Store

Add = Callable[..., AddReport]
RUSSIA = Actor("Russia", "RUS", "GOV", "Russia")
MOSCOW = Actor("Moscow", "RUS", None, "Russia")
UN = Actor("the Security Council", "UNO", None, "United Nations Security Council")
FRANCE = Actor("France", "FRA", "GOV", "France")
USA = Actor("Washington", "USA", "GOV", "United States")
EU = Actor("the EU", "EUR", None, "European Union")
REBELS = Actor("rebels", "LBY", "REB", "Libyan rebels")
ARMY = Actor("the army", "LBY", "MIL", None)


def make(
    event_id: str,
    type_: str,
    actors: tuple[Actor, ...],
    recipients: tuple[Actor, ...],
    sentence: str,
    day: dt.date | None,
    article_id: str = "a1",
    **flags: bool,
) -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        type=type_,
        mode=None,
        cameo="120",
        quad_class=3,
        intensity=-2.0,
        actors=actors,
        recipients=recipients,
        trigger=sentence.split()[1],
        sentence=sentence,
        sentence_index=0,
        char_start=0,
        char_end=5,
        date=DateValue(day) if day else None,
        **flags,
    )


MARCH, MARCH3, MARCH5, MARCH10, MARCH20 = (dt.date(2011, 3, day) for day in (1, 3, 5, 10, 20))
A1 = (
    make("veto", "REJECT", (RUSSIA,), (UN,), "Russia vetoed the draft on Syria.", MARCH),
    make("talks", "CONSULT", (FRANCE,), (MOSCOW,), "France held talks with Moscow.", MARCH5),
    make("rebels", "ASSAULT", (REBELS,), (ARMY,), "Rebels attacked the army near Brega.", None),
    make("denied", "REJECT", (RUSSIA,), (USA,), "Russia never rejected it.", MARCH3, negated=True),
)
A2 = (
    make(
        "sanction", "SANCTION", (EU, USA), (RUSSIA,),
        "The EU and Washington imposed sanctions on Russia.", MARCH10, "a2",
    ),
    make(
        "maybe", "THREATEN", (USA,), (RUSSIA,), "Washington may threaten Moscow.", MARCH20, "a2",
        hypothetical=True,
    ),
)


@pytest.fixture
def corpus(store: Store, add: Add) -> Store:
    add(Article("a1", "Russia vetoed the draft."), Article("a2", "Sanctions were imposed today."))
    store.replace_extraction("a1", A1, [], "coder-1")
    store.replace_extraction("a2", A2, [], "coder-1")
    return store


def ids(store: Store, **fields: object) -> list[str]:
    flt = EventFilter(**fields)  # type: ignore[arg-type]
    return [event.event_id for event in store.query_events(flt)]


def test_query_events_default_orders_by_date_undated_last(corpus: Store) -> None:
    assert ids(corpus) == ["veto", "talks", "sanction", "rebels"]


def test_query_events_returns_full_events(corpus: Store) -> None:
    assert list(corpus.query_events(EventFilter(article_id="a2"))) == [A2[0]]


@pytest.mark.parametrize("value", ["RUS", "rus"])
def test_query_events_actor_by_code(corpus: Store, value: str) -> None:
    assert ids(corpus, actor=value) == ["veto"]


def test_query_events_actor_by_code_and_sector(corpus: Store) -> None:
    assert ids(corpus, actor="LBYREB") == ["rebels"]
    assert ids(corpus, actor="LBYMIL") == []


@pytest.mark.parametrize("value", ["Libyan rebels", "LIBYAN REBELS", "rebels"])
def test_query_events_actor_by_name_or_span(corpus: Store, value: str) -> None:
    assert ids(corpus, actor=value) == ["rebels"]


def test_query_events_actor_compound_any_member(corpus: Store) -> None:
    assert ids(corpus, actor="USA") == ["sanction"]


def test_query_events_recipient_by_code(corpus: Store) -> None:
    assert ids(corpus, recipient="RUS") == ["talks", "sanction"]


def test_query_events_recipient_by_code_and_sector_skips_sectorless(corpus: Store) -> None:
    assert ids(corpus, recipient="RUSGOV") == ["sanction"]


def test_query_events_recipient_by_span(corpus: Store) -> None:
    assert ids(corpus, recipient="moscow") == ["talks"]


@pytest.mark.parametrize("dyad", [("RUS", "UNO"), ("UNO", "RUS")])
def test_query_events_dyad_either_direction(corpus: Store, dyad: tuple[str, str]) -> None:
    assert ids(corpus, dyad=dyad) == ["veto"]


def test_query_events_dyad_needs_both_sides(corpus: Store) -> None:
    assert ids(corpus, dyad=("FRA", "UNO")) == []


def test_query_events_types(corpus: Store) -> None:
    assert ids(corpus, types=("REJECT", "ASSAULT")) == ["veto", "rebels"]


def test_query_events_since_excludes_undated(corpus: Store) -> None:
    assert ids(corpus, since=dt.date(2011, 3, 5)) == ["talks", "sanction"]


def test_query_events_until_inclusive(corpus: Store) -> None:
    assert ids(corpus, until=dt.date(2011, 3, 5)) == ["veto", "talks"]


def test_query_events_since_compares_first_day_of_period(store: Store, add: Add) -> None:
    add(Article("a1", "x"))
    event = make("march", "REJECT", (RUSSIA,), (), "Russia rejected it in March.", None)
    month = DateValue(dt.date(2011, 3, 1), Precision.MONTH)
    store.replace_extraction("a1", [replace(event, date=month)], [], "coder-1")
    assert ids(store, since=dt.date(2011, 3, 1), until=dt.date(2011, 3, 1)) == ["march"]
    assert ids(store, since=dt.date(2011, 3, 2)) == []


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("sanction", ["sanction"]),  # stemmed
        ("vetoed syria", ["veto"]),  # every word required
        ("BREGA", ["rebels"]),
        ("held", ["talks"]),  # the trigger
        ("   ", ["veto", "talks", "sanction", "rebels"]),  # blank: no filter
    ],
)
def test_query_events_search(corpus: Store, search: str, expected: list[str]) -> None:
    assert ids(corpus, search=search) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ('"(AND', ["sanction"]),  # the word "and", not an operator
        ("NEAR(", ["rebels"]),  # the word "near"
        ("russia AND OR NOT", []),
        ("sentence:russia", []),  # the phrase "sentence russia", not a column filter
        ("*", []),
        ('"', []),
        ("^russia", ["veto", "sanction"]),
        ("draft\x00syria", ["veto"]),
        ("-", []),
    ],
)
def test_query_events_search_hostile_input_is_text(
    corpus: Store, search: str, expected: list[str]
) -> None:
    assert ids(corpus, search=search) == expected
    assert corpus.count_events(EventFilter(search=search)) == len(expected)


def test_query_events_negated_excluded_by_default(corpus: Store) -> None:
    assert "denied" not in ids(corpus, actor="RUS")
    assert ids(corpus, actor="RUS", include_negated=True) == ["veto", "denied"]


def test_query_events_hypothetical_excluded_by_default(corpus: Store) -> None:
    assert ids(corpus, article_id="a2") == ["sanction"]
    assert ids(corpus, article_id="a2", include_hypothetical=True) == ["sanction", "maybe"]


def test_query_events_article_id(corpus: Store) -> None:
    assert ids(corpus, article_id="a1") == ["veto", "talks", "rebels"]


def test_query_events_filters_combine(corpus: Store) -> None:
    assert ids(corpus, actor="RUS", types=("REJECT",), search="draft") == ["veto"]
    assert ids(corpus, actor="RUS", types=("CONSULT",)) == []


def test_query_events_limit(corpus: Store) -> None:
    assert ids(corpus, limit=2) == ["veto", "talks"]
    assert ids(corpus, limit=0) == []


def test_query_events_negative_limit_refused_at_call(corpus: Store) -> None:
    with pytest.raises(ValueError, match="-1"):
        corpus.query_events(EventFilter(limit=-1))


def test_count_events_ignores_limit(corpus: Store) -> None:
    assert corpus.count_events(EventFilter()) == 4
    assert corpus.count_events(EventFilter(recipient="RUS", limit=1)) == 2
    assert corpus.count_events(EventFilter(include_negated=True, include_hypothetical=True)) == 6


def test_query_events_loads_participants_per_page(store: Store, add: Add) -> None:
    add(Article("a1", "x"))
    many = [make(f"e{i:04d}", "REJECT", (RUSSIA,), (UN,), "A vetoed.", None) for i in range(1200)]
    store.replace_extraction("a1", many, [], "coder-1")
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    events = list(store.query_events(EventFilter()))
    store._conn.set_trace_callback(None)
    assert events == many
    assert sum("FROM event_actors WHERE event_id IN" in sql for sql in statements) == 3


def test_search_follows_replaced_extraction(corpus: Store) -> None:
    agreed = make("new", "AGREE", (FRANCE,), (), "France agreed.", MARCH)
    corpus.replace_extraction("a1", [agreed], [], "coder-2")
    assert ids(corpus, search="vetoed") == []
    assert ids(corpus, search="agreed") == ["new"]
    assert corpus.check_integrity() == []


def test_search_index_follows_article_deletion(corpus: Store) -> None:
    corpus._conn.execute("DELETE FROM articles WHERE id = 'a1'")
    assert ids(corpus, search="vetoed") == []
    assert ids(corpus, search="sanctions") == ["sanction"]
    assert corpus.check_integrity() == []
