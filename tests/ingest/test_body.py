"""Headline, paragraphs and dateline handling shared by every reader."""

from __future__ import annotations

import pytest

from newsevents.ingest.body import is_headline, paragraphs, read_body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Russia turns down offer to join Libya contact group talks", True),
        ("Envoys meet in Geneva as ceasefire holds for a third day", True),
        ("Is the truce holding?", True),
        ("U.S. envoy arrives.", True),
        (
            "Taking up the issue of the mandate, the president today asked the secretary general "
            "to seek strict observance of all resolutions involving force, officials said.",
            False,
        ),
        ("x" * 201, False),
    ],
)
def test_is_headline_separates_title_from_body(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


def test_read_body_without_headline_keeps_first_line_as_body() -> None:
    first = (
        "Taking up the issue of the mandate, the president today asked the secretary general "
        "to seek strict observance of all resolutions involving force, officials said."
    )
    body = read_body(f"{first}\nThe meeting lasted two hours.")
    assert (body.title, body.paragraphs[0]) == (None, first)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["One line.", "Another line."], ("One line.", "Another line.")),
        (["One.", "", "", "Two."], ("One.", "Two.")),
        (
            [
                "The regional council postponed a vote on funding for the new river",
                "bridge after two members asked for an independent cost estimate, the",
                "council chairwoman said.",
            ],
            (
                "The regional council postponed a vote on funding for the new river bridge after "
                "two members asked for an independent cost estimate, the council chairwoman said.",
            ),
        ),
        (
            [
                "Envoys from three states sign harbour deal in a lakeside hotel",
                "The deal reopens the harbour to grain ships after six weeks of blockade.",
            ],
            (
                "Envoys from three states sign harbour deal in a lakeside hotel",
                "The deal reopens the harbour to grain ships after six weeks of blockade.",
            ),
        ),
    ],
)
def test_paragraphs_split_lines_and_unwrap_hard_wraps(
    lines: list[str], expected: tuple[str, ...]
) -> None:
    assert paragraphs(lines) == expected


def test_read_body_reads_dateline_with_comment_counter() -> None:
    body = read_body("Talks end\n\n13th July 2011, Comments 0 comments\n\nThe talks ended.")
    assert (body.date.iso() if body.date else None, body.text) == ("2011-07-13", "The talks ended.")


def test_read_body_takes_date_line_above_headline() -> None:
    body = read_body(
        "Tuesday, 10 November 2020\nLeaders sign peace deal\nThe deal was signed at night."
    )
    assert (body.title, body.date.iso() if body.date else None) == (
        "Leaders sign peace deal",
        "2020-11-10",
    )


def test_read_body_agency_dateline_opens_body() -> None:
    body = read_body("WASHINGTON (AP) — The Senate passed the bill late on Friday.")
    assert (body.title, body.source, body.text) == (
        None,
        "AP",
        "The Senate passed the bill late on Friday.",
    )


def test_read_body_drops_title_repeated_in_text() -> None:
    body = read_body(
        "Talks resume\n\nTalks resumed on Monday.", find_title=False, title="Talks resume"
    )
    assert body.paragraphs == ("Talks resumed on Monday.",)


def test_read_body_month_day_dateline_needs_year() -> None:
    text = "Talks end\nMOSCOW, July 13 (Reuters) - The talks ended."
    assert (read_body(text).date, read_body(text, year=2011).date is not None) == (None, True)


def test_a_teaser_of_another_story_is_no_headline() -> None:
    body = read_body("Two men charged in death of Chicago teenager.\n"
                     "Rebels in Misrata said government forces shelled the port on Monday.\n"
                     "The shelling killed four civilians, rebel officials said.")
    assert body.title is None
    assert body.paragraphs[0].startswith("Rebels in Misrata")


def test_a_headline_sharing_words_with_its_story_is_kept_without_its_byline() -> None:
    body = read_body("By the CNN Wire Staff Libyan rebels ask: where is the no-fly zone?\n"
                     "Libyan rebels in Benghazi asked the West on Monday to enforce a no-fly zone.")
    assert body.title == "Libyan rebels ask: where is the no-fly zone?"


def test_wire_stamps_give_date_and_agency() -> None:
    body = read_body("Sept 21 | Wed Sep 21 , 2011 5:53 pm BST Sept 21 -LRB- Reuters -RRB- - Here is "
                     "a timeline of the war , officials said .\nFeb. 24 - Militias take Misrata .",
                     year=2011)
    assert body.source == "Reuters"
    assert body.date is not None and body.date.iso() == "2011-09-21"


def test_a_special_to_cnn_byline_is_cut_from_the_headline() -> None:
    body = read_body("By Robert Mahoney, Special to CNN Photojournalists in Libya face rising danger\n"
                     "Photojournalists covering the fighting in Libya face rising danger, editors said.")
    assert body.title == "Photojournalists in Libya face rising danger"
