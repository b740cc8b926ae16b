"""Datelines: the table of shapes we read, and what we refuse to guess."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.ingest.dateline import parse_date, parse_dateline

DATELINES = [
    # (line, expected ISO date or None, expected agency/source, whole line is the dateline)
    ("13th July 2011", "2011-07-13", None, True),
    ("Wednesday 13 July 2011", "2011-07-13", None, True),
    ("Jan 13, 2020", "2020-01-13", None, True),
    ("13 jan. 2020, 17.05", "2020-01-13", None, True),
    ("2011-07-13", "2011-07-13", None, True),
    ("2011-07-13T17:05:00Z", "2011-07-13", None, True),
    ("17 December, 2015", "2015-12-17", None, True),
    ("Tuesday, 10 November 2020", "2020-11-10", None, True),
    ("Published 10 November 2020", "2020-11-10", None, True),
    ("Posted at 6:28 AM, Mar 29, 2022", "2022-03-29", None, True),
    ("Posted Feb 9, 2016 7:12 PM CST", "2016-02-09", None, True),
    ("Wed 22nd December 2021 | 03:40 PM", "2021-12-22", None, True),
    ("22-12-2021", "2021-12-22", None, True),
    ("13.07.2011", "2011-07-13", None, True),
    ("9/14/2013", "2013-09-14", None, True),
    ("Friday 05/02/2021", "2021-02-05", None, True),
    ("05/02/2021", None, None, True),
    ("July 2011", "2011-07", None, True),
    ("July 13", None, None, True),
    ("WASHINGTON (AP) — The Senate passed the bill.", None, "AP", False),
    ("MOSCOW, July 13 (Reuters) - Russia declined.", None, "Reuters", False),
    ("CAIRO, Jan 13, 2020 (AFP) - Talks resumed.", "2020-01-13", "AFP", False),
    ("KYIV, Ukraine (Agence France-Presse) -- Sirens sounded.", None, "AFP", False),
    ("TRIPOLI, Libya — Fighting resumed at dawn.", None, None, False),
    (
        "NEW YORK, Feb 26 (Meridian News Agency) - The council voted.",
        None,
        "Meridian News Agency",
        False,
    ),
    ("Jan 13, 2020 — The minister resigned.", "2020-01-13", None, False),
    ("April 11, 2019 (KHARTOUM) - The army took power.", "2019-04-11", None, False),
    (" date 2021-12-22 Election commission proposes delay", "2021-12-22", None, False),
]

NOT_DATELINES = [
    "Chile on Tuesday declined an offer to host the regional summit.",
    "NATO - which leads the mission - said nothing.",
    "The meeting on July 13, 2011 ended without a deal.",
    "Russia (which abstained) - said it would not attend.",
    "Russia (Moscow Times) - an opinion.",
    "He said: 13 people were hurt.",
    "",
]


@pytest.mark.parametrize(("line", "expected", "agency", "whole"), DATELINES)
def test_parse_dateline_reads_date(
    line: str, expected: str | None, agency: str | None, whole: bool
) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.date.iso() if found.date else None) == expected


@pytest.mark.parametrize(("line", "expected", "agency", "whole"), DATELINES)
def test_parse_dateline_reads_agency(
    line: str, expected: str | None, agency: str | None, whole: bool
) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert found.agency == agency


@pytest.mark.parametrize(("line", "expected", "agency", "whole"), DATELINES)
def test_parse_dateline_spans_prefix_or_line(
    line: str, expected: str | None, agency: str | None, whole: bool
) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.end >= len(line.rstrip())) is whole


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_parse_dateline_ignores_body_sentences(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "year", "expected"),
    [
        ("MOSCOW, July 13 (Reuters) - Russia declined.", 2011, "2011-07-13"),
        ("July 13", 2011, "2011-07-13"),
        ("13 July", 2020, "2020-07-13"),
        ("Jan 13, 2020", 2011, "2020-01-13"),
    ],
)
def test_parse_dateline_completes_year_from_elsewhere(line: str, year: int, expected: str) -> None:
    found = parse_dateline(line, year)
    assert found is not None and found.date is not None
    assert found.date.iso() == expected


@pytest.mark.parametrize("text", ["31 February 2011", "2011-13-01", "Sunday 05/02/2021 and more"])
def test_parse_date_rejects_impossible_or_partial(text: str) -> None:
    assert parse_date(text) is None


def test_parse_dateline_prefix_end_points_at_body() -> None:
    line = "MOSCOW, July 13 (Reuters) - Russia declined."
    found = parse_dateline(line)
    assert found is not None
    assert line[found.end :] == "Russia declined."


@given(st.text())
def test_parse_dateline_never_raises_on_text(text: str) -> None:
    parse_dateline(text, 2011)


@given(st.binary())
def test_parse_date_never_raises_on_decoded_bytes(data: bytes) -> None:
    parse_date(data.decode("latin-1"))


def test_a_dotted_year_first_date_line_is_a_dateline() -> None:
    from newsevents.ingest.dateline import parse_dateline
    found = parse_dateline("Posted 2020.10.23 08:00")
    assert found is not None and found.date is not None and found.date.iso() == "2020-10-23"
