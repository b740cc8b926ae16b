"""find_timexes: one table row per expression class, values against Wednesday 2011-07-13."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import DateValue, Precision, TimexType
from newsevents.temporal import find_timexes
from tests.temporal.conftest import DCT

DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET


def only(text: str, dct: DateValue | None = DCT) -> tuple[str, TimexType, str]:
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks collapsed on Wednesday.", ("Wednesday", DATE, "2011-07-13")),
        ("Rebels seized the town on Monday.", ("Monday", DATE, "2011-07-11")),
        ("They met on Friday.", ("Friday", DATE, "2011-07-08")),
        ("The ministers will meet on Friday.", ("Friday", DATE, "2011-07-15")),
        ("The vote is scheduled for Friday.", ("Friday", DATE, "2011-07-15")),
        ("Talks are expected to resume on Monday.", ("Monday", DATE, "2011-07-18")),
        ("A summit is to be held on Monday.", ("Monday", DATE, "2011-07-18")),
        ("They met last Friday.", ("last Friday", DATE, "2011-07-08")),
        ("They meet next Wednesday.", ("next Wednesday", DATE, "2011-07-20")),
        ("Elections were postponed until Saturday.", ("Saturday", DATE, "2011-07-16")),
    ],
)
def test_find_timexes_resolves_weekday_by_tense(text: str, expected: tuple) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened yesterday.", ("yesterday", DATE, "2011-07-12")),
        ("It happens today.", ("today", DATE, "2011-07-13")),
        ("It happens tomorrow.", ("tomorrow", DATE, "2011-07-14")),
        ("He spoke earlier today.", ("earlier today", DATE, "2011-07-13")),
        ("Shelling resumed last night.", ("last night", TIME, "2011-07-12TNI")),
        ("They talked this morning.", ("this morning", TIME, "2011-07-13TMO")),
        ("Protests spread last week.", ("last week", DATE, "2011-W27")),
        ("Protests spread this week.", ("this week", DATE, "2011-W28")),
        ("Deaths were reported in the last week.", ("the last week", DATE, "2011-W27")),
        ("Prices rose last month.", ("last month", DATE, "2011-06")),
        ("Prices rose last year.", ("last year", DATE, "2010")),
        ("Prices rose earlier this year.", ("earlier this year", DATE, "2011")),
        ("Prices will rise next year.", ("next year", DATE, "2012")),
        ("A deal was struck a week ago.", ("a week ago", DATE, "2011-W27")),
        ("A deal was struck two days ago.", ("two days ago", DATE, "2011-07-11")),
        ("A deal was struck three years ago.", ("three years ago", DATE, "2008")),
        ("Rebels fled over the weekend.", ("the weekend", DATE, "2011-W27-WE")),
        ("They met this weekend.", ("this weekend", DATE, "2011-W28-WE")),
    ],
)
def test_find_timexes_resolves_deictic_expressions(text: str, expected: tuple) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council voted on March 17.", ("March 17", DATE, "2011-03-17")),
        ("On March 17 the council voted.", ("March 17", DATE, "2011-03-17")),
        ("The council voted on December 17.", ("December 17", DATE, "2010-12-17")),
        ("The council will vote on March 17.", ("March 17", DATE, "2012-03-17")),
        ("The council will vote on August 2.", ("August 2", DATE, "2011-08-02")),
        ("Fighting broke out in August.", ("August", DATE, "2010-08")),
        ("A book is due to be published in May.", ("May", DATE, "2012-05")),
        ("The season started in early December.", ("early December", DATE, "2010-12")),
        ("Elections in early December.", ("early December", DATE, "2011-12")),
        ("Gaddafi was last seen in mid-June.", ("mid-June", DATE, "2011-06")),
        ("He lost his seat last June.", ("last June", DATE, "2011-06")),
        ("He lost his seat last December.", ("last December", DATE, "2010-12")),
        ("He was arrested late last July.", ("late last July", DATE, "2010-07")),
        ("Flooding hit last summer.", ("last summer", DATE, "2010-SU")),
        ("The flu peaked by the end of the year.", ("the end of the year", DATE, "2010")),
        ("It will end by the end of the year.", ("the end of the year", DATE, "2011")),
        ("Sales fell in the first quarter.", ("the first quarter", DATE, "2011-Q1")),
        ("Leases end in October of next year.", ("October of next year", DATE, "2012-10")),
    ],
)
def test_find_timexes_fills_missing_year_from_tense(text: str, expected: tuple) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was signed on 17 March 2011.", ("17 March 2011", DATE, "2011-03-17")),
        ("It was signed on March 17, 2011.", ("March 17, 2011", DATE, "2011-03-17")),
        ("It was signed on Mar. 17, 2011.", ("Mar. 17, 2011", DATE, "2011-03-17")),
        ("It was signed 2011-03-17.", ("2011-03-17", DATE, "2011-03-17")),
        ("It was signed 17/03/2011.", ("17/03/2011", DATE, "2011-03-17")),
        ("It was signed 03/17/2011.", ("03/17/2011", DATE, "2011-03-17")),
        ("It was signed 24.11.2013.", ("24.11.2013", DATE, "2013-11-24")),
        ("Signed Wednesday, March 16, 2011.", ("Wednesday, March 16, 2011", DATE, "2011-03-16")),
        ("It was signed in May 2010.", ("May 2010", DATE, "2010-05")),
        ("It was signed in 2009.", ("2009", DATE, "2009")),
        ("He has ruled since 1969.", ("1969", DATE, "1969")),
        ("Trade grew in the 1990s.", ("1990s", DATE, "199")),
        ("It grew in the 20th century.", ("20th century", DATE, "19")),
        ("Output will recover by mid-2012.", ("mid-2012", DATE, "2012")),
        ("It began in early 2011.", ("early 2011", DATE, "2011")),
        ("Christmas was quiet.", ("Christmas", DATE, "2010-12-25")),
    ],
)
def test_find_timexes_reads_explicit_dates(text: str, expected: tuple) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanctions lasted three days.", ("three days", DURATION, "P3D")),
        ("They fought for weeks.", ("weeks", DURATION, "PXW")),
        ("A 14-month campaign ended.", ("14-month", DURATION, "P14M")),
        ("He waited several days.", ("several days", DURATION, "PXD")),
        ("Talks ran for the past two years.", ("the past two years", DURATION, "P2Y")),
        ("Unrest grew in recent weeks.", ("recent weeks", DURATION, "PXW")),
        ("It lasted a decade.", ("a decade", DURATION, "P10Y")),
        ("It lasted 24 hours.", ("24 hours", DURATION, "PT24H")),
        ("It lasted two and a half years.", ("two and a half years", DURATION, "P2.5Y")),
        ("Patrols run every week.", ("every week", SET, "P1W")),
        ("The paper appears weekly.", ("weekly", SET, "P1W")),
        ("Inspectors visit twice a year.", ("twice a year", SET, "P1Y")),
        ("She checks the air every morning.", ("every morning", SET, "XXXX-XX-XXTMO")),
        ("Protesters gather every Friday.", ("every Friday", SET, "XXXX-WXX-5")),
    ],
)
def test_find_timexes_reads_durations_and_sets(text: str, expected: tuple) -> None:
    assert only(text) == expected


def test_find_timexes_splits_coordinated_durations() -> None:
    found = find_timexes("It could take between 12 and 18 months.", DCT)
    assert [(t.text, t.value) for t in found] == [("12", "P12M"), ("18 months", "P18M")]


def test_find_timexes_splits_year_ranges() -> None:
    found = find_timexes("The pandemic of 2009-2010 and the expedition of 1957-58.", DCT)
    assert [t.value for t in found] == ["2009", "2010", "1957", "1958"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rally began on Monday evening.", ("Monday evening", TIME, "2011-07-11TEV")),
        ("They left on Friday afternoon.", ("Friday afternoon", TIME, "2011-07-08TAF")),
        ("The vote is at 10:00.", ("10:00", TIME, "2011-07-13T10:00")),
        ("Call me at 8 PM.", ("8 PM", TIME, "2011-07-13T20:00")),
        (
            "Kick-off was moved to 15:00 GMT Saturday.",
            ("15:00 GMT Saturday", TIME, "2011-07-09T15:00"),
        ),
        ("Posted Feb 9, 2016 7:12 PM CST", ("Feb 9, 2016 7:12 PM CST", TIME, "2016-02-09T19:12")),
    ],
)
def test_find_timexes_reads_times(text: str, expected: tuple) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He is now in exile.", ("now", DATE, "PRESENT_REF")),
        ("It is currently closed.", ("currently", DATE, "PRESENT_REF")),
        ("He recently resigned.", ("recently", DATE, "PAST_REF")),
        ("In the past, he refused.", ("the past", DATE, "PAST_REF")),
    ],
)
def test_find_timexes_reads_references(text: str, expected: tuple) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the plan may work.",
        "They will march on the capital.",
        "About 2000 people attended.",
        "The 1500 years old manuscript.",
        "Children 6 months and older.",
        "An 89-year-old man died.",
        "The fall of Tripoli shocked the regime.",
        "Protests of the Arab Spring spread.",
        "He served a second term.",
        "Read the Daily Mail.",
    ],
)
def test_find_timexes_ignores_lookalikes(text: str) -> None:
    assert find_timexes(text, DCT) == []


def test_find_timexes_anchors_later_on_previous_date() -> None:
    found = find_timexes("Rebels took Brega on March 2. Two days later they lost it.", DCT)
    assert [t.value for t in found] == ["2011-03-02", "2011-03-04"]


def test_find_timexes_anchors_later_on_article_date_without_other_date() -> None:
    assert only("Two days later they lost it.")[2] == "2011-07-15"


def test_find_timexes_skips_comparatives() -> None:
    assert only("The season started a month earlier than usual.") == ("a month", DURATION, "P1M")


def test_find_timexes_does_not_cross_line_breaks() -> None:
    found = find_timexes("Markets closed until Friday\nSeptember 18, 2008", DCT)
    assert [t.text for t in found] == ["Friday", "September 18, 2008"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met on Wednesday.", "XXXX-WXX-3"),
        ("It was signed on March 17.", "XXXX-03-17"),
        ("Prices rose last year.", "XXXX"),
        ("It happened yesterday.", "XXXX-XX-XX"),
        ("It was signed on March 17, 2011.", "2011-03-17"),
    ],
)
def test_find_timexes_leaves_relative_values_open_without_dct(text: str, value: str) -> None:
    assert only(text, None)[2] == value


@pytest.mark.parametrize(
    ("dct", "text", "value"),
    [
        (DateValue(dt.date(2011, 7, 1), Precision.MONTH), "Prices rose last month.", "2011-06"),
        (DateValue(dt.date(2011, 7, 1), Precision.MONTH), "They met yesterday.", "XXXX-XX-XX"),
        (DateValue(dt.date(2011, 1, 1), Precision.YEAR), "Prices rose last year.", "2010"),
        (DateValue(dt.date(2011, 1, 1), Precision.YEAR), "Prices rose last month.", "XXXX"),
    ],
)
def test_find_timexes_respects_dct_precision(dct: DateValue, text: str, value: str) -> None:
    assert only(text, dct)[2] == value


def test_find_timexes_offsets_follow_tokenised_text() -> None:
    text = "ZAWIYAH , Libya , Aug 18 -LRB- Reuters -RRB- - Rebels attacked on Thursday ."
    found = find_timexes(text, DateValue(dt.date(2011, 8, 18)))
    assert [(t.text, t.value) for t in found] == [
        ("Aug 18", "2011-08-18"),
        ("Thursday", "2011-08-18"),
    ]
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elections in early December.", ("early December", "2011-12", "START")),
        ("Fighting flared in mid-2010.", ("mid-2010", "2010", "MID")),
        ("It ends late next month.", ("late next month", "2011-08", "END")),
        ("They met in late March 2011.", ("late March 2011", "2011-03", "END")),
        ("They expect a deal by the end of the year.", ("the end of the year", "2011", "END")),
        ("The talks began in the early 1990s.", ("early 1990s", "199", "START")),
        ("Rebels attacked early Tuesday.", ("early Tuesday", "2011-07-12", "START")),
        ("The siege lasted about a month.", ("a month", "P1M", "APPROX")),
        ("He ruled for almost seven years.", ("seven years", "P7Y", "LESS_THAN")),
        ("It went on for more than three weeks.", ("three weeks", "P3W", "MORE_THAN")),
        ("He left more than two years ago.", ("two years ago", "2009", "BEFORE")),
        ("They met on Friday.", ("Friday", "2011-07-08", None)),
    ],
)
def test_find_timexes_sets_the_timex3_mod(text: str, expected: tuple) -> None:
    found = find_timexes(text, DCT)
    assert [(t.text, t.value, t.mod) for t in found][-1] == expected


def test_time_expression_json_has_mod_only_when_set() -> None:
    early, friday = find_timexes("Early December and Friday.", DCT)
    assert early.to_json()["mod"] == "START"
    assert "mod" not in friday.to_json()
