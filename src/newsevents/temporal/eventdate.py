"""The date an event mention happened on: the time expression that governs it, else the
article date.

An event is dated by the nearest DATE (or TIME) expression in its sentence, preferring one in
the same clause as the trigger. Expressions that do not name when the event happened are
skipped: references ("now", "recently"), durations, sets, and, when the text is given, dates
introduced by "since"/"until" ("in power since 1969" does not date the event to 1969).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsevents.models import DateValue, TimeExpression, TimexType

DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-(?:WE|[1-7]))?$")
MONTH = re.compile(r"^(\d{4})-(\d\d)$")
YEAR_PART = re.compile(r"^(\d{4})(?:-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?$")
NOT_WHEN = re.compile(r"\b(?:since|until|till|through|throughout)\s+(?:the\s+)?$", re.I)
PREPOSITION = re.compile(r"\b(?:on|in|at|during|by|from|around|before|after|of)\s+$", re.I)
CLAUSE_BREAK = re.compile(r"[;:—]|\s--\s|,")
DATED_TYPES = (TimexType.DATE, TimexType.TIME)


def timex_to_datevalue(value: str) -> DateValue | None:
    """A TIMEX3 value as a calendar date with the precision it states.

    A day (or a time on it) is DAY, a week (or its weekend) WEEK, a month MONTH; a year, season,
    quarter or half-year is YEAR (a season is not a month). Underspecified (XXXX-…), reference
    (PRESENT_REF …), decade and period values give None.
    """
    try:
        if DAY.match(value):
            return DateValue.parse(value[:10])
        if WEEK.match(value):
            return DateValue.parse(value[:8])
        if MONTH.match(value):
            return DateValue.parse(value)
        if match := YEAR_PART.match(value):
            return DateValue.parse(match.group(1))
    except ValueError:
        return None
    return None


def _distance(timex: TimeExpression, span: tuple[int, int], text: str | None) -> int:
    """Characters between the expression and the trigger, more across a clause break."""
    if timex.end <= span[0]:
        gap = (timex.end, span[0])
    elif timex.start >= span[1]:
        gap = (span[1], timex.start)
    else:
        return 0
    distance = gap[1] - gap[0]
    if text is not None:
        distance += 40 * len(CLAUSE_BREAK.findall(text, gap[0], gap[1]))
    return distance


def _evidence(timex: TimeExpression, text: str | None) -> str:
    if text is None:
        return timex.text
    before = PREPOSITION.search(text, max(0, timex.start - 12), timex.start)
    return text[before.start() : timex.end] if before else timex.text


def date_for_span(
    timexes: Sequence[TimeExpression],
    span: tuple[int, int],
    sentence: tuple[int, int],
    dct: DateValue | None,
    text: str | None = None,
) -> tuple[DateValue | None, str | None]:
    """The date of the event whose trigger is at ``span`` inside ``sentence`` (offsets into the
    same text as the expressions'), and the words that gave it; (``dct``, None) when no
    expression in the sentence dates it. Passing ``text`` lets "since 2011" be skipped and
    clause breaks count.
    """
    best: tuple[int, DateValue, TimeExpression] | None = None
    for timex in timexes:
        if timex.type not in DATED_TYPES or timex.start < sentence[0] or timex.end > sentence[1]:
            continue
        value = timex_to_datevalue(timex.value)
        if value is None:
            continue
        if text is not None and NOT_WHEN.search(text, max(0, timex.start - 20), timex.start):
            continue
        distance = _distance(timex, span, text)
        if best is None or distance < best[0]:
            best = (distance, value, timex)
    if best is None:
        return dct, None
    return best[1], _evidence(best[2], text)
