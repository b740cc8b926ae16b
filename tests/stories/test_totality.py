"""The story and timeline builders are total: odd text and extreme dates give a result, never an
exception (issue #9)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import Article, DateSource, DateValue, Precision
from newsevents.stories import build_timeline, date_document
from newsevents.stories.clustering import cluster, label

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from([
        "It began 7000 years ago. In 99999 it ends.",
        "On March 40, 2011 nothing happened. The 1st century BC was long.",
        "", " . . . ", "-LRB- -RRB- `` ''", "9999 years later, on Feb 29, 2011, rebels met.",
        "Rebels took the town after heavy fighting near the old port.",
        "On December 31 the rebels met the envoy. On January 1 they signed the deal.",
    ]),
)
DAYS = st.one_of(st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]),
                 st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ODD_TEXT, DAYS), max_size=6), st.integers(0, 5), st.integers(0, 3))
def test_build_timeline_is_total(items, max_dates, per_date):
    docs = [date_document(f"a{i}", text, day) for i, (text, day) in enumerate(items)]
    entries = build_timeline(docs, max_dates=max_dates, per_date=per_date)
    assert len(entries) <= max_dates


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ODD_TEXT, st.one_of(st.none(), DAYS)), max_size=6))
def test_story_clustering_is_total(items):
    articles = [Article(id=f"a{i}", text=text,
                        published=DateValue(day, Precision.DAY) if day else None,
                        published_source=DateSource.PATH if day else DateSource.NONE)
                for i, (text, day) in enumerate(items)]
    stories = cluster(articles)
    for story in stories:
        assert isinstance(label(story), str)


def test_a_story_published_on_the_calendars_first_day_is_no_error():
    docs = [date_document("a", "Rebels took the town after heavy fighting near the old port.",
                          dt.date(1, 1, 1))]
    assert build_timeline(docs, max_dates=2, per_date=1)[0].date == dt.date(1, 1, 1)


def test_periods_at_the_calendars_end_are_no_error():
    from newsevents.stories.merge import period
    last = dt.date(9999, 12, 31)
    assert period(DateValue(dt.date(9999, 12, 27), Precision.WEEK))[1] == last
    assert period(DateValue(dt.date(9999, 12, 1), Precision.MONTH))[1] == last
    assert period(DateValue(dt.date(2012, 2, 1), Precision.MONTH))[1] == dt.date(2012, 2, 29)
