"""Title Case headlines are sentence-cased for the parser, names and offsets kept."""

from __future__ import annotations

import pytest

from newsevents.nlp.headlines import is_title_case, sentence_case

NAMES = {"Chile", "Peruvian", "United Nations", "Lima"}


def is_name(phrase: str) -> bool:
    return phrase in NAMES


@pytest.mark.parametrize(("line", "expected"), [
    ("Chile Expels Peruvian Envoy Over Border Row", "Chile expels Peruvian envoy over border row"),
    ("Rebels Meet United Nations Envoy In Lima", "Rebels meet United Nations envoy in Lima"),
    ("NATO Holds Talks On Monday", "NATO holds talks on Monday"),
])
def test_sentence_case_lowers_words_that_are_no_names(line, expected):
    assert sentence_case(line, is_name) == expected


def test_sentence_case_keeps_a_line_that_is_not_title_case():
    line = "Chile expels a Peruvian envoy"
    assert not is_title_case(line)
    assert sentence_case(line, is_name) == line


def test_sentence_case_keeps_the_length():
    line = "Chile Expels Peruvian Envoy"
    assert len(sentence_case(line, is_name)) == len(line)
