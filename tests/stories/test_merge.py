"""Cross-article event merging: which mentions are the same real event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def reference_clusters(new: list, clustered: list) -> dict[str, str]:
    """assign_clusters as first written: every new mention compared with every one seen."""
    pool = [m for m in clustered if m.cluster_id]
    assignments: dict[str, str] = {}
    for mention in new:
        match = next((m for m in pool if same_event(mention, m)), None)
        cluster = match.cluster_id if match else mention.event_id
        assignments[mention.event_id] = cluster
        pool.append(replace(mention, cluster_id=cluster))
    return assignments


DAYS = (dt.date(2010, 12, 30), dt.date(2010, 12, 31), dt.date(2011, 1, 1), dt.date(2011, 1, 31),
        dt.date(2011, 2, 1), dt.date(2011, 2, 28), dt.date(2011, 3, 1), dt.date(2011, 12, 26))


@st.composite
def mentions(draw: st.DrawFn, count: int) -> list:
    found = []
    for number in range(count):
        day = draw(st.sampled_from((None, *DAYS)))
        precision = draw(st.sampled_from(list(Precision)))
        if day is not None and precision is Precision.MONTH:
            day = day.replace(day=1)
        elif day is not None and precision is Precision.YEAR:
            day = day.replace(month=1, day=1)
        made = event(f"e{number}", f"a{draw(st.integers(0, 3))}",
                     actors=draw(st.sets(st.sampled_from(("RUS", "LBY", "TUR")), max_size=2)),
                     recipients=draw(st.sets(st.sampled_from(("LBY", "USA")), max_size=1)),
                     mode=draw(st.sampled_from((None, "meet", "other"))),
                     trigger=draw(st.sampled_from(("postponed", "put off"))),
                     day=day, precision=precision)
        found.append(mention_of(made, draw(st.sampled_from(("W", "P")))))
    return found


@settings(max_examples=300, deadline=None)
@given(stored=mentions(6), new=mentions(14), clusters=st.lists(st.sampled_from(("c1", "c2", None)),
                                                               min_size=6, max_size=6))
def test_assign_clusters_gives_what_comparing_every_pair_gives(stored, new, clusters) -> None:
    stored = [replace(m, event_id=f"s{n}", cluster_id=c)
              for n, (m, c) in enumerate(zip(stored, clusters, strict=True))]
    assert assign_clusters(new, stored) == reference_clusters(new, stored)
