"""replace_extraction and the event/quote readers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsevents.errors import StoreError
from newsevents.models import Actor, Article, DateValue, Event, Location, Quote
from newsevents.store import AddReport, Store

Add = Callable[..., AddReport]
RUSSIA = Actor("Russia", "RUS", "GOV", "Russia")
UN = Actor("the Security Council", "UNO", None, "United Nations Security Council")


def event(event_id: str, article_id: str = "a", type_: str = "REJECT", day: int = 1) -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        type=type_,
        mode=None,
        cameo="120",
        quad_class=3,
        intensity=-2.0,
        actors=(RUSSIA,),
        recipients=(UN,),
        trigger="vetoed",
        sentence="Russia vetoed the draft.",
        sentence_index=0,
        char_start=7,
        char_end=13,
        date=DateValue(dt.date(2011, 7, day)),
        location=Location("New York", "USA"),
        contexts=("diplomatic",),
    )


QUOTE = Quote("a", RUSSIA, "We will not allow it", 1, direct=True)


@pytest.fixture
def stored(add: Add) -> None:
    add(Article("a", "Russia vetoed the draft."), Article("b", "Something else entirely here."))


def test_replace_extraction_stores_events_and_quotes(store: Store, stored: None) -> None:
    store.replace_extraction("a", [event("e1")], [QUOTE], "coder-1")
    assert list(store.iter_events()) == [event("e1")]
    assert list(store.iter_quotes("a")) == [QUOTE]


def test_replace_extraction_rerun_replaces_not_duplicates(
    store: Store, stored: None, peek: Callable[[str], list[tuple]]
) -> None:
    store.replace_extraction("a", [event("e1"), event("e2")], [QUOTE], "coder-1")
    store.replace_extraction("a", [event("e3")], [], "coder-2")
    assert [e.event_id for e in store.iter_events()] == ["e3"]
    assert store.stats()["quotes"] == 0
    assert peek("SELECT count(*) FROM event_actors") == [(2,)]


def test_replace_extraction_records_coder_version(store: Store, stored: None) -> None:
    assert store.extraction_version("a") is None
    store.replace_extraction("a", [], [], "coder-1")
    assert store.extraction_version("a") == "coder-1"
    assert store.stats()["extractions"] == 1


def test_replace_extraction_keeps_other_articles(store: Store, stored: None) -> None:
    store.replace_extraction("b", [event("b1", "b")], [], "coder-1")
    store.replace_extraction("a", [event("a1")], [], "coder-1")
    store.replace_extraction("a", [], [], "coder-1")
    assert [e.event_id for e in store.iter_events()] == ["b1"]


def test_replace_extraction_refuses_item_of_other_article(store: Store, stored: None) -> None:
    with pytest.raises(ValueError, match="'b'"):
        store.replace_extraction("a", [event("e1", "b")], [], "coder-1")
    assert store.stats()["events"] == 0


def test_replace_extraction_unknown_article_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.replace_extraction("ghost", [event("e1", "ghost")], [], "coder-1")


def test_replace_extraction_failure_keeps_previous(store: Store, stored: None) -> None:
    store.replace_extraction("a", [event("e1")], [], "coder-1")
    with pytest.raises(StoreError):
        store.replace_extraction("a", [event("e2"), event("e2")], [], "coder-2")
    assert [e.event_id for e in store.iter_events()] == ["e1"]
    assert store.extraction_version("a") == "coder-1"


def test_iter_events_filters_and_orders_by_date(store: Store, stored: None) -> None:
    events = [event("late", day=9), event("early", day=2), event("talk", type_="CONSULT", day=5)]
    store.replace_extraction("a", events, [], "coder-1")
    assert [e.event_id for e in store.iter_events()] == ["early", "talk", "late"]
    assert [e.event_id for e in store.iter_events(event_type="REJECT")] == ["early", "late"]
    assert [e.event_id for e in store.iter_events(limit=1)] == ["early"]


def test_replace_extraction_drops_clusters_left_without_mentions(
    store: Store, stored: None, peek: Callable[[str], list[tuple]]
) -> None:
    store.replace_extraction("a", [event("a1"), event("a2", day=9)], [], "coder-1")
    store.replace_extraction("b", [event("b1", "b")], [], "coder-1")
    store.set_clusters({"a1": "a1", "b1": "a1", "a2": "a2"})  # named after a mention
    assert store.cluster_counts(["a1", "a2"]) == {"a1": (2, 2, 2), "a2": (1, 1, 1)}
    store.replace_extraction("a", [event("a3")], [], "coder-2")  # re-coded: a1 and a2 gone
    assert peek("SELECT cluster_id, num_mentions, num_articles FROM event_clusters") == [
        ("a1", 1, 1)]
    assert [(e.event_id, e.cluster_id) for e in store.iter_events()] == [("a3", None),
                                                                          ("b1", "a1")]
    assert store.check_integrity() == []


def test_replace_extraction_keeps_clusters_when_it_fails(store: Store, stored: None) -> None:
    store.replace_extraction("a", [event("a1")], [], "coder-1")
    store.set_clusters({"a1": "a1"})
    with pytest.raises(ValueError):
        store.replace_extraction("a", [event("b9", "b")], [], "coder-2")
    assert store.cluster_counts(["a1"]) == {"a1": (1, 1, 1)}
