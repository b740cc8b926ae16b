"""Rules for dates told relative to the article date: "Wednesday", "yesterday", "last week",
"over the weekend", "two years ago", "three days later", "now".

Values follow HeidelTime's news style: a bare weekday is the most recent one on or before the
article date, or the next one in a future clause; a shift keeps the granularity of its unit
("a week ago" is a week, "a year ago" a year); "later" and "the following week" count from the
previous date in the text when there is one (see ``timex``).
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.models import Precision, TimexType
from newsevents.temporal.lexicon import lexicon
from newsevents.temporal.patterns import (
    compile_pattern,
    fragments,
    number_value,
    part_mod,
    quantifier_mod,
)
from newsevents.temporal.periods import (
    Direction,
    day_value,
    decade_value,
    month_value,
    resolve_weekday,
    shift,
    value_at_unit,
    week_value,
    year_value,
)
from newsevents.temporal.rule import Context, Found, Rule, capitalised, found
from newsevents.temporal.tense import Tense

TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
DEICTIC_DAYS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
DURATIVE_BEFORE = re.compile(r"\b(?:over|for|within|throughout)\s*$", re.IGNORECASE)
WEEKEND_CONTEXT = re.compile(r"\b(?:over|during|at|on|for|by|until|through|of)\s*$", re.I)
UNIT_CODE = {"week": "W", "weekend": "W", "month": "M", "quarter": "M", "year": "Y"}
NEED = {"week": Precision.WEEK, "weekend": Precision.WEEK, "month": Precision.MONTH}
# quantifier mods (data/temporal/quantifiers.tsv) are written for dates counted back ("ago");
# counted forward ("later") the direction flips.
POINT_MOD_FORWARD = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "ON_OR_BEFORE": "ON_OR_AFTER",
    "ON_OR_AFTER": "ON_OR_BEFORE",
}


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _deictic(match: re.Match[str], ctx: Context) -> list[Found]:
    word = fold(match.group("w"))
    tod = match.group("tod")
    if word == "tonight":
        tod = "night"
    elif word == "last night":
        word, tod = "yesterday", "night"
    elif word.startswith("this "):
        word, tod = "today", word.split()[1]
    ref = ctx.ref(Precision.DAY)
    day = day_value(ref + dt.timedelta(days=DEICTIC_DAYS[word])) if ref else "XXXX-XX-XX"
    if tod:
        return found(match, TimexType.TIME, f"{day}T{TIME_OF_DAY[tod.lower()]}")
    return found(match, TimexType.DATE, day)


def _weekday(match: re.Match[str], ctx: Context) -> list[Found]:
    name = match.group("wd")
    if not capitalised(name):
        return []
    weekday = lexicon().weekdays[name.lower()]
    modifier = fold(match.group("mod") or "")
    ref = ctx.ref(Precision.DAY)
    if ref is None:
        day = f"XXXX-WXX-{weekday}"
    else:
        if modifier in {"last", "previous", "past"}:
            direction, strict = Direction.BACK, True
        elif modifier in {"next", "coming", "this coming"}:
            direction, strict = Direction.FORWARD, True
        elif modifier == "this":
            direction, strict = Direction.FORWARD, False
        else:
            tense = ctx.tense(*match.span())
            direction = Direction.FORWARD if tense is Tense.FUTURE else Direction.BACK
            strict = False
        day = resolve_weekday(ref, weekday, direction, strict).isoformat()
    tod = match.group("tod")
    mod = part_mod(match.group("part"))
    if tod:
        return found(match, TimexType.TIME, f"{day}T{TIME_OF_DAY[tod.lower()]}", mod=mod)
    return found(match, TimexType.DATE, day, mod=mod)


def period_value(ref: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        return week_value(shift(ref, step, "W"))
    if unit == "weekend":
        return week_value(shift(ref, step, "W")) + "-WE"
    if unit == "month":
        return month_value(shift(ref, step, "M"))
    if unit == "quarter":
        moved = shift(ref, 3 * step, "M")
        return f"{moved.year:04d}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "decade":
        return decade_value(ref.year + 10 * step)
    if unit == "century":
        return f"{ref.year // 100 + step:02d}"
    return year_value(shift(ref, step, "Y"))


UNIT_CODE = {"week": "W", "weekend": "W", "month": "M", "quarter": "M", "year": "Y"}
NEED = {"week": Precision.WEEK, "weekend": Precision.WEEK, "month": Precision.MONTH}


def _relative_period(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "last week", "this year", "the following month", "earlier this year"."""
    rel, unit = fold(match.group("rel")), fold(match.group("unit"))
    durative = DURATIVE_BEFORE.search(ctx.before(match.start()))
    if match.group("the") and not match.group("part") and durative:
        count = 3 if unit == "quarter" else 1
        code = {"week": "W", "weekend": "W", "month": "M", "quarter": "M"}.get(unit, "Y")
        letter = {"decade": "10Y", "century": "100Y"}.get(unit, f"{count}{code}")
        return found(match, TimexType.DURATION, f"P{letter}")
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "following": 1, "coming": 1}
    step["upcoming"] = 1
    step_by = step.get(rel, 0)
    ref = ctx.ref(NEED.get(unit, Precision.YEAR))
    value = period_value(ref, unit, step_by) if ref else "XXXX"
    later = None
    if rel in {"following", "previous"} and unit in UNIT_CODE:
        later = (step_by * (3 if unit == "quarter" else 1), UNIT_CODE[unit])
    return found(match, TimexType.DATE, value, later, part_mod(match.group("part")))


def singular(word: str) -> str:
    """A unit's singular: "days" -> "day", "centuries" -> "century"."""
    word = word.lower()
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def _shifted(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "two days ago", "a year ago", "three weeks later"."""
    unit = lexicon().units.get(singular(match.group("unit")))
    if unit is None:
        return []
    count = number_value(match.group("n"))
    sign = 1 if fold(match.group("dir")) in {"later", "after", "hence"} else -1
    mod = quantifier_mod(ctx.before(match.start()), point=True)
    if sign > 0 and mod in POINT_MOD_FORWARD:
        mod = POINT_MOD_FORWARD[mod]  # "more than a year later" lies AFTER the value
    if count is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return [] if fold(match.group("dir")) != "ago" else found(match, TimexType.DATE, value)
    if unit.code not in {"D", "W", "M", "Y"} or count != int(count):
        ref = ctx.ref(Precision.DAY)
        return found(match, TimexType.DATE, day_value(ref) if ref else "XXXX-XX-XX", mod=mod)
    steps = sign * int(count) * unit.factor
    ref = ctx.ref(Precision.DAY if unit.code in {"D", "W"} else Precision.MONTH)
    later = (steps, unit.code) if fold(match.group("dir")) != "ago" else None
    if ref is None:
        return found(match, TimexType.DATE, "XXXX", later, mod)
    moved = shift(ref, steps, unit.code)
    if unit.factor >= 10:  # "two decades ago" is a decade, "a century ago" a century
        value = decade_value(moved.year) if unit.factor == 10 else f"{moved.year // 100:02d}"
    else:
        value = value_at_unit(moved, unit.code)
    return found(match, TimexType.DATE, value, later, mod)


def _ref(match: re.Match[str], ctx: Context) -> list[Found]:
    value, after = lexicon().refs[fold(match.group("x"))]
    if after is not None and not after.search(ctx.before(match.start())):
        return []
    return found(match, TimexType.DATE, value)


def _weekend(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "over the weekend": the last one in a past clause, the next one in a future clause."""
    if not WEEKEND_CONTEXT.search(ctx.before(match.start())):
        return []
    ref = ctx.ref(Precision.DAY)
    if ref is None:
        return found(match, TimexType.DATE, "XXXX-WXX-WE")
    future = ctx.tense(*match.span()) is Tense.FUTURE
    saturday = resolve_weekday(ref, 6, Direction.FORWARD if future else Direction.BACK)
    if not future and ref.isoweekday() == 7:
        saturday = ref - dt.timedelta(days=1)
    return found(match, TimexType.DATE, week_value(saturday) + "-WE")


TOD = r"(?:\s+(?P<tod>morning|afternoon|evening|night)\b)?"
DEICTIC = (
    r"(?:\b(?:earlier|later)\s+)?"
    r"\b(?P<w>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|"
    r"tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b" + TOD
)
RELATIVE_PERIOD = (
    r"(?P<the>\bthe\s+)?\b(?P<rel>last|this|next|coming|past|previous|following|current|"
    r"upcoming)\s+(?:(?:fiscal|financial|calendar)\s+)?"
    r"(?P<unit>week(?:end)?|month|year|quarter|decade|century)\b"
)
SHIFT_DIRECTION = (
    r"\s+(?P<dir>ago|earlier|later|hence|before(?=\s*[.,;)]|$)|after(?=\s*[.,;)]|$))"
    r"(?!\s+than\b)"
)


def rules() -> tuple[Rule, ...]:
    f = fragments()
    refs = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(lexicon().refs, key=len, reverse=True)
    )
    weekday = (
        r"(?:\b(?P<part>early|late)\s+(?:on\s+)?)?"
        r"(?:\b(?P<mod>last|next|this\s+coming|this|coming|previous|past)\s+)?"
        rf"(?P<wd>{f.weekday_full})" + TOD
    )
    table = (
        ("deictic day", DEICTIC, _deictic),
        ("weekday", weekday, _weekday),
        ("relative period", rf"(?P<part>{f.part})?" + RELATIVE_PERIOD, _relative_period),
        ("shifted", rf"(?P<n>{f.number})[\s-]+(?P<unit>{f.unit})" + SHIFT_DIRECTION, _shifted),
        ("reference", rf"\b(?P<x>{refs})\b", _ref),
        ("weekend", r"\bthe\s+weekend\b", _weekend),
    )
    return tuple(Rule(name, compile_pattern(source), build) for name, source, build in table)
