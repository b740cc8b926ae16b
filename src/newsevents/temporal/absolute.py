"""Rules for dates the text spells out: full dates, month and year, years, decades, centuries.

A date without a year ("on March 17") takes the article's year, or the one before or after
when the clause's tense says so: in a past clause the most recent March 17 on or before the
article date, in a future clause the next one.
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.models import Precision, TimexType
from newsevents.temporal.lexicon import lexicon
from newsevents.temporal.patterns import compile_pattern, fragments, part_mod
from newsevents.temporal.periods import decade_value, resolve_month_day
from newsevents.temporal.rule import Context, Found, Rule, capitalised, found

YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|of|until|till|from|to|before|after|during|between|around|circa|"
    r"fiscal|the|a|an|his|her|its|their|our|and|or|through|throughout|summer|spring|autumn|"
    r"winter|year|early|late|mid)|['’]s|[-–,(])\s*$",
    re.IGNORECASE,
)
QUANTITY_BEFORE = re.compile(
    r"\b(?:about|some|nearly|almost|over|than|around|approximately|roughly|least|only|just|"
    r"estimated|additional|another|total|No\.?|number)\s*$",
    re.IGNORECASE,
)
NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _month(text: str) -> int:
    lex = lexicon()
    key = text.lower().rstrip(".")
    return lex.months.get(key) or lex.month_abbrs[key]


def _is_year(match: re.Match[str], ctx: Context, group: str = "year") -> bool:
    """Whether a four-digit number reads as a year here, not as a count or an amount."""
    year = int(match.group(group))
    before = ctx.before(match.start(group))
    if QUANTITY_BEFORE.search(before) or before.endswith(("$", "£", "€")):
        return False
    following = NEXT_WORD.match(ctx.text, match.end(group))
    if following:
        word = following.group(1).lower()
        units = lexicon().units
        if word in lexicon().count_nouns or word in units or word.removesuffix("s") in units:
            return False  # "2000 people", "1500 years old"
    return 1900 <= year <= 2099 or bool(YEAR_CONTEXT.search(before))


def date_without_year(ctx: Context, start: int, end: int, month: int, day: int) -> str:
    """Value of "March 17": the year from the article date and the clause's tense."""
    ref = ctx.ref(Precision.MONTH)
    if ref is None:
        year_ref = ctx.ref(Precision.YEAR)
        if year_ref is None:
            return f"XXXX-{month:02d}-{day:02d}"
        return f"{year_ref.year:04d}-{month:02d}-{day:02d}"
    if ctx.ref(Precision.DAY) is None:  # article month known: compare months only
        ref = dt.date(ref.year, ref.month, 28 if month == ref.month else ref.day)
    resolved = resolve_month_day(ref, month, day, ctx.tense(start, end).direction)
    return resolved.isoformat() if resolved else f"XXXX-{month:02d}-{day:02d}"


def _full_date(match: re.Match[str], ctx: Context) -> list[Found]:
    if not capitalised(match.group("mon")):
        return []
    month, day = _month(match.group("mon")), int(re.sub(r"\D", "", match.group("day")))
    if match.group("year") and _is_year(match, ctx):
        try:
            value = dt.date(int(match.group("year")), month, day).isoformat()
        except ValueError:
            return []
        return found(match, TimexType.DATE, value)
    if day > 31:
        return []
    start, end = match.start(), max(match.end("day"), match.end("mon"))
    value = date_without_year(ctx, start, end, month, day)
    return [Found(start, end, TimexType.DATE, value)]


def _iso(match: re.Match[str], ctx: Context) -> list[Found]:
    try:
        day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return []
    if match.group("hh"):
        value = f"{day.isoformat()}T{match.group('hh')}:{match.group('mm')}"
        return found(match, TimexType.TIME, value)
    return found(match, TimexType.DATE, day.isoformat())


def _numeric(match: re.Match[str], ctx: Context) -> list[Found]:
    """17/03/2011 or 03/17/2011: the reading that exists, else the one nearer the article."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if year < 100:
        year += 2000 if year < 50 else 1900
    readings = []
    for month, day in ((a, b), (b, a)):  # month first (US) is tried first
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return []
    ref = ctx.ref(Precision.DAY)
    if ref is not None:
        readings.sort(key=lambda d: abs((d - ref).days))
    return found(match, TimexType.DATE, readings[0].isoformat())


def _month_year(match: re.Match[str], ctx: Context) -> list[Found]:
    if not capitalised(match.group("mon")) or not _is_year(match, ctx):
        return []
    value = f"{match.group('year')}-{_month(match.group('mon')):02d}"
    return found(match, TimexType.DATE, value, mod=part_mod(match.group("part")))


def _year(match: re.Match[str], ctx: Context) -> list[Found]:
    """A year, or a range of two ("2009-2010", "1957-58") given as two expressions."""
    if not _is_year(match, ctx):
        return []
    mod = part_mod(match.group("part"))
    first = Found(match.start(), match.end("year"), TimexType.DATE, match.group("year"), mod=mod)
    if not match.group("year2"):
        return [first]
    second = match.group("year2")
    if len(second) == 2:
        second = match.group("year")[:2] + second
    if not 0 < int(second) - int(match.group("year")) < 100:
        return [first]
    return [first, Found(match.start("year2"), match.end(), TimexType.DATE, second)]


def _decade(match: re.Match[str], ctx: Context) -> list[Found]:
    mod = part_mod(match.group("part"))
    if match.group("full"):
        return found(match, TimexType.DATE, decade_value(int(match.group("full"))), mod=mod)
    ref = ctx.ref(Precision.YEAR)
    short = int(match.group("short") or match.group("bare"))
    year = (ref.year // 100) * 100 + short if ref else 1900 + short
    if ref and year > ref.year:
        year -= 100
    return found(match, TimexType.DATE, decade_value(year), mod=mod)


def _century(match: re.Match[str], ctx: Context) -> list[Found]:
    number = int(match.group("n"))
    if not 1 <= number <= 21:
        return []
    return found(match, TimexType.DATE, f"{number - 1:02d}")


ISO_DATE = (  # "2011-03-17", also with dots or slashes in that order: "2020.10.23"
    r"(?<![\w/.-])(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)"
    r"(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?(?![\w/-])"
)
SLASHED_DATE = r"(?<![\w/.:-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\w/-])"
DOTTED_DATE = r"(?<![\w/.:-])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\w/-]|\.\d)"
DECADE = (
    r"(?<![\w$])(?:(?P<part>early|mid|late)[\s-]+)?"
    r"(?:(?P<full>(?:1\d|20)\d0)|['’](?P<short>\d0)|(?<=the\s)(?P<bare>\d0))['’]?s\b"
)
CENTURY = r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b"


def rules() -> tuple[Rule, ...]:
    f = fragments()
    wd = rf"(?:{f.weekday_any}\s*,?\s+)?"
    year = rf"(?:\s*,?\s*(?P<year>{f.year}))?"
    month_day = rf"{wd}(?P<mon>{f.month_any})\s+(?P<day>{f.day}){year}"
    day_month = (
        rf"{wd}(?:the\s+)?(?<![\d.,])(?P<day>{f.day})\s+(?:of\s+)?(?P<mon>{f.month_any}){year}"
    )
    month_year = rf"(?P<part>{f.part})?(?P<mon>{f.month_any})\s*,?\s+(?:of\s+)?(?P<year>{f.year})"
    year_range = (
        rf"(?P<part>{f.part})?(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?P<year>{f.year})"
        r"(?:\s*[-–/]\s*(?P<year2>(?:1\d|20)?\d\d)(?![\w%]|[.,]\d))?"
    )
    table = (
        ("iso date", ISO_DATE, _iso),
        ("slashed date", SLASHED_DATE, _numeric),
        ("dotted date", DOTTED_DATE, _numeric),
        ("month day", month_day, _full_date),
        ("day month", day_month, _full_date),
        ("month year", month_year, _month_year),
        ("year", year_range, _year),
        ("decade", DECADE, _decade),
        ("century", CENTURY, _century),
    )
    return tuple(Rule(name, compile_pattern(source), build) for name, source, build in table)
