"""Which way a clause points in time, from its words alone (no parser).

"Rebels seized the town on Friday" means the Friday before the article; "talks will resume on
Friday" the one after. HeidelTime decides this from part-of-speech tags; we look for the nearest
tense marker (an auxiliary, a past form, "will", "scheduled", …) before the expression in its
clause, then after it. The markers are data (``data/temporal/tense.tsv``); any other word ending
in -ed counts as a past form.
"""

from __future__ import annotations

import re
from enum import Enum

from newsevents.temporal.lexicon import lexicon
from newsevents.temporal.periods import Direction

WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|['’][a-z]+")
CLAUSE_END = re.compile(r"[.!?;:]\s+(?=[\"'“‘`(]*[A-Z0-9])|\n")
WINDOW = 12  # words looked at on each side
PASSIVE_AUX = frozenset({"be", "being"})


class Tense(Enum):
    PAST = "PAST"
    FUTURE = "FUTURE"
    PRESENT = "PRESENT"
    UNKNOWN = "UNKNOWN"

    @property
    def direction(self) -> Direction:
        if self is Tense.PAST:
            return Direction.BACK
        if self is Tense.FUTURE:
            return Direction.FORWARD
        return Direction.NEAREST


CONTRACTIONS = {"ll": Tense.FUTURE, "s": Tense.PRESENT, "re": Tense.PRESENT, "ve": Tense.PRESENT}


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (up to ; and :) around ``text[start:end]``."""
    left = 0  # (the search reaches one past ``start`` so the look-ahead sees the expression)
    for match in CLAUSE_END.finditer(text, max(0, start - 400), min(len(text), start + 1)):
        left = match.end()
    found = CLAUSE_END.search(text, end, min(len(text), end + 400))
    return left, found.start() if found else min(len(text), end + 400)


def _marker(words: list[str], i: int) -> Tense | None:
    """The tense signalled by ``words[i]`` (or by it and the word before), if any."""
    table = lexicon().tense
    word = words[i].lower().replace("’", "'")
    if word.endswith("n't"):
        word = word[:-3]  # "didn't" -> "did", "won't" -> "wo"
    elif "'" in word.strip("'"):
        return CONTRACTIONS.get(word.rsplit("'", 1)[1])  # "they'll", "it's"
    if i > 0:
        pair = table.get(f"{words[i - 1].lower()} {word}")
        if pair is not None:
            return None if pair == "NONE" else Tense[pair]
    label = table.get(word)
    if label is None and len(word) >= 4 and word.endswith("ed") and words[i][0].islower():
        label = "PAST"
    if label is None or label == "NONE" or (label == "FUTURE" and words[i][0].isupper() and i):
        return None  # "in May", mid-sentence, is the month, not the modal
    if label == "PAST" and i > 0 and words[i - 1].lower() in PASSIVE_AUX:
        return None  # "will be held": the auxiliary before it decides
    return Tense[label]


def clause_tense(text: str, start: int, end: int) -> Tense:
    """Tense of the clause around a time expression at ``text[start:end]``."""
    left, right = clause_bounds(text, start, end)
    before = WORD.findall(text, left, start)[-WINDOW:]
    for i in range(len(before) - 1, -1, -1):
        found = _marker(before, i)
        if found is not None:
            return found
    after = WORD.findall(text, end, right)[:WINDOW]
    for i in range(len(after)):
        found = _marker(after, i)
        if found is not None:
            return found
    return Tense.UNKNOWN
