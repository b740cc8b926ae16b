"""A line break ends a sentence unless the line plainly goes on (hand-made Docs, no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsevents.nlp import load_model
from newsevents.nlp.paragraphs import mark_line_breaks, sentence_at, sentences


def _doc(words: list[str]) -> Doc:
    """Words with "\\n" tokens standing alone, as spaCy's tokenizer leaves them."""
    spaces = [False if w.isspace() or (i + 1 < len(words) and words[i + 1].isspace()) else True
              for i, w in enumerate(words)]
    return Doc(Vocab(), words=words, spaces=spaces)


@pytest.mark.parametrize("words, starts", [
    (["Rivals", "Sign", "Pact", "\n\n", "The", "two", "sides", "signed", "."], [4]),
    (["Cairo", ",", "May", "2", "\n", "Egypt", "said", "."], [5]),
    (["talks", "ended", ".", "\n", "Delegates", "left", "."], [4]),
])
def test_line_breaks_start_a_sentence_after_each_break(words, starts):
    doc = mark_line_breaks(_doc(words))
    assert [t.i for t in doc if t.is_sent_start and t.i > 0] == starts


@pytest.mark.parametrize("words", [
    ["the", "two", "sides", "\n", "signed", "the", "deal", "."],
    ["after", "talks", ",", "\n", "and", "then", "left", "."],
])
def test_line_breaks_keep_a_wrapped_line_in_its_sentence(words):
    doc = mark_line_breaks(_doc(words))
    assert not any(t.is_sent_start for t in doc[1:])


@pytest.mark.model
def test_line_breaks_split_a_headline_from_the_body():
    doc = load_model()("Rivals Sign Peace Pact In Doha\n\nThe two rival governments signed a pact on "
                    "Monday after long talks.")
    assert [s.text.strip() for s in doc.sents][0] == "Rivals Sign Peace Pact In Doha"


def test_sentences_are_built_once_and_found_by_token():
    doc = mark_line_breaks(_doc(["One", "line", ".", "\n", "Two", "lines", "."]))
    doc[0].is_sent_start = True
    spans = sentences(doc)
    assert sentences(doc) is spans
    assert [s.start for s in spans] == [0, 4]
    assert sentence_at(doc, 5).start == 4 and sentence_at(doc, 2).start == 0


def test_line_breaks_a_blank_line_always_ends_the_sentence():
    doc = mark_line_breaks(_doc(["rivals", "sign", "pact", "\n\n", "officials", "said", "."]))
    assert [t.i for t in doc if t.is_sent_start and t.i > 0] == [4]


@pytest.mark.parametrize("words, held", [
    (["Talks", "\n\n", "Russia", "on", "Wednesday", "turned", "down", "the", "offer", "."], [3]),
    (["Russia", "on", "Wednesday", "turned", "down", "the", "offer", "."], [1]),
])
def test_a_lines_first_word_is_no_sentence_by_itself(words, held):
    doc = mark_line_breaks(_doc(words))
    assert [t.i for t in doc if t.is_sent_start is False] == held


def test_a_one_word_line_keeps_its_break():
    doc = mark_line_breaks(_doc(["Talks", "\n\n", "Russia", "said", "."]))
    assert doc[2].is_sent_start and doc[3].is_sent_start is False


@pytest.mark.model
def test_the_parser_keeps_a_paragraphs_subject_with_its_verb():
    nlp = load_model()
    doc = nlp("Talks\n\nRussia on Wednesday turned down an invitation from Turkey.")
    russia = next(t for t in doc if t.text == "Russia")
    assert russia.sent.root.text == "turned"
