"""The shape every time-expression rule shares: a pattern and a function from a match to values.

A rule module (``absolute``, ``relative``, ``durations``, ``clock``) exposes ``rules()``; each
:class:`Rule` turns one regex match into zero or more :class:`Found` expressions, resolving
relative values against the :class:`Context` (article date, tense of the clause).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsevents.models import DateValue, Precision, TimexType
from newsevents.temporal.tense import Tense, clause_tense

COARSENESS = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression found by a rule, before overlaps between rules are settled.

    ``later`` marks values relative to the previous date in the text ("two days later"):
    (count, unit code); the value is then recomputed from that date when there is one. ``mod``
    is the TIMEX3 modifier (START for "early December", APPROX for "about a month").
    """

    start: int
    end: int
    type: TimexType
    value: str
    later: tuple[int, str] | None = None
    mod: str | None = None


@dataclass(slots=True)
class Context:
    """What a rule may look at besides its match: the whole text and the article date."""

    text: str
    dct: DateValue | None
    _tenses: dict[tuple[int, int], Tense] = field(default_factory=dict)

    def ref(self, need: Precision) -> dt.date | None:
        """The article date, when it is known at least as precisely as ``need``."""
        if self.dct is None or COARSENESS[self.dct.precision] > COARSENESS[need]:
            return None
        return self.dct.day

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = clause_tense(self.text, start, end)
        return self._tenses[key]

    def before(self, start: int, width: int = 40) -> str:
        return self.text[max(0, start - width) : start]

    def after(self, end: int, width: int = 40) -> str:
        return self.text[end : end + width]


Build = Callable[[re.Match[str], Context], list[Found]]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Build


def span_of(match: re.Match[str]) -> tuple[int, int]:
    """The expression's extent: the group ``x`` when the pattern has one, else the match."""
    if "x" in match.re.groupindex and match.start("x") >= 0:
        return match.span("x")
    return match.span()


def found(
    match: re.Match[str],
    kind: TimexType,
    value: str,
    later: tuple[int, str] | None = None,
    mod: str | None = None,
) -> list[Found]:
    start, end = span_of(match)
    return [Found(start, end, kind, value, later, mod)]


def capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()
