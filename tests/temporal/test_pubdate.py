"""infer_published: the publication date a text supports, at the precision it supports."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import DateSource, DateValue, Precision
from newsevents.temporal import DateBound, infer_published

FILLER = "Officials gave no further details about the fighting in the east. " * 20
MEDVEDEV = DateBound(dt.date(2008, 5, 7), dt.date(2012, 5, 7), "President Dmitry Medvedev")


def day(y: int, m: int, d: int) -> DateValue:
    return DateValue(dt.date(y, m, d))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Libya said today (March 17, 2011) that it would accept a ceasefire.", day(2011, 3, 17)),
        (
            "BREGA , Libya | Wed Mar 2 , 2011 6:43 pm EST BREGA , Libya -LRB- Reuters -RRB- - "
            "Libyan rebels repulsed an offensive on Wednesday .",
            day(2011, 3, 2),
        ),
        ("Published on : September 3, 2017\n\nNorth Korea claimed a test.", day(2017, 9, 3)),
        ("17 December, 2015\nLibya's rival factions signed a deal.", day(2015, 12, 17)),
        (
            "Picture taken March 16 , 2011 .\nSAO PAULO | Tue Mar 22 , 2011 2:12 am EDT "
            "SAO PAULO -LRB- Reuters -RRB- - Brazil said on Monday ...",
            day(2011, 3, 22),
        ),
    ],
)
def test_infer_published_reads_stamps_as_day(text: str, expected: DateValue) -> None:
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_pins_the_day_when_weekday_and_date_agree() -> None:
    text = (
        "Rebels attacked Brega on Wednesday, witnesses said. The uprising began on February 17,"
        " 2011, and Brega first fell on March 16."
    )
    assert infer_published(text) == (day(2011, 3, 16), DateSource.INFERRED)


def test_infer_published_gives_month_when_the_weekday_does_not_name_a_dated_day() -> None:
    text = (
        "Rebels attacked Brega on Friday, witnesses said. The uprising began on February 17,"
        " 2011, and Brega first fell on March 16."
    )
    expected = DateValue(dt.date(2011, 3, 1), Precision.MONTH)
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_gives_year_for_a_lone_full_date() -> None:
    text = "Gaddafi seized power in a coup on September 1, 1969, and has ruled since."
    expected = DateValue(dt.date(1969, 1, 1), Precision.YEAR)
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_ignores_dates_in_future_clauses() -> None:
    text = "Elections will be held on June 5, 2012, officials said on Wednesday."
    assert infer_published(text) == (None, DateSource.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Rebels attacked Brega on Wednesday.",
        "Gaddafi has ruled Libya since 1969.",
        "The war in Kosovo in 1999 was different.",
        "Rebels took the town on March 17.",
    ],
)
def test_infer_published_gives_none_without_evidence(text: str) -> None:
    assert infer_published(text) == (None, DateSource.NONE)


def test_infer_published_reads_the_title() -> None:
    result = infer_published("Rebels attacked Brega.", title="Posted Nov 23, 2013 8:37 PM CST")
    assert result == (day(2013, 11, 23), DateSource.INFERRED)


def test_infer_published_uses_comment_stamps_as_an_upper_bound() -> None:
    text = "Rebels attacked Brega on Monday. " + FILLER + "\nFebruary 28 , 2011 09:57 pm | Reply"
    expected = DateValue(dt.date(2011, 2, 1), Precision.MONTH)
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_places_a_weekday_date_in_the_hint_window() -> None:
    text = "On Wednesday, March 16, Medvedev said Russia would abstain."
    expected = DateValue(dt.date(2011, 3, 1), Precision.MONTH)
    assert infer_published(text, hints=[MEDVEDEV]) == (expected, DateSource.INFERRED)


def test_infer_published_gives_the_year_of_a_one_year_hint() -> None:
    hint = DateBound(dt.date(2011, 2, 1), dt.date(2011, 10, 20), "the Libyan civil war")
    expected = DateValue(dt.date(2011, 1, 1), Precision.YEAR)
    assert infer_published("Rebels attacked Brega.", hints=[hint]) == (
        expected,
        DateSource.INFERRED,
    )


def test_infer_published_ignores_stamps_outside_the_hints() -> None:
    text = "Published on : September 3, 2017\n\nMedvedev spoke."
    assert infer_published(text, hints=[MEDVEDEV]) == (None, DateSource.NONE)


def test_infer_published_skips_contradicting_hints() -> None:
    narrow = DateBound(dt.date(2011, 1, 1), dt.date(2011, 12, 31), "2011 war")
    elsewhere = DateBound(dt.date(1990, 1, 1), dt.date(1991, 1, 1), "an old office")
    result, _ = infer_published("Rebels attacked Brega.", hints=[elsewhere, narrow])
    assert result == DateValue(dt.date(2011, 1, 1), Precision.YEAR)


def test_datebound_is_frozen() -> None:
    with pytest.raises(AttributeError):
        MEDVEDEV.evidence = "changed"  # type: ignore[misc]
