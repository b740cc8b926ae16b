"""date_for_span and timex_to_datevalue: which expression dates an event, at what precision."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import DateValue, Precision
from newsevents.temporal import date_for_span, find_timexes, timex_to_datevalue
from tests.temporal.conftest import DCT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2011-07-11", DateValue(dt.date(2011, 7, 11))),
        ("2011-07-11TEV", DateValue(dt.date(2011, 7, 11))),
        ("2011-W27", DateValue(dt.date(2011, 7, 4), Precision.WEEK)),
        ("2011-W27-WE", DateValue(dt.date(2011, 7, 4), Precision.WEEK)),
        ("2011-06", DateValue(dt.date(2011, 6, 1), Precision.MONTH)),
        ("2010", DateValue(dt.date(2010, 1, 1), Precision.YEAR)),
        ("2010-SU", DateValue(dt.date(2010, 1, 1), Precision.YEAR)),
        ("2011-Q1", DateValue(dt.date(2011, 1, 1), Precision.YEAR)),
        ("PRESENT_REF", None),
        ("PAST_REF", None),
        ("P3D", None),
        ("XXXX-WXX-3", None),
        ("XXXX-03-17", None),
        ("199", None),
        ("2011-02-30", None),
    ],
)
def test_timex_to_datevalue_keeps_precision(value: str, expected: DateValue | None) -> None:
    assert timex_to_datevalue(value) == expected


def dated(text: str, trigger: str) -> tuple[DateValue | None, str | None]:
    start = text.index(trigger)
    timexes = find_timexes(text, DCT)
    return date_for_span(timexes, (start, start + len(trigger)), (0, len(text)), DCT, text)


def test_date_for_span_takes_the_date_in_the_sentence() -> None:
    value, evidence = dated("Rebels attacked Brega on Monday.", "attacked")
    assert value == DateValue(dt.date(2011, 7, 11))
    assert evidence == "on Monday"


def test_date_for_span_keeps_week_precision() -> None:
    value, _ = dated("Rebels attacked Brega last week.", "attacked")
    assert value == DateValue(dt.date(2011, 7, 4), Precision.WEEK)


def test_date_for_span_keeps_month_precision() -> None:
    value, evidence = dated("Rebels attacked Brega in early June.", "attacked")
    assert value == DateValue(dt.date(2011, 6, 1), Precision.MONTH)
    assert evidence == "in early June"


def test_date_for_span_prefers_the_nearest_expression() -> None:
    text = "On Monday rebels said they had attacked Brega on Sunday."
    value, _ = dated(text, "attacked")
    assert value == DateValue(dt.date(2011, 7, 10))


def test_date_for_span_prefers_the_same_clause() -> None:
    text = "Talks failed on Sunday; then rebels attacked Brega with heavy artillery and tanks"
    text += " on Monday."
    value, _ = dated(text, "attacked")
    assert value == DateValue(dt.date(2011, 7, 11))


@pytest.mark.parametrize(
    "text",
    [
        "Gaddafi has ruled Libya since 1969.",
        "Rebels are now attacking Brega.",
        "Rebels have been attacking Brega for weeks.",
        "Rebels attack Brega every week.",
    ],
)
def test_date_for_span_skips_expressions_that_do_not_date_the_event(text: str) -> None:
    trigger = "ruled" if "ruled" in text else "attack"
    assert dated(text, trigger) == (DCT, None)


def test_date_for_span_ignores_other_sentences() -> None:
    text = "Rebels attacked Brega. On Monday they withdrew."
    start = text.index("attacked")
    timexes = find_timexes(text, DCT)
    result = date_for_span(timexes, (start, start + 8), (0, text.index(".") + 1), DCT)
    assert result == (DCT, None)


def test_date_for_span_without_text_uses_the_expression_as_evidence() -> None:
    text = "Rebels attacked Brega on Monday."
    timexes = find_timexes(text, DCT)
    value, evidence = date_for_span(timexes, (7, 15), (0, len(text)), DCT)
    assert (value, evidence) == (DateValue(dt.date(2011, 7, 11)), "Monday")


def test_date_for_span_without_anything_gives_none() -> None:
    assert date_for_span([], (0, 5), (0, 10), None) == (None, None)
