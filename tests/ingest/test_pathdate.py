"""Dates written into paths and URLs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.ingest.pathdate import date_from_path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("corpus/2011-02-16/story.txt", "2011-02-16"),
        ("https://news.example.org/2020/01/14/talks-resume", "2020-01-14"),
        ("https://news.example.org/2019/4/4/advance", "2019-04-04"),
        ("archive/20110216_talks.txt", "2011-02-16"),
        ("news/talks_2011-02-16.txt", "2011-02-16"),
        ("https://www.example.com/article/idUSKBN0U01J420151217", "2015-12-17"),
        ("https://img.example.com/20221102180359.jpg", "2022-11-02"),
        ("https://news.example.org/2011/07/talks", "2011-07"),
        ("seeds/000_d6a28646b835d821.txt", None),
        ("corpus/2011-13-45/story.txt", None),
        ("ids/123456789012.txt", None),
        ("", None),
    ],
)
def test_date_from_path_reads_table(text: str, expected: str | None) -> None:
    found = date_from_path(text)
    assert (found.iso() if found else None) == expected


@given(st.text())
def test_date_from_path_never_raises(text: str) -> None:
    date_from_path(text)
