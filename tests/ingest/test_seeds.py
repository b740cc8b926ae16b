"""The five real seed articles in ../shared/seeds (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.config import shared_dir
from newsevents.ingest import iter_inputs
from newsevents.models import Article, DateSource, Precision

pytestmark = pytest.mark.shared

BOILERPLATE = [
    "0 Comments To This Article",
    "Comments 0 comments",
    "© 2011 AFP",
    "Leave a comment",
    "This article is from the BBC News website",
    "© British Broadcasting Corporation",
]

TITLES = [
    ("000", "Russia turns down offer to join Libya contact group talks"),
    ("001", "Russia and US continue a dialogue on Libya"),
    ("002", "Nato fends off concern over Libya"),
    ("003", None),
    ("004", "Turkey, Russia continue to work together for Libya ceasefire"),
]


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[object]]:
    folder = shared_dir() / "seeds"
    if not folder.is_dir():
        pytest.skip(f"../shared/seeds not found: {folder}")
    found: dict[str, list[object]] = {}
    for item in iter_inputs([str(folder)]):
        found.setdefault(Path(item.path or "").name[:3], []).append(item)
    return found


def seed(seeds: dict[str, list[object]], prefix: str) -> Article:
    article = seeds[prefix][0]
    assert isinstance(article, Article)
    return article


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_ingests_to_one_article(seeds: dict[str, list[object]], prefix: str) -> None:
    assert [type(item) for item in seeds[prefix]] == [Article]


@pytest.mark.parametrize(("prefix", "title"), TITLES)
def test_seed_has_headline_as_title(
    seeds: dict[str, list[object]], prefix: str, title: str | None
) -> None:
    assert seed(seeds, prefix).title == title


def test_seed_without_headline_keeps_first_sentence_in_body(seeds: dict[str, list[object]]) -> None:
    assert seed(seeds, "003").text.startswith("Strongly taking up the issue of NATO")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("fragment", BOILERPLATE)
def test_seed_body_has_no_boilerplate(
    seeds: dict[str, list[object]], prefix: str, fragment: str
) -> None:
    assert fragment not in seed(seeds, prefix).text


def test_seed_000_dated_by_dateline(seeds: dict[str, list[object]]) -> None:
    article = seed(seeds, "000")
    assert article.published is not None
    assert (article.published.iso(), article.published.precision, article.published_source) == (
        "2011-07-13",
        Precision.DAY,
        DateSource.DATELINE,
    )


@pytest.mark.parametrize(("prefix", "source"), [("000", "AFP"), ("002", "BBC")])
def test_seed_source_from_copyright_line(
    seeds: dict[str, list[object]], prefix: str, source: str
) -> None:
    assert seed(seeds, prefix).source == source


def test_seed_keeps_last_news_paragraph(seeds: dict[str, list[object]]) -> None:
    assert seed(seeds, "002").text.endswith("possible rift in the rebel leadership.")
