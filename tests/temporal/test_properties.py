"""Properties of find_timexes on arbitrary text: it never raises and its offsets are exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import DateValue, Precision
from newsevents.temporal import find_timexes, infer_published, timex_to_datevalue

WORDS = st.sampled_from(
    [
        "on",
        "Monday",
        "March",
        "17",
        ",",
        "2011",
        "last",
        "week",
        "the",
        "end",
        "of",
        "year",
        "two",
        "days",
        "ago",
        "later",
        "early",
        "mid-",
        "December",
        "every",
        "at",
        "10:00",
        "pm",
        "since",
        "1969",
        "now",
        "will",
        "met",
        "a",
        "few",
        "months",
        "1990s",
        "'90s",
        "17/03/2011",
        "2011-03-17",
        "\n",
        "-",
        "(",
        ")",
        "today",
        "summer",
        "Christmas",
    ]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=30).map(" ".join))
DCTS = st.one_of(
    st.none(),
    st.builds(
        DateValue,
        st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
        st.sampled_from(list(Precision)),
    ),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, DCTS)
def test_find_timexes_never_raises_and_offsets_slice_back(text: str, dct: DateValue | None) -> None:
    found = find_timexes(text, dct)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.text == timex.text.strip()
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(TEXTS, DCTS)
def test_find_timexes_values_parse_when_dated(text: str, dct: DateValue | None) -> None:
    for timex in find_timexes(text, dct):
        value = timex_to_datevalue(timex.value)
        if value is not None:
            assert value.iso()[:4] == timex.value[:4]


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_infer_published_never_raises(text: str) -> None:
    value, _ = infer_published(text)
    assert value is None or DateValue.parse(value.iso()) == value
