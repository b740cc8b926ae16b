"""Long texts parsed in pieces, batches bounded by characters (nlp.pieces)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from newsevents.models import Article
from newsevents.nlp import load_model
from newsevents.nlp.pieces import _batches, parse, parse_parts, split_text
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
    alone = [[c for _, c in batch] for batch in _batches(items, 3, 100, lambda i: i[1] == 1)]
    assert alone == [[0], [1], [2], [3], [4, 5, 6]]


def test_each_piece_of_a_text_coded_in_parts_is_parsed_in_a_batch_of_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    sizes: list[int] = []
    pipe = nlp.pipe

    def recording(texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        if kwargs.get("as_tuples"):  # the call per batch (spaCy then calls pipe again inside)
            sizes.append(len(texts))
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording)
    long = "\n\n".join(f"Paragraph {i} says something about the talks." for i in range(20))
    items = [("Short one.", "a"), ("Short two.", "b"), (long, "c"), ("Short three.", "d")]
    parsed = list(parse(nlp, items, batch_size=8, max_chars=200, batch_chars=10_000))
    assert [context for _, context in parsed] == ["a", "b", "c", "d"]
    assert [doc.text for doc, _ in parsed] == [text for text, _ in items]
    assert sizes == [8]  # one Doc of each text: pieces of a text in one part share batches
    sizes.clear()
    parts = list(parse_parts(nlp, items, batch_size=8, max_chars=200, batch_chars=10_000,
                             max_doc_chars=400))
    assert [context for _, context, _ in parts].count("c") > 1  # "c" in several parts
    assert "".join(doc.text for doc, context, _ in parts if context == "c") == long
    assert sizes[0] == 2 and sizes[-1] == 1 and set(sizes[1:-1]) == {1} and len(sizes) > 4


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


def test_spacy_never_gets_more_than_a_piece_of_a_huge_text() -> None:
    nlp = spacy.blank("en")
    seen: list[int] = []

    @spacy.Language.component("newsevents_test_piece_sizes")
    def record(doc):  # noqa: ANN001, ANN202 - a spaCy component
        seen.append(len(doc.text))
        return doc

    nlp.add_pipe("newsevents_test_piece_sizes")
    text = "\n\n".join([PARAGRAPH * 4] * 4_000)  # 1.2 million characters, over nlp.max_length
    (doc, _), = list(parse(nlp, [(text, None)], batch_size=64))
    assert doc.text == text
    assert len(seen) > 20 and max(seen) <= 50_000


MEMORY_SCRIPT = """
import resource, sys
from newsevents.models import Article
from newsevents.pipeline import extract
paragraph = "Russia on Wednesday turned down an invitation from Turkey to join the talks. " * 4
articles = [Article(id=f"a{i}", text="\\n\\n".join([paragraph] * 64)) for i in range(32)]
coded = sum(1 for _ in extract(articles))
print(coded, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.model
def test_memory_stays_bounded_on_a_corpus_larger_than_a_batch() -> None:
    """32 articles of 20,000 characters: one batch of 64 would hold 640,000 characters (2.8 GB
    peak RSS measured with 48 such articles); batches bounded by characters keep it under 1 GB."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT], capture_output=True, text=True,
                         check=True).stdout.split()
    coded, peak_mb = int(out[0]), int(out[1])
    assert coded == 32
    assert peak_mb < 1_000, f"peak RSS {peak_mb} MB"
