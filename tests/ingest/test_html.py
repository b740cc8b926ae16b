"""The HTML reader (trafilatura) on small invented pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.html import html_article, read_html_file
from newsevents.models import Article, DateSource, Precision

DATA = Path(__file__).parent / "data"
PAGE = DATA / "port_town.html"


@pytest.fixture(scope="module")
def article() -> Article:
    items = list(read_html_file(str(PAGE), Settings()))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_read_html_file_takes_title_from_page(article: Article) -> None:
    assert article.title == "Rebels say they hold port town"


def test_read_html_file_extracts_paragraphs_without_dateline_or_menu(article: Article) -> None:
    paragraphs = article.text.split("\n\n")
    assert (len(paragraphs), paragraphs[0][:30]) == (3, "Rebel fighters said they seize")


def test_read_html_file_dates_from_metadata(article: Article) -> None:
    published = article.published
    assert published is not None
    assert (published.iso(), published.precision, article.published_source) == (
        "2019-04-04",
        Precision.DAY,
        DateSource.METADATA,
    )


def test_read_html_file_takes_sitename_as_source(article: Article) -> None:
    assert article.source == "The Example Herald"


def test_read_html_file_takes_canonical_url(article: Article) -> None:
    assert article.url == "https://herald.example.com/world/rebels-port-town"


def test_html_article_given_url_wins_over_canonical() -> None:
    found = html_article("x.html", PAGE.read_bytes(), url="https://mirror.example.net/a")
    assert found.url == "https://mirror.example.net/a"


def test_html_article_without_text_is_problem() -> None:
    with pytest.raises(InputError, match="no article text found"):
        html_article("menu.html", (DATA / "menu_only.html").read_bytes())


def test_read_html_file_refuses_file_over_limit() -> None:
    with pytest.raises(InputError, match="file too large"):
        list(read_html_file(str(PAGE), Settings(max_html_bytes=100)))
