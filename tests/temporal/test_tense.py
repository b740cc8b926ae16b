"""clause_tense: which way a clause points, from its words."""

from __future__ import annotations

import pytest

from newsevents.temporal.tense import Tense, clause_tense


def tense_at(text: str, target: str) -> Tense:
    start = text.index(target)
    return clause_tense(text, start, start + len(target))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels seized the town on Friday.", Tense.PAST),
        ("The FAA on Friday announced closures.", Tense.PAST),
        ("Talks will resume on Friday.", Tense.FUTURE),
        ("They'll meet on Friday.", Tense.FUTURE),
        ("A summit is to be held on Friday.", Tense.FUTURE),
        ("The meeting was scheduled for Friday.", Tense.PAST),
        ("The meeting is scheduled for Friday.", Tense.FUTURE),
        ("The deal may be signed on Friday.", Tense.FUTURE),
        ("They may have met on Friday.", Tense.PAST),
        ("The vote has been postponed until Friday.", Tense.FUTURE),
        ("In Tripoli on Friday.", Tense.UNKNOWN),
    ],
)
def test_clause_tense_reads_markers(text: str, expected: Tense) -> None:
    assert tense_at(text, "Friday") is expected


def test_clause_tense_stays_inside_the_sentence() -> None:
    text = "Talks will resume soon. On Friday rebels attacked."
    assert tense_at(text, "Friday") is Tense.PAST


def test_clause_tense_reads_may_as_month_when_capitalised() -> None:
    assert tense_at("The deal signed in May stood until Friday.", "Friday") is Tense.FUTURE
