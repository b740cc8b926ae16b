"""Rules for clock times: "at 10:00", "8 PM", "15:00 GMT Saturday", "noon on Friday".

A time is a TIMEX3 TIME on the day it is attached to (a weekday or date next to it), else on
the article date; the time zone is read but not converted.
"""

from __future__ import annotations

import re

from newsevents.models import Precision, TimexType
from newsevents.temporal.lexicon import lexicon
from newsevents.temporal.patterns import compile_pattern, fragments
from newsevents.temporal.periods import Direction, resolve_weekday
from newsevents.temporal.rule import Context, Found, Rule, capitalised, found
from newsevents.temporal.tense import Tense

ZONE = r"(?:\s*(?:GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|local\s+time)\b)?"
NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}


def _hour_minute(match: re.Match[str]) -> str | None:
    named = match.group("named")
    if named:
        return NAMED_TIMES[named.lower()]
    hour = int(match.group("h") or match.group("h24"))
    minute = int(match.group("m") or match.group("m24") or 0)
    ampm = (match.group("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    return f"{hour:02d}:{minute:02d}"


def _day(match: re.Match[str], ctx: Context) -> str:
    """The day the time belongs to: a weekday beside it, else the article date."""
    ref = ctx.ref(Precision.DAY)
    name = match.group("wd") or match.group("wd0")
    if name and capitalised(name):
        weekday = lexicon().weekdays[name.lower()]
        if ref is None:
            return f"XXXX-WXX-{weekday}"
        future = ctx.tense(*match.span()) is Tense.FUTURE
        direction = Direction.FORWARD if future else Direction.BACK
        return resolve_weekday(ref, weekday, direction).isoformat()
    return ref.isoformat() if ref else "XXXX-XX-XX"


def _clock(match: re.Match[str], ctx: Context) -> list[Found]:
    clock = _hour_minute(match)
    if clock is None:
        return []
    return found(match, TimexType.TIME, f"{_day(match, ctx)}T{clock}")


def rules() -> tuple[Rule, ...]:
    f = fragments()
    ampm = r"(?P<ampm>[ap]\.\s?m\.|[ap]\.m\b|[ap]m\b)"
    time = (
        r"(?:\b(?P<named>noon|midday|midnight)\b"
        rf"|(?<![\d:.$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*{ampm}"
        r"|(?<![\d:.$])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![:\d]))"
    )
    before = rf"(?:(?P<wd0>{f.weekday_full})\s*,?\s+(?:at\s+)?)?"
    after = rf"(?:\s*,?\s*(?:on\s+)?(?P<wd>{f.weekday_full}))?"
    return (Rule("clock", compile_pattern(before + time + ZONE + after), _clock),)
