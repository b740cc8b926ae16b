"""Pre-tokenised (Penn Treebank) text restored on ingest; ordinary text left alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsevents.ingest.body import read_body
from newsevents.ingest.tokenised import is_tokenised, restore


def test_restore_undoes_treebank_tokens() -> None:
    text = ("TRIPOLI -LRB- Reuters -RRB- - Libya 's rebels , who do n't agree , said `` we won '' "
            "on Monday . They paid $ 25 million -LRB- about 20 % -RRB- .")
    assert restore(text) == ('TRIPOLI (Reuters) - Libya\'s rebels, who don\'t agree, said "we won" '
                             "on Monday. They paid $25 million (about 20%).")


def test_restore_keeps_line_breaks() -> None:
    assert restore("Rebels took Zawiya .\nThey say they 're winning , and `` free '' .") == \
        'Rebels took Zawiya.\nThey say they\'re winning, and "free".'


def test_ordinary_text_is_left_alone() -> None:
    text = "He said, plainly, that the talks (in Geneva) had failed. 'We won't return,' he said."
    assert not is_tokenised(text)
    assert restore(text) == text


@given(st.text(max_size=400))
def test_restore_never_raises_and_keeps_line_count(text: str) -> None:
    assert restore(text).count("\n") == text.count("\n")


def test_read_body_finds_the_agency_and_date_of_a_tokenised_wire_story() -> None:
    body = read_body("Mon Aug 22 , 2011 9:01 am EDT -LRB- Reuters -RRB- - Rebels entered "
                     "Tripoli , officials said .\nGaddafi 's whereabouts are unknown .", year=2011)
    assert body.source == "Reuters"
    assert body.date is not None and body.date.iso() == "2011-08-22"
    assert body.paragraphs[0] == "Rebels entered Tripoli, officials said."


def test_one_bracket_token_or_treebank_quote_is_enough() -> None:
    assert restore("What is the goal of `` Operation Odyssey Dawn '' ?") == \
        'What is the goal of "Operation Odyssey Dawn"?'
