"""Pages nested deeper than libxml2 builds (issue #13): their text is found all the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.ingest.html import html_article
from newsevents.ingest.nesting import flatten, too_deep

DATA = Path(__file__).parent / "data"
STORY = ("<p>Russia rejected the peace plan on Monday, officials in Moscow said after long talks "
         "with Turkey in Ankara.</p><p>The talks will resume in Doha next week, a spokesman "
         "for the foreign ministry said.</p>")


def _page(opening: str, closing: str, depth: int) -> bytes:
    return (f"<html><head><title>Deep story</title></head><body>{opening * depth}{STORY}"
            f"{closing * depth}</body></html>").encode()


@pytest.mark.parametrize(("opening", "closing", "depth"), [
    ("<div>", "</div>", 300),
    ("<div>", "</div>", 5_000),
    ("<div class='x'>", "", 5_000),  # never closed
    ("<span><b>", "</b></span>", 3_000),
    ("<table><tr><td>", "</td></tr></table>", 2_000),
])
def test_a_deeply_nested_page_gives_its_text(opening: str, closing: str, depth: int) -> None:
    article = html_article("deep.html", _page(opening, closing, depth))
    assert article.title == "Deep story"
    assert "Russia rejected the peace plan on Monday" in article.text  # tables add "| " cells
    assert "resume in Doha" in article.text


def test_libxml2_loses_the_text_of_a_deep_page_without_flattening() -> None:
    """The case this fixes: without ``flatten`` the page has no text for trafilatura."""
    from newsevents.ingest.html import page_article

    assert too_deep(_page("<div>", "</div>", 5_000))
    with pytest.raises(InputError, match="no article text found"):
        page_article("deep.html", _page("<div>", "</div>", 5_000), None, None)


def test_a_shallow_page_is_not_flattened() -> None:
    page = _page("<div>", "</div>", 20).decode()
    assert not too_deep(page)
    assert flatten(page) == page


def test_flatten_drops_the_tags_below_the_depth_and_keeps_their_text() -> None:
    assert flatten("<a><b><c>x &amp; y</c></b></a>", max_depth=2) == "<a><b>x &amp; y</b></a>"


def test_a_shallow_page_without_text_still_says_so() -> None:
    with pytest.raises(InputError, match="no article text found"):
        html_article("menu.html", (DATA / "menu_only.html").read_bytes())
