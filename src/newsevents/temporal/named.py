"""Rules for calendar names given without a year: "in August", "last June", "this summer",
"Christmas", "the third quarter", "October of next year", "the end of the year".

The year comes from the article date and the clause's tense: in a past clause the most recent
such month (season, quarter) on or before the article date, in a future clause the next one, and
with no tense clue the nearest one. "last June" is the June before the current month.
"""

from __future__ import annotations

import re

from newsevents.models import Precision, TimexType
from newsevents.temporal.absolute import date_without_year
from newsevents.temporal.lexicon import lexicon
from newsevents.temporal.patterns import compile_pattern, fragments, part_mod
from newsevents.temporal.periods import (
    Direction,
    resolve_month_before_after,
    resolve_month_year,
)
from newsevents.temporal.relative import NEED, fold, period_value
from newsevents.temporal.rule import Context, Found, Rule, capitalised, found

MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|till|through|throughout|from|to|during|between|and|or|before|"
    r"after|as\s+of|last|this|next|of\s+(?:early|mid|late))\s*$",
    re.IGNORECASE,
)
SEASON_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|till|through|during|over|before|after|for|from|this|last|next)"
    r"\s*$",
    re.IGNORECASE,
)
YEAR_STEP = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}
PART_MONTH = {"START": 1, "MID": 6, "END": 12}


def _named_relative(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "last June", "this summer", "next spring"."""
    name, rel = match.group("name"), fold(match.group("rel"))
    lex = lexicon()
    ref = ctx.ref(Precision.MONTH)
    season = lex.seasons.get(name.lower())
    if season is None and not capitalised(name):
        return []
    month = season[1] if season else lex.months[name.lower()]
    if ref is None:
        year = "XXXX"
    elif rel == "this":
        year = f"{ref.year:04d}"
    else:
        year = f"{resolve_month_before_after(ref, month, rel in {'next', 'coming'}):04d}"
    code = season[0] if season else f"{month:02d}"
    return found(match, TimexType.DATE, f"{year}-{code}", mod=part_mod(match.group("part")))


def _bare_month(match: re.Match[str], ctx: Context) -> list[Found]:
    name = match.group("mon")
    if not capitalised(name):
        return []
    if not match.group("part") and not MONTH_CONTEXT.search(ctx.before(match.start())):
        return []
    month = lexicon().months[name.lower()]
    ref = ctx.ref(Precision.MONTH)
    mod = part_mod(match.group("part"))
    if ref is None:
        return found(match, TimexType.DATE, f"XXXX-{month:02d}", mod=mod)
    year = resolve_month_year(ref, month, ctx.tense(*match.span()).direction)
    return found(match, TimexType.DATE, f"{year:04d}-{month:02d}", mod=mod)


def _season(match: re.Match[str], ctx: Context) -> list[Found]:
    name = match.group("s")
    code, month = lexicon().seasons[name.lower()]
    mod = part_mod(match.group("part"))
    if match.group("year"):
        return found(match, TimexType.DATE, f"{match.group('year')}-{code}", mod=mod)
    if not name.islower() or not SEASON_CONTEXT.search(ctx.before(match.start())):
        return []
    if name.lower() == "fall" and re.match(r"\s+of\b", ctx.after(match.end())):
        return []  # "the fall of Tripoli"
    ref = ctx.ref(Precision.MONTH)
    if ref is None:
        return found(match, TimexType.DATE, f"XXXX-{code}", mod=mod)
    year = resolve_month_year(ref, month, ctx.tense(*match.span()).direction)
    return found(match, TimexType.DATE, f"{year:04d}-{code}", mod=mod)


def _period_part(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "the end of the year": the nearest year end in the clause's direction."""
    unit, mod = fold(match.group("unit")), part_mod(match.group("part"))
    ref = ctx.ref(NEED.get(unit, Precision.YEAR))
    if ref is None:
        return found(match, TimexType.DATE, "XXXX", mod=mod)
    if unit != "year":
        return found(match, TimexType.DATE, period_value(ref, unit, 0), mod=mod)
    month = PART_MONTH.get(mod or "", 6)
    direction = ctx.tense(*match.span()).direction
    if ctx.ref(Precision.MONTH) is None:
        direction = Direction.NEAREST
    year = resolve_month_year(ref, month, direction)
    return found(match, TimexType.DATE, f"{year:04d}", mod=mod)


def _holiday(match: re.Match[str], ctx: Context) -> list[Found]:
    name = match.group("h")
    if not capitalised(name):
        return []
    month, day = lexicon().holidays[fold(name).replace("’", "'")]
    if match.group("year"):
        return found(match, TimexType.DATE, f"{match.group('year')}-{month:02d}-{day:02d}")
    start, end = match.span()
    return found(match, TimexType.DATE, date_without_year(ctx, start, end, month, day))


def _quarter(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "the first quarter", "the third quarter of last year": a past clause means the most
    recent such quarter."""
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}
    ordinal = fold(match.group("ord"))
    quarter = number.get(ordinal) or int(ordinal[0])
    ref = ctx.ref(Precision.MONTH)
    if match.group("year"):
        year = match.group("year")
    elif ref is None:
        year = "XXXX"
    elif match.group("rel"):
        year = f"{ref.year + YEAR_STEP[fold(match.group('rel'))]:04d}"
    else:
        direction = ctx.tense(*match.span()).direction
        year = f"{resolve_month_year(ref, 3 * quarter - 2, direction):04d}"
    return found(match, TimexType.DATE, f"{year}-Q{quarter}")


def _month_of_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "October of next year", "March this year"."""
    name = match.group("mon")
    if not capitalised(name):
        return []
    ref = ctx.ref(Precision.YEAR)
    month = lexicon().months[name.lower()]
    year = f"{ref.year + YEAR_STEP[fold(match.group('rel'))]:04d}" if ref else "XXXX"
    return found(match, TimexType.DATE, f"{year}-{month:02d}")


PART_OF_PERIOD = (
    r"(?P<part>(?:\bthe\s+)?(?:very\s+)?\b(?:beginning|start|end|middle)\s+of"
    r"(?:\s+the)?\s+)(?P<unit>year|month|week)\b"
)
QUARTER = (
    r"(?:\bthe\s+)?\b(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+"
    r"(?:fiscal\s+)?quarter\b(?:\s+(?:of\s+)?(?:{year}|(?P<rel>last|this|next)\s+year))?"
)


def rules() -> tuple[Rule, ...]:
    f = fragments()
    year = rf"(?P<year>{f.year})"
    part = rf"(?P<part>{f.part})?"
    table = (
        (
            "named relative",
            rf"(?P<part>{f.part})?\b(?P<rel>last|this|next|coming)\s+"
            rf"(?P<name>{f.month_full}|{f.season})",
            _named_relative,
        ),
        ("bare month", rf"{part}(?P<mon>{f.month_full})(?!\s*\.?\s*\d)", _bare_month),
        ("season", rf"{part}(?:\bthe\s+)?(?P<s>{f.season})(?:\s+(?:of\s+)?{year})?", _season),
        ("part of period", PART_OF_PERIOD, _period_part),
        ("holiday", rf"(?P<h>{f.holiday})(?:\s+{year})?", _holiday),
        ("quarter", QUARTER.format(year=year), _quarter),
        (
            "month of year",
            rf"(?P<mon>{f.month_full})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b",
            _month_of_year,
        ),
    )
    return tuple(Rule(name, compile_pattern(source), build) for name, source, build in table)
