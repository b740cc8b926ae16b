"""Calendar arithmetic: weekday and month resolution, shifts, value formats."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.models import DateValue, Precision
from newsevents.temporal.periods import (
    Direction,
    add_months,
    resolve_month_day,
    resolve_month_year,
    resolve_weekday,
    value_at_unit,
)

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
weekdays = st.integers(min_value=1, max_value=7)


@given(days, weekdays)
def test_resolve_weekday_back_is_within_the_week_before(ref: dt.date, weekday: int) -> None:
    day = resolve_weekday(ref, weekday, Direction.BACK)
    assert day.isoweekday() == weekday
    assert 0 <= (ref - day).days <= 6


@given(days, weekdays)
def test_resolve_weekday_forward_is_within_the_week_after(ref: dt.date, weekday: int) -> None:
    day = resolve_weekday(ref, weekday, Direction.FORWARD)
    assert day.isoweekday() == weekday
    assert 0 <= (day - ref).days <= 6


@given(days, weekdays)
def test_resolve_weekday_strict_never_returns_the_reference(ref: dt.date, weekday: int) -> None:
    assert resolve_weekday(ref, weekday, Direction.BACK, strict=True) < ref
    assert resolve_weekday(ref, weekday, Direction.FORWARD, strict=True) > ref


@given(days, st.integers(min_value=-240, max_value=240))
def test_add_months_lands_in_the_right_month(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert moved.year * 12 + moved.month == day.year * 12 + day.month + months
    assert moved.day <= day.day


@given(days, st.integers(min_value=1, max_value=12))
def test_resolve_month_year_back_is_not_in_the_future(ref: dt.date, month: int) -> None:
    year = resolve_month_year(ref, month, Direction.BACK)
    assert (year, month) <= (ref.year, ref.month)
    assert (ref.year * 12 + ref.month) - (year * 12 + month) < 12


@given(days, st.integers(min_value=1, max_value=12))
def test_resolve_month_year_nearest_is_within_half_a_year(ref: dt.date, month: int) -> None:
    year = resolve_month_year(ref, month, Direction.NEAREST)
    assert abs((year * 12 + month) - (ref.year * 12 + ref.month)) <= 6


@given(days, st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)))
def test_resolve_month_day_back_is_the_latest_on_or_before(ref: dt.date, md: dt.date) -> None:
    day = resolve_month_day(ref, md.month, md.day, Direction.BACK)
    if day is not None:
        assert day <= ref
        assert (day.month, day.day) == (md.month, md.day)


@pytest.mark.parametrize(
    ("day", "code", "value"),
    [
        (dt.date(2011, 7, 13), "D", "2011-07-13"),
        (dt.date(2011, 7, 13), "W", "2011-W28"),
        (dt.date(2011, 1, 2), "W", "2010-W52"),
        (dt.date(2011, 7, 13), "M", "2011-07"),
        (dt.date(2011, 7, 13), "Y", "2011"),
    ],
)
def test_value_at_unit_keeps_granularity(day: dt.date, code: str, value: str) -> None:
    assert value_at_unit(day, code) == value


@given(days, st.sampled_from(list(Precision)))
def test_datevalue_round_trips_through_iso(day: dt.date, precision: Precision) -> None:
    value = DateValue.parse(DateValue(day, precision).iso())
    assert value.iso() == DateValue(day, precision).iso()
    assert value.precision is precision
