"""Dated documents: sentence splitting by rule and day mentions resolved per sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.stories import date_document, split_sentences

WEDNESDAY = dt.date(2011, 3, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels advanced. Troops retreated.", ["Rebels advanced.", "Troops retreated."]),
        ("Rebels advance . Troops retreat .", ["Rebels advance .", "Troops retreat ."]),
        ("U.S. forces struck. Then they left.", ["U.S. forces struck.", "Then they left."]),
        ("Mr. Obama spoke. He left.", ["Mr. Obama spoke.", "He left."]),
        ("A headline\nThe story begins.", ["A headline", "The story begins."]),
        ("Is it over? `` No , '' he said .", ["Is it over?", "`` No , '' he said ."]),
        ("  \n  ", []),
    ],
)
def test_split_sentences_cuts_at_sentence_ends(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == expected


def test_date_document_resolves_weekday_against_publication_date() -> None:
    doc = date_document("a1", "Rebels took Misrata on Monday. They held it.", WEDNESDAY)
    assert [s.dates for s in doc.sentences] == [(dt.date(2011, 3, 21),), ()]


def test_date_document_ignores_coarser_mentions() -> None:
    doc = date_document("a1", "Fighting went on in March and last week.", WEDNESDAY)
    assert doc.sentences[0].dates == ()


def test_date_document_keeps_offsets_into_the_text() -> None:
    text = "First one. Second one."
    doc = date_document("a1", text, WEDNESDAY)
    assert [text[s.start:s.end] for s in doc.sentences] == [s.text for s in doc.sentences]


def test_date_document_uses_given_spans() -> None:
    text = "One sentence. Still the same one by decree."
    doc = date_document("a1", text, WEDNESDAY, spans=[(0, len(text))])
    assert [s.text for s in doc.sentences] == [text]
