"""Long texts parsed in pieces, batches bounded by characters (nlp.pieces)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from newsevents.models import Article
from newsevents.nlp import load_model
from newsevents.nlp.pieces import _batches, parse, split_text
from newsevents.pipeline import extract_all

PARAGRAPH = "Russia on Wednesday turned down an invitation from Turkey to join the talks. "


def test_a_short_text_is_one_piece() -> None:
    assert split_text("Talks resumed.", 100) == ["Talks resumed."]


def test_pieces_end_at_paragraph_breaks() -> None:
    text = "\n\n".join(["A" * 30 + "."] * 6)
    pieces = split_text(text, 70)
    assert "".join(pieces) == text
    assert all(len(piece) <= 70 for piece in pieces)
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def test_a_text_without_breaks_is_cut_at_the_limit() -> None:
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(2, 60))
def test_pieces_cover_the_text_exactly_within_the_bound(text: str, bound: int) -> None:
    pieces = split_text(text, bound)
    assert "".join(pieces) == text
    assert all(len(piece) <= bound for piece in pieces)


def test_batches_are_bounded_by_count_and_characters() -> None:
    items = [("x" * n, i) for i, n in enumerate([40, 40, 40, 200, 10, 10, 10])]
    batches = [[context for _, context in batch] for batch in _batches(items, 2, 100)]
    assert batches == [[0, 1], [2], [3], [4, 5], [6]]


def test_parse_joins_the_pieces_into_one_doc_of_the_whole_text() -> None:
    nlp = spacy.blank("en")
    text = "\n\n".join(f"Paragraph {i} says something about the talks." for i in range(40))
    (doc, context), = list(parse(nlp, [(text, "a1")], batch_size=8, max_chars=200))
    assert context == "a1" and doc.text == text
    assert [t.text for t in doc] == [t.text for t in nlp(text)]


@pytest.mark.model
def test_an_article_longer_than_spacys_limit_is_coded_with_offsets_in_the_article() -> None:
    nlp = load_model()
    limit = nlp.max_length
    text = "\n\n".join(PARAGRAPH * 3 for _ in range(60))  # ~14,000 characters
    nlp.max_length = 5_000  # spaCy refuses longer texts (E088): the article must go in pieces
    try:
        result, = extract_all([Article(id="long", text=text)])
    finally:
        nlp.max_length = limit
    rejections = [e for e in result.events if e.type == "REJECT"]
    assert rejections
    assert all(text[e.char_start:e.char_end] == e.trigger for e in rejections)
