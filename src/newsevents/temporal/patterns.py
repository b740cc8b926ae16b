"""Regular-expression fragments built from the word lists, shared by the rule modules.

Fragments contain no named groups, so rules can combine them freely; each rule names the groups
it reads. All patterns are compiled case-insensitively: rules check capitalisation themselves
where it matters ("May" the month, "may" the verb).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.temporal.lexicon import lexicon

FLAGS = re.IGNORECASE
INLINE_SPACE = " \\t\\r\\f\\v\\xa0\\u2000-\\u200a\\u202f\\u205f\\u3000"


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of ``words``, longest first, spaces as ``\\s+``."""
    escaped = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
        escaped.append(piece)
    return "(?:" + "|".join(escaped) + ")"


@dataclass(frozen=True, slots=True)
class Fragments:
    month_full: str  # "March"
    month_any: str  # "March", "Mar", "Mar.", "Sept."
    weekday_full: str
    weekday_any: str
    day: str  # 1-31 with an optional ordinal suffix, not followed by a digit
    year: str  # 1000-2099, not part of a longer number
    number: str  # "three", "twenty-five", "a few", "14", "2.5"
    unit: str  # "day", "weeks", "centuries" (singular or plural)
    part: str  # "early", "mid-", "the end of", "late"
    season: str
    holiday: str
    time_of_day: str


@functools.cache
def fragments() -> Fragments:
    lex = lexicon()
    month_abbr = alternation(lex.month_abbrs) + r"\.?"
    weekday_abbr = alternation(lex.weekday_abbrs) + r"\.?"
    tens = alternation(w for w, v in lex.numbers.items() if v and 20 <= v <= 90)
    ones = alternation(w for w, v in lex.numbers.items() if v and v < 10 and " " not in w)
    number_words = alternation(w for w in lex.numbers if w not in {"a", "an"})
    unit_words = list(lex.units) + [f"{u}s" for u in lex.units if not u.endswith("s")]
    return Fragments(
        month_full=r"\b" + alternation(lex.months) + r"\b",
        month_any=r"\b(?:" + alternation(lex.months) + "|" + month_abbr + r")(?![\w])",
        weekday_full=r"\b" + alternation(lex.weekdays) + r"\b",
        weekday_any=r"\b(?:" + alternation(lex.weekdays) + "|" + weekday_abbr + r")(?![\w])",
        day=r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])",
        year=r"(?<![\w$£€#.,])(?:1\d|20)\d\d(?![\w%]|[.,:]\d)",
        number=(
            rf"(?:\b{tens}-{ones}\b|\b{number_words}\b|\ban?\b"
            r"|(?<![\w.,$£€])\d+(?:\.\d+)?)"
        ),
        unit=alternation(unit_words) + r"\b",
        part=(
            r"(?:(?:the\s+)?(?:very\s+)?(?:"
            r"(?:beginning|start|end|middle)\s+of(?:\s+the)?\s+"
            r"|(?:early|earlier|later?|mid)(?:\s*-\s*|\s+)|(?:end|mid)-))"
        ),
        season=r"\b" + alternation(lex.seasons) + r"\b",
        holiday=r"\b" + alternation(lex.holidays) + r"\b",
        time_of_day=r"\b(?:morning|afternoon|evening|night)\b",
    )


def compile_pattern(source: str) -> re.Pattern[str]:
    """Compile a rule's pattern. A match starts at a word's head (never mid-word, which also
    halves the time spent scanning) and its whitespace never crosses a line break (a headline
    and the dateline under it are not one expression)."""
    return re.compile(r"(?<!\w)(?:" + _same_line(source) + ")", FLAGS)


def _same_line(source: str) -> str:
    """``source`` with every ``\\s`` narrowed to whitespace other than a newline."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            escape = source[i : i + 2]
            if escape == "\\s":
                escape = INLINE_SPACE if in_class else f"[{INLINE_SPACE}]"
            out.append(escape)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and source[i - 1] != "[":
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def number_value(text: str) -> int | float | None:
    """The count a number fragment stands for; None for vague ones ("several")."""
    words = lexicon().numbers
    key = re.sub(r"\s+", " ", text.lower()).replace("’", "'")
    if key in words:
        return words[key]
    if "-" in key:
        tens, _, ones = key.partition("-")
        return (words.get(tens) or 0) + (words.get(ones) or 0)
    return float(key) if "." in key else int(key)


def part_mod(text: str | None) -> str | None:
    """TIMEX3 mod of a part-of-period prefix ("early" -> START); None for "earlier"/"later"."""
    if not text:
        return None
    words = re.findall(r"[a-z]+", text.lower())
    parts = lexicon().parts
    for word in words:
        if word in parts:
            return parts[word]
    return None


@functools.cache
def _quantifier_before() -> re.Pattern[str]:
    phrases = alternation(lexicon().quantifiers)
    return re.compile(rf"\b(?P<q>{phrases})\s*$", FLAGS)


def quantifier_mod(before: str, point: bool = False) -> str | None:
    """TIMEX3 mod of a quantifier just before an expression ("about", "more than"): for a
    duration ("more than a year": MORE_THAN), or for a date counted back or forward
    (``point``: "more than a year ago" lies BEFORE the value)."""
    match = _quantifier_before().search(before)
    if match is None:
        return None
    duration_mod, point_mod = lexicon().quantifiers[re.sub(r"\s+", " ", match["q"].lower())]
    return point_mod if point else duration_mod
