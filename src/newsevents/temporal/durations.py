"""Rules for durations ("three days", "the past two years", "a 14-month campaign", "for weeks")
and sets ("every week", "weekly", "twice a year").

Values are TIMEX3 periods: P3D, P2Y, P14M, PXW for a vague count, PT24H for clock units.
"""

from __future__ import annotations

import re

from newsevents.models import TimexType
from newsevents.temporal.lexicon import Unit, lexicon
from newsevents.temporal.patterns import (
    compile_pattern,
    fragments,
    number_value,
    quantifier_mod,
)
from newsevents.temporal.rule import Context, Found, Rule, capitalised, found

CLOCK_LETTER = {"H": "H", "MIN": "M", "S": "S"}
DURATIVE_BEFORE = re.compile(
    r"\b(?:for|in|within|over|after|take|takes|took|taking|last|lasts|lasted|lasting|spend|"
    r"spends|spent|spending|wait|waited|waiting|all)\s*$",
    re.IGNORECASE,
)
DURATIVE_AFTER = re.compile(r"\s*(?:ago|later|earlier|before|after)\b", re.IGNORECASE)
ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "XXXX-XX-XXTNI",
}
TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _unit(text: str) -> Unit:
    units = lexicon().units
    key = text.lower()
    return units[key] if key in units else units[key.removesuffix("s")]


def period(count: float | None, unit: Unit) -> str:
    """TIMEX3 period for ``count`` units; a vague count gives an X (PXW)."""
    if count is None:
        amount = "X"
    else:
        total = count * unit.factor
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    if unit.code in CLOCK_LETTER:
        return f"PT{amount}{CLOCK_LETTER[unit.code]}"
    return f"P{amount}{unit.code}"


def _count(match: re.Match[str], group: str = "n") -> float | None:
    count = number_value(match.group(group))
    if count is not None and match.group("half"):
        count += 0.5
    return count


def _duration(match: re.Match[str], ctx: Context) -> list[Found]:
    unit_text = match.group("unit")
    count = _count(match)
    if count == 1 and unit_text.lower().endswith("s") and unit_text.lower() != "centuries":
        return []  # "a days" is not English; "one weeks" a typo
    if unit_text.lower() == "second" and match.group("n").lower() in {"a", "one"}:
        return []  # "a second term", "one second slower": the ordinal or a comparison
    mod = quantifier_mod(ctx.before(match.start()))
    return found(match, TimexType.DURATION, period(count, _unit(unit_text)), mod=mod)


def _coordinated(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "between 12 and 18 months": the unit applies to both numbers."""
    unit = _unit(match.group("unit"))
    first = number_value(match.group("n1"))
    second = _count(match)
    if first is None or second is None or first >= second:
        return []
    start, end = match.span("n1")
    return [
        Found(start, end, TimexType.DURATION, period(first, unit)),
        Found(match.start("n"), match.end(), TimexType.DURATION, period(second, unit)),
    ]


def _vague(match: re.Match[str], ctx: Context) -> list[Found]:
    """ "for weeks", "in recent years", "the coming days": a period of unstated length."""
    if not match.group("pre"):
        durative = DURATIVE_BEFORE.search(ctx.before(match.start()))
        if not durative and not DURATIVE_AFTER.match(ctx.after(match.end())):
            return []
    return found(match, TimexType.DURATION, period(None, _unit(match.group("unit"))))


def _every(match: re.Match[str], ctx: Context) -> list[Found]:
    what = match.group("what")
    lex = lexicon()
    key = what.lower()
    if key in lex.weekdays and capitalised(what):
        return found(match, TimexType.SET, f"XXXX-WXX-{lex.weekdays[key]}")
    if key in lex.months and capitalised(what):
        return found(match, TimexType.SET, f"XXXX-{lex.months[key]:02d}")
    if key in lex.seasons:
        return found(match, TimexType.SET, f"XXXX-{lex.seasons[key][0]}")
    if key in TIME_OF_DAY:
        return found(match, TimexType.SET, f"XXXX-XX-XXT{TIME_OF_DAY[key]}")
    if key == "weekend":
        return found(match, TimexType.SET, "XXXX-WXX-WE")
    if key in lex.weekdays or key in lex.months:
        return []
    count: float | None = None
    if match.group("n"):
        count = 2 if match.group("n").lower() == "other" else number_value(match.group("n"))
    return found(match, TimexType.SET, period(count or 1, _unit(what)))


def _adverb(match: re.Match[str], ctx: Context) -> list[Found]:
    word = match.group("adv")
    if not word.islower():
        return []  # "Daily Mail"
    return found(match, TimexType.SET, ADVERB_SETS[word])


def _frequency(match: re.Match[str], ctx: Context) -> list[Found]:
    return found(match, TimexType.SET, period(1, _unit(match.group("unit"))))


def rules() -> tuple[Rule, ...]:
    f = fragments()
    lex = lexicon()
    rel = r"(?:past|last|next|coming|previous|following|recent)"
    half = r"(?P<half>\s+and\s+a\s+half)?"
    not_age = r"(?![\s-]+olds?\b|\s+(?:and|or)\s+(?:older|younger|over|under)\b)"
    plural = "|".join(f"{u}s" for u in lex.units if not u.endswith("s")) + "|centuries"
    every = "|".join([f.unit, f.weekday_full, f.time_of_day, r"weekend", f.month_full, f.season])
    table = (
        (
            "duration",
            rf"(?:\bthe\s+)?(?:\b{rel}\s+)?(?P<n>{f.number}){half}[\s-]+"
            rf"(?P<unit>{f.unit}){not_age}",
            _duration,
        ),
        (
            "coordinated durations",
            rf"(?P<n1>{f.number})\s*(?:and|to|or|-|–)\s*(?P<n>{f.number}){half}[\s-]+"
            rf"(?P<unit>{f.unit}){not_age}",
            _coordinated,
        ),
        (
            "vague duration",
            rf"(?:\bthe\s+)?(?:\b(?P<pre>{rel})\s+)?\b(?P<unit>{plural})\b",
            _vague,
        ),
        ("every", rf"\b(?:every|each)\s+(?:(?P<n>other|{f.number})\s+)?(?P<what>{every})", _every),
        ("set adverb", r"\b(?P<adv>" + "|".join(ADVERB_SETS) + r")\b", _adverb),
        (
            "frequency",
            rf"\b(?:once|twice|{f.number}\s+times)\s+(?:a|an|per|every)\s+(?P<unit>{f.unit})",
            _frequency,
        ),
    )
    return tuple(Rule(name, compile_pattern(source), build) for name, source, build in table)
