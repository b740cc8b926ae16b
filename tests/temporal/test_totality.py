"""Date computations are total: extreme numbers give no date, never an exception."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import DateValue, Precision
from newsevents.temporal.timex import find_timexes

DCT = DateValue(dt.date(2011, 3, 1), Precision.DAY)
UNITS = ["days", "weeks", "months", "years", "decades", "centuries"]


@pytest.mark.parametrize("text", [
    "The city was founded 7000 years ago.",
    "It happened 9999 years ago, and 30000 years later it will again.",
    "in 99999",
    "99999999 days later",
    "the 1st century BC",
])
def test_extreme_expressions_give_no_error(text: str) -> None:
    for found in find_timexes(text, DCT):
        assert found.value  # whatever is found carries a value; nothing raised


def test_a_date_before_year_one_is_no_date() -> None:
    values = [t.value for t in find_timexes("The city was founded 7000 years ago.", DCT)]
    assert not any(v[:1].isdigit() and len(v) >= 4 and not v.startswith("P") for v in values)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(UNITS),
       st.sampled_from(["ago", "later", "from now", "earlier"]))
def test_any_count_of_any_unit_is_total(count: int, unit: str, direction: str) -> None:
    find_timexes(f"It happened {count} {unit} {direction}. On March 3 it ended.", DCT)


@pytest.mark.parametrize(("text", "value"), [
    ("The vote was held on 2020.10.23 in the capital.", "2020-10-23"),
    ("The vote was held on 2020/10/23 in the capital.", "2020-10-23"),
])
def test_year_first_dates_with_dots_or_slashes(text: str, value: str) -> None:
    assert [t.value for t in find_timexes(text, None)] == [value]
