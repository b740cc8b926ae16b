"""Boilerplate removal: what goes, what must stay, and which outlet a line names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.config import DATA_DIR
from newsevents.ingest.boilerplate import load_rules, match_line, strip_boilerplate
from newsevents.ingest.identity import tracking_params
from newsevents.ingest.outlets import load_outlets

REMOVED = [
    "0 Comments To This Article",
    "Comments 0 comments",
    "12 comments",
    "Comments (3)",
    "Leave a comment",
    "View comments",
    "© 2011 AFP",
    "© British Broadcasting Corporation",
    "Copyright 2020 Reuters",
    "Copyright © 2023 The Associated Press. All rights reserved.",
    "All rights reserved.",
    "This article is from the BBC News website. © British Broadcasting Corporation, The BBC is "
    "not responsible for the content of external internet sites.",
    "Read more: Talks collapse in the capital",
    "(Read more Iran stories.)",
    "Related: Ministers meet in Rome",
    "Exit mobile version",
    "Share this",
    "Share this article",
    "Print",
    "Share on Facebook",
    "Facebook Twitter Email",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Click here to subscribe to our daily briefing",
    "Follow us on Twitter",
    "Follow Al Jazeera on Facebook and Instagram",
    "Subscribe to our newsletter",
    "Sign up for our free daily newsletter.",
    "Skip to main content",
    "3 min read",
    "Published: Updated:",
    "— The Associated Press",
    "By Reuters",
    "ASSOCIATED PRESS",
]

KEPT = [
    "The ministry declined to comment on the report.",
    "Officials did not respond to requests for comment.",
    "He said 12 comments had been received by the committee before the vote.",
    "The copyright dispute between the two broadcasters went to court in 2011.",
    "Copyright law was changed in 2020.",
    "Reuters reported that the talks had stalled.",
    "Read the statement carefully, the minister told reporters.",
    "The council will print new ballots before the election.",
    "Advertisement revenue fell by a third, the company said.",
    "Click here was the name of the campaign, its organisers said.",
    "Protesters followed the convoy on foot to the border crossing.",
    "By John Smith",
    "Subscribers to the service rose by 4%, the regulator said.",
    "Russia",
]

OUTLETS = [
    ("© 2011 AFP", "AFP"),
    ("© British Broadcasting Corporation", "BBC"),
    ("Copyright 2020 Reuters", "Reuters"),
    ("Copyright © 2023 The Associated Press. All rights reserved.", "AP"),
    ("© 2021 Al Jazeera Media Network", "Al Jazeera"),
    ("© 2019 Xinhua News Agency", "Xinhua"),
    ("Copyright 2022 TASS", "TASS"),
    ("© Anadolu Agency", "Anadolu"),
    ("© 2020 RT", "RT"),
    ("This article is from the BBC News website.", "BBC"),
    ("— The Associated Press", "AP"),
    ("© 2018 The Valley Courier", "The Valley Courier"),
    ("Leave a comment", None),
]


@pytest.mark.parametrize("line", REMOVED)
def test_match_line_removes_boilerplate(line: str) -> None:
    assert match_line(line, load_rules()) is not None


@pytest.mark.parametrize("line", KEPT)
def test_match_line_keeps_news_sentences(line: str) -> None:
    assert match_line(line, load_rules()) is None


@pytest.mark.parametrize(("line", "outlet"), OUTLETS)
def test_strip_boilerplate_names_outlet(line: str, outlet: str | None) -> None:
    assert strip_boilerplate(["A sentence of news.", line]).outlet == outlet


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("13th July 2011, Comments 0 comments", "13th July 2011"),
        ("Jan 13, 2020 | 3 comments", "Jan 13, 2020"),
        ("The report drew 3 comments", "The report drew 3 comments"),
    ],
)
def test_strip_boilerplate_cuts_trailers(line: str, kept: str) -> None:
    assert strip_boilerplate([line]).lines == (kept,)


def test_strip_boilerplate_removes_link_list_after_header() -> None:
    lines = [
        "The talks ended on Friday.",
        "Read Also",
        "Grain prices fall on harbour news",
        "",
        "Ministers to meet again in March",
        "Inspectors will check every ship before it docks, the statement said.",
    ]
    cleaned = strip_boilerplate(lines)
    assert [line for line in cleaned.lines if line] == [lines[0], lines[-1]]


def test_strip_boilerplate_keeps_blank_lines_between_paragraphs() -> None:
    assert strip_boilerplate(["One.", "", "Advertisement", "", "Two."]).lines == (
        "One.",
        "",
        "",
        "Two.",
    )


@pytest.mark.parametrize(
    ("name", "loader"),
    [
        ("boilerplate.tsv", load_rules),
        ("ingest/outlets.tsv", load_outlets),
        ("ingest/tracking_params.tsv", tracking_params),
    ],
)
def test_data_file_loads(name: str, loader: object) -> None:
    path = DATA_DIR / name
    assert path.read_text(encoding="utf-8").startswith("#")
    assert loader(path)  # type: ignore[operator]


@given(st.lists(st.text(max_size=300), max_size=20))
def test_strip_boilerplate_never_raises(lines: list[str]) -> None:
    strip_boilerplate(lines)


ARTICLE = [
    "Rebels took the port town on Monday, officials said.",
    "The government denied losing the town.",
    "The views expressed in this article are solely those of Jane Doe.",
]
THREAD = [
    "Like I said before, nobody should be there at all.",
    "Fine words !!! March 9 , 2011 at 6:24 pm | Reply Nobody asked you.",
    "The rebels are heroes.",
    "March 9 , 2011 at 7:02 pm | Reply Agreed.",
    "Comments are not pre-screened before they post.",
]


def test_strip_boilerplate_cuts_a_comment_thread_from_its_lead_line() -> None:
    cleaned = strip_boilerplate(ARTICLE + THREAD)
    assert cleaned.lines == tuple(ARTICLE[:2])
    assert dict(cleaned.cut)["comments"] == len(THREAD) + 1


def test_strip_boilerplate_cuts_the_first_comment_above_the_first_stamp() -> None:
    article = ARTICLE[:2]
    thread = ["You people know nothing about Libya.",
              "March 9 , 2011 at 6:24 pm | Reply Nobody asked you.", "Me neither.",
              "March 9 , 2011 at 7:02 pm | Reply Agreed."]
    assert strip_boilerplate(article + thread).lines == tuple(article)


def test_a_page_without_comment_stamps_keeps_its_text() -> None:
    lines = ["Rebels took the town.", "I saw them arrive, a witness told reporters.",
             "The reply came on March 9, 2011 at 6 pm."]
    cleaned = strip_boilerplate(lines)
    assert cleaned.lines == tuple(lines)
    assert "comments" not in dict(cleaned.cut)
