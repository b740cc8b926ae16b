"""infer_published: the publication date a text supports, at the precision it supports."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import DateSource, DateValue, Precision
from newsevents.temporal import (
    DateBound,
    PublishedEstimate,
    estimate_published,
    infer_published,
)

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
    result = infer_published("Rebels attacked Brega.", title="Posted Feb 9, 2016 7:12 PM CST")
    assert result == (day(2016, 2, 9), DateSource.INFERRED)


COMMENTS = (
    "\nFebruary 28 , 2011 09:57 pm | Reply Nonsense.\nMarch 1 , 2011 10:12 am | Reply Agreed."
)


def test_infer_published_uses_comment_stamps_as_an_upper_bound() -> None:
    text = "Rebels attacked Brega on Saturday. " + FILLER + COMMENTS
    expected = DateValue(dt.date(2011, 2, 1), Precision.MONTH)  # Saturday 26 .. Monday 28
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_pins_the_day_when_comments_start_on_the_lead_weekday() -> None:
    comments = COMMENTS.replace("February 28", "March 1")
    text = "Rebels attacked Brega on Tuesday. " + FILLER + comments
    assert infer_published(text) == (day(2011, 3, 1), DateSource.INFERRED)


def test_infer_published_claims_no_month_when_comments_straddle_one() -> None:
    comments = COMMENTS.replace("February 28", "March 1")
    text = "Rebels attacked Brega on Sunday. " + FILLER + comments
    expected = DateValue(dt.date(2011, 1, 1), Precision.YEAR)  # Sunday Feb 27 .. Tuesday Mar 1
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_ignores_a_lone_date_time_below_the_top() -> None:
    text = "Rebels attacked Brega on Monday. " + FILLER + "\n7:01 pm ET February 11 , 2013 RETWEET"
    assert infer_published(text) == (None, DateSource.NONE)


def test_infer_published_reads_a_run_of_comments_at_the_top_as_comments() -> None:
    text = (
        "Rebels attacked Brega on Monday.\nApril 4 , 2011 at 1:58 pm | Nonsense.\n"
        "April 4 , 2011 at 2:15 pm | Agreed.\nApril 5 , 2011 at 9:18 am | Why?"
    )
    assert infer_published(text) == (day(2011, 4, 4), DateSource.INFERRED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LONDON , Feb 28 -LRB- Reuters -RRB- - Oil fell on Monday. Output in 2011 may drop.",
            day(2011, 2, 28),
        ),
        (
            "BENGHAZI, Libya, March 8 (Reuters) - Rebels held Brega. "
            "They rose on February 17, 2011.",
            day(2011, 3, 8),
        ),
        ("WASHINGTON, Tuesday, March 1 - Clinton spoke.", None),
    ],
)
def test_infer_published_dates_a_dateline_when_the_text_pins_its_year(
    text: str, expected: DateValue | None
) -> None:
    assert infer_published(text)[0] == expected


def test_infer_published_does_not_take_a_year_from_history_for_a_dateline() -> None:
    text = "ZAWIYAH , Libya , Aug 18 (Reuters) - Rebels seized a refinery on Thursday. " + (
        "The refinery was built in 2005."
    )
    assert infer_published(text) == (None, DateSource.NONE)


def test_infer_published_dates_a_dateline_in_a_weekday_fitting_hint_year() -> None:
    text = "ROME Feb 21 (Reuters) - Prime Minister Silvio Berlusconi on Monday condemned violence."
    hint = DateBound(dt.date(2008, 5, 8), dt.date(2011, 11, 16), "Prime Minister Silvio Berlusconi")
    assert infer_published(text, hints=[hint])[0] == day(2011, 2, 21)  # not 2005 (outside)


def test_infer_published_places_a_weekday_date_in_the_hint_window() -> None:
    text = "On Wednesday, March 16, Medvedev said Russia would abstain."
    expected = DateValue(dt.date(2011, 3, 1), Precision.MONTH)
    assert infer_published(text, hints=[MEDVEDEV]) == (expected, DateSource.INFERRED)


def test_infer_published_gives_the_year_of_a_one_year_hint() -> None:
    hint = DateBound(dt.date(2011, 2, 1), dt.date(2011, 6, 20), "the Libyan civil war")
    expected = DateValue(dt.date(2011, 1, 1), Precision.YEAR)
    assert infer_published("Rebels attacked Brega.", hints=[hint]) == (
        expected,
        DateSource.INFERRED,
    )


def test_infer_published_prefers_a_stamp_to_office_hints() -> None:
    text = "Published on : September 3, 2017\n\nMedvedev spoke."
    assert infer_published(text, hints=[MEDVEDEV]) == (day(2017, 9, 3), DateSource.INFERRED)


def test_infer_published_gives_nothing_when_hints_tie() -> None:
    narrow = DateBound(dt.date(2011, 1, 1), dt.date(2011, 6, 30), "2011 war")
    elsewhere = DateBound(dt.date(1990, 1, 1), dt.date(1991, 1, 1), "an old office")
    assert infer_published("Rebels attacked Brega.", hints=[elsewhere, narrow])[0] is None


def test_infer_published_follows_the_hints_most_agree_on() -> None:
    bush = DateBound(dt.date(2001, 1, 20), dt.date(2009, 1, 20), "President Bush")
    obama = DateBound(dt.date(2009, 1, 20), dt.date(2017, 1, 20), "President Obama")
    gates = DateBound(dt.date(2006, 12, 18), dt.date(2011, 7, 1), "Defense Secretary Gates")
    jalil = DateBound(dt.date(2011, 3, 5), dt.date(2012, 8, 8), "NTC chairman Abdul Jalil")
    result, _ = infer_published("Rebels attacked Brega.", hints=[bush, obama, gates, jalil])
    assert result == DateValue(dt.date(2011, 1, 1), Precision.YEAR)


def test_infer_published_gives_nothing_for_history_before_a_later_year() -> None:
    text = "Gaddafi seized power on September 1, 1969. In 2009 he chaired the African Union."
    assert infer_published(text) == (None, DateSource.NONE)


def test_infer_published_does_not_read_a_repeated_full_date_as_news() -> None:
    text = "The attacks of September 11, 2001 changed the region. Since September 11, it said."
    expected = DateValue(dt.date(2001, 1, 1), Precision.YEAR)
    assert infer_published(text) == (expected, DateSource.INFERRED)


def test_infer_published_reads_a_broadcast_stamp() -> None:
    text = "NEWS STREAM Aired July 29 , 2011 - 08:00:00 ET THIS IS A RUSH TRANSCRIPT ."
    assert infer_published(text) == (day(2011, 7, 29), DateSource.INFERRED)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Published on : September 3, 2017\n\nNorth Korea tested.", 'stamp "September 3, 2017"'),
        ("LONDON , Feb 28 (Reuters) - Oil fell on Monday; 2011 output may drop.", "dateline"),
    ],
)
def test_estimate_published_quotes_its_evidence(text: str, words: str) -> None:
    estimate = estimate_published(text)
    assert estimate.source is DateSource.INFERRED
    assert estimate.evidence is not None and estimate.evidence.startswith(words)


def test_estimate_published_says_nothing_without_evidence() -> None:
    assert estimate_published("Rebels attacked Brega on Wednesday.") == PublishedEstimate(None)


def test_datebound_is_frozen() -> None:
    with pytest.raises(AttributeError):
        MEDVEDEV.evidence = "changed"  # type: ignore[misc]
