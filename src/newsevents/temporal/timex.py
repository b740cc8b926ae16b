"""Find time expressions in a text and normalise them against the article date (TIMEX3 values).

Every rule module proposes expressions; where proposals overlap the longest wins (ties go to the
earlier rule: explicit dates before relative ones, dates before durations). A date next to a
clock time becomes one TIME, and "two days later" is re-anchored on the previous date the text
mentions. Extents follow TimeML: no leading preposition ("on Friday" -> "Friday"), modifiers
that change the value kept ("last week", "early December").
"""

from __future__ import annotations

import functools
import re

from newsevents.models import DateValue, Precision, TimeExpression, TimexType
from newsevents.temporal import absolute, clock, durations, named, relative
from newsevents.temporal.lexicon import lexicon
from newsevents.temporal.periods import shift, value_at_unit
from newsevents.temporal.rule import COARSENESS, Context, Found, Rule

DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
WORD = re.compile(r"[A-Za-z]+|\d+")
REACH = 40  # characters around a trigger word that a rule's match may span
EXTRA_TRIGGERS = (
    "yesterday today tomorrow tonight night morning afternoon evening weekend quarter "
    "every each daily weekly fortnightly monthly quarterly annually yearly hourly nightly "
    "noon midday midnight once twice fiscal"
)
JOINER_AFTER_DATE = re.compile(r"^\s*,?\s*(?:at\s+)?$")
JOINER_AFTER_TIME = re.compile(r"^\s*,?\s*(?:on\s+)?$")
UNIT_PRECISION = {
    "D": Precision.DAY,
    "W": Precision.WEEK,
    "M": Precision.MONTH,
    "Y": Precision.YEAR,
}


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in order of precedence."""
    return absolute.rules() + relative.rules() + named.rules() + durations.rules() + clock.rules()


OUT_OF_RANGE = (ValueError, OverflowError)  # a date before year 1 or after 9999


def _built(rule: Rule, match: re.Match[str], ctx: Context) -> list[Found]:
    """The rule's expressions for the match; none when its value falls outside the calendar
    ("7000 years ago", "in 99999 days"): an out-of-range date is no date, never an error."""
    try:
        return list(rule.build(match, ctx))
    except OUT_OF_RANGE:
        return []


def find_timexes(text: str, dct: DateValue | None = None) -> list[TimeExpression]:
    """TIMEX3 expressions in ``text``, in order, with values resolved against ``dct``.

    Without ``dct`` relative values stay underspecified ("XXXX-WXX-3" for "Wednesday",
    "XXXX-03-17" for "March 17", "XXXX" for "last year").
    """
    ctx = Context(text, dct)
    proposals = [(rank, item) for rank, rule, match in _matches(text)
                 for item in _built(rule, match, ctx)]
    chosen = _settle_overlaps(proposals)
    chosen = _join_dates_and_times(chosen, text)
    chosen = _anchor_later(chosen)
    return [
        TimeExpression(
            item.start, item.end, text[item.start : item.end], item.type, item.value, item.mod
        )
        for item in chosen
    ]


@functools.lru_cache(maxsize=4)
def _matches(text: str) -> tuple[tuple[int, Rule, re.Match[str]], ...]:
    """Every rule's matches in ``text``, with the rule's rank. They do not depend on the
    article date, so the coder's two reads of one text (its publication date, then its events'
    dates) scan it once. A rule runs only on the stretches around its own trigger words."""
    found = []
    for start, end, words in _segments(text):
        for rank, rule in enumerate(all_rules()):
            if words & rule_words(rank):
                found.extend((rank, rule, match) for match in rule.pattern.finditer(text, start, end))
    return tuple(found)


DIGITS = "0"  # how a number stands among a segment's trigger words


@functools.cache
def rule_words(rank: int) -> frozenset[str]:
    """The trigger words rule ``rank`` can match, read off its pattern (``DIGITS`` for a
    pattern with digits): every match of a rule holds one of them, so a stretch without any
    cannot hold a match of that rule."""
    source = all_rules()[rank].pattern.pattern.lower()
    named = {word for word in trigger_words() if word in source}
    # a pattern may spell a word in parts ("week(?:end)?"): a word its words begin counts
    words = {word for word in trigger_words() if any(word.startswith(n) for n in named)}
    if "\\d" in source or "0-9" in source:
        words.add(DIGITS)
    return frozenset(words)


def _segments(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of ``text`` around words that can start or end a time expression, with those
    words; the rules only run there, so long texts with few dates are read quickly."""
    words = trigger_words()
    segments: list[tuple[int, int, set[str]]] = []
    for match in WORD.finditer(text):
        word = match.group()
        key = DIGITS if word[0].isdigit() else word.lower()
        if key != DIGITS and key not in words:
            continue
        start = max(0, match.start() - REACH)
        end = min(len(text), match.end() + REACH)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], end, segments[-1][2] | {key})
        else:
            segments.append((_word_start(text, start), end, {key}))
    return [(start, _word_end(text, end), frozenset(keys)) for start, end, keys in segments]


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


@functools.cache
def trigger_words() -> frozenset[str]:
    """Every word some rule needs (a month, a unit, "yesterday", …); digits trigger too."""
    lex = lexicon()
    words: set[str] = set(EXTRA_TRIGGERS.split())
    for table in (lex.months, lex.month_abbrs, lex.weekdays, lex.weekday_abbrs, lex.seasons):
        words.update(table)
    for phrase in list(lex.refs) + list(lex.holidays):
        words.add(max(re.findall(r"[a-z]+", phrase), key=len))  # "the past" -> "past"
    words.update(lex.units)
    words.update(f"{unit}s" for unit in lex.units)
    return frozenset(words)


def _settle_overlaps(proposals: list[tuple[int, Found]]) -> list[Found]:
    """Keep the longest of overlapping proposals; ties go to the earlier rule."""
    ordered = sorted(proposals, key=lambda p: (p[1].start - p[1].end, p[0], p[1].start))
    taken: list[Found] = []
    for _, item in ordered:
        if item.end <= item.start:
            continue
        if all(item.end <= other.start or item.start >= other.end for other in taken):
            taken.append(item)
    return sorted(taken, key=lambda f: f.start)


def _join_dates_and_times(items: list[Found], text: str) -> list[Found]:
    """ "March 2, 2011 6:43 pm" or "10:00 on March 17" -> one TIME on that day."""
    joined: list[Found] = []
    for item in items:
        previous = joined[-1] if joined else None
        if previous is not None and _joinable(previous, item, text):
            date, time = (previous, item) if previous.type is TimexType.DATE else (item, previous)
            value = f"{date.value}T{time.value.partition('T')[2]}"
            mod = date.mod or time.mod
            joined[-1] = Found(previous.start, item.end, TimexType.TIME, value, mod=mod)
        else:
            joined.append(item)
    return joined


def _joinable(first: Found, second: Found, text: str) -> bool:
    gap = text[first.end : second.start]
    if first.type is TimexType.DATE and second.type is TimexType.TIME:
        return bool(DAY_VALUE.match(first.value) and JOINER_AFTER_DATE.match(gap))
    if first.type is TimexType.TIME and second.type is TimexType.DATE:
        return bool(DAY_VALUE.match(second.value) and JOINER_AFTER_TIME.match(gap))
    return False


def _anchor_later(items: list[Found]) -> list[Found]:
    """Recompute "two days later" from the date mentioned before it, when there is one."""
    anchor: DateValue | None = None
    resolved: list[Found] = []
    for item in items:
        if item.later is not None and anchor is not None:
            steps, code = item.later
            if COARSENESS[anchor.precision] <= COARSENESS[UNIT_PRECISION[code]]:
                try:
                    value = value_at_unit(shift(anchor.day, steps, code), code)
                except OUT_OF_RANGE:
                    value = "XXXX"  # "30000 years later": no date in the calendar
                item = Found(item.start, item.end, item.type, value, mod=item.mod)
        resolved.append(item)
        if item.type is TimexType.DATE:
            anchor = _as_date(item.value) or anchor
    return resolved


def _as_date(value: str) -> DateValue | None:
    try:
        return DateValue.parse(value)
    except ValueError:
        return None
