"""Cross-article event merging: which mentions are the same real event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from newsevents.models import Actor, DateValue, Event, Precision
from newsevents.stories.merge import assign_clusters, dates_agree, mention_of, same_event


def event(event_id: str, article: str, *, type_: str = "REJECT", mode: str | None = "meet",
          actors=("RUS",), recipients=("TUR",), day=dt.date(2020, 6, 14),
          precision=Precision.DAY, trigger="postponed",
          sentence="Russia postponed talks with Turkey on Sunday.") -> Event:
    return Event(
        event_id=event_id, article_id=article, type=type_, mode=mode, cameo="125", quad_class=3,
        intensity=-2.0, actors=tuple(Actor(c, c) for c in actors),
        recipients=tuple(Actor(c, c) for c in recipients), trigger=trigger, sentence=sentence,
        sentence_index=0, char_start=0, char_end=5,
        date=DateValue(day, precision) if day else None,
    )


def test_same_event_from_two_outlets_merges():
    a = mention_of(event("e1", "a1"), "Wire")
    b = mention_of(event("e2", "a2", trigger="put off",
                         sentence="Moscow put off the meeting with Ankara."), "Post")
    assert same_event(a, b)


def test_mentions_in_the_same_article_do_not_merge():
    assert not same_event(mention_of(event("e1", "a1"), "W"), mention_of(event("e2", "a1"), "W"))


@pytest.mark.parametrize(
    ("change", "value"),
    [("type_", "ACCUSE"), ("actors", ("USA",)), ("recipients", ("GRC",)),
     ("day", dt.date(2020, 6, 17))],
)
def test_different_type_parties_or_date_do_not_merge(change, value):
    other = event("e2", "a2", **{change: value})
    assert not same_event(mention_of(event("e1", "a1"), "W"), mention_of(other, "P"))


def test_same_dyad_and_day_but_different_act_does_not_merge():
    a = mention_of(event("e1", "a1", mode=None), "W")
    b = mention_of(event("e2", "a2", mode=None, trigger="refused",
                         sentence="Ankara's invitation was refused by the Kremlin."), "P")
    assert not same_event(a, b)


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (DateValue(dt.date(2020, 6, 14)), DateValue(dt.date(2020, 6, 15)), True),
        (DateValue(dt.date(2020, 6, 14)), DateValue(dt.date(2020, 6, 16)), False),
        (DateValue(dt.date(2020, 6, 1), Precision.MONTH), DateValue(dt.date(2020, 6, 14)), True),
        (DateValue(dt.date(2020, 5, 1), Precision.MONTH), DateValue(dt.date(2020, 6, 14)), False),
        (None, DateValue(dt.date(2020, 6, 14)), False),
    ],
)
def test_dates_agree_at_the_precision_known(first, second, agree):
    assert dates_agree(first, second) is agree


def test_assign_clusters_joins_stored_cluster():
    stored = replace(mention_of(event("e1", "a1"), "W"), cluster_id="c1")
    new = [mention_of(event("e2", "a2"), "P"), mention_of(event("e3", "a3", actors=("USA",)), "Q")]
    assert assign_clusters(new, [stored]) == {"e2": "c1", "e3": "e3"}


def test_assign_clusters_links_new_mentions_among_themselves():
    new = [mention_of(event("e1", "a1"), "W"), mention_of(event("e2", "a2"), "P")]
    assert assign_clusters(new, []) == {"e1": "e1", "e2": "e1"}
