"""The .txt reader on small invented articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.config import Settings
from newsevents.ingest.text import read_text_file, text_article, text_items
from newsevents.models import Article, DateSource, Problem, Severity

DATA = Path(__file__).parent / "data"


def only_article(items: list[Article | Problem]) -> Article:
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 1, items
    return articles[0]


def read(path: Path) -> list[Article | Problem]:
    return list(read_text_file(str(path), Settings()))


def test_read_text_file_takes_first_line_as_title() -> None:
    article = only_article(read(DATA / "harbour_talks.txt"))
    assert article.title == "Coastal states agree to reopen northern harbour"


def test_read_text_file_strips_dateline_prefix_and_boilerplate() -> None:
    article = only_article(read(DATA / "harbour_talks.txt"))
    assert article.text.split("\n\n") == [
        "Delegations from three coastal states agreed on Tuesday to reopen the northern harbour "
        "of Velmar to grain ships, ending a blockade that had lasted six weeks.",
        "The agreement was signed by the transport ministers after two days of talks at a "
        "lakeside hotel, according to a joint statement.",
        "Inspectors from a neutral country will check every vessel before it enters the harbour, "
        "the statement said.",
    ]


def test_read_text_file_keeps_agency_as_source() -> None:
    assert only_article(read(DATA / "harbour_talks.txt")).source == "Reuters"


def test_read_text_file_month_day_dateline_without_year_gives_no_date() -> None:
    article = only_article(read(DATA / "harbour_talks.txt"))
    assert (article.published, article.published_source) == (None, DateSource.NONE)


def test_read_text_file_completes_dateline_year_from_path(tmp_path: Path) -> None:
    folder = tmp_path / "2011-07-01"
    folder.mkdir()
    shutil.copy(DATA / "harbour_talks.txt", folder / "harbour.txt")
    article = only_article(read(folder / "harbour.txt"))
    assert (article.published.iso() if article.published else None, article.published_source) == (
        "2011-07-13",
        DateSource.DATELINE,
    )


def test_read_text_file_uses_path_date_without_dateline(tmp_path: Path) -> None:
    path = tmp_path / "talks_2011-02-16.txt"
    path.write_text("Talks resume\n\nThe talks resumed in the capital.\n", encoding="utf-8")
    article = only_article(read(path))
    assert (article.published.iso() if article.published else None, article.published_source) == (
        "2011-02-16",
        DateSource.PATH,
    )


def test_read_text_file_unwraps_hard_wrapped_paragraph() -> None:
    article = only_article(read(DATA / "wrapped_letter.txt"))
    assert article.text.split("\n\n")[0].startswith(
        "The regional council postponed a vote on funding for the new river bridge after"
    )


def test_read_text_file_reads_own_line_dateline() -> None:
    article = only_article(read(DATA / "wrapped_letter.txt"))
    assert (article.published.iso() if article.published else None, article.published_source) == (
        "2020-01-13",
        DateSource.DATELINE,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just a headline\n", "headline but no body text"),
        ("Share this\nAdvertisement\n", "no article text left after removing boilerplate"),
    ],
)
def test_text_article_reports_missing_body(text: str, message: str) -> None:
    assert text_article("x.txt", text) == Problem("x.txt", message)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    ],
)
def test_text_items_reports_unreadable_bytes(data: bytes, message: str) -> None:
    assert list(text_items("x.txt", data)) == [Problem("x.txt", message)]


def test_text_items_falls_back_to_cp1252_with_warning() -> None:
    data = "Talks resume\n\nThe minister said \u201cno\u201d to the plan.\n".encode("cp1252")
    warning, article = list(text_items("x.txt", data))
    assert isinstance(warning, Problem) and warning.severity is Severity.WARNING
    assert "decoded as cp1252" in warning.message
    assert isinstance(article, Article) and "\u201cno\u201d" in article.text


@given(st.binary())
def test_text_items_never_raises_on_bytes(data: bytes) -> None:
    assert all(isinstance(item, Article | Problem) for item in text_items("x.txt", data))


@given(st.text())
def test_text_article_never_raises_on_text(text: str) -> None:
    assert isinstance(text_article("x.txt", text), Article | Problem)
