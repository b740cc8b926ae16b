"""Guess when an article was published from its words, when no metadata, dateline, URL or path
gave a date (source INFERRED). Never claim more precision than the evidence gives; say nothing
rather than guess.

Evidence, strongest first (docs/dates.md has the details):

1. a stamp near the top: a full date with a clock time ("Wed Mar 2, 2011 6:43pm EST"), after
   "Published", "Posted", "Updated", "Date" or "today", or at the head of one of the first lines
   (a dateline). The day is pinned: DAY.
2. comment stamps further down bound the date from above: the MONTH of the lead's weekday in
   the week up to the first one.
3. dated mentions outside future clauses: full dates, and dates without a year ("March 17")
   placed in a year the text supports. The latest, L, is a lower bound. When L reads as current
   news and the lead's bare weekday ("clashed on Wednesday") falls on it: DAY; else the MONTH of
   the first such weekday on or after L; a lone historical full date gives only its YEAR.
4. a bare year ("in 1999", "since 1969") is only a lower bound and never the answer.

``hints`` are date ranges known from elsewhere (an office holder named in the text): mentions
outside their intersection are ignored, and a range within one year gives that year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.models import DateSource, DateValue, Precision, TimeExpression, TimexType
from newsevents.temporal.tense import Tense, clause_tense
from newsevents.temporal.timex import find_timexes

FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
STAMP_WORDS = re.compile(
    r"\b(?:published|posted|updated|date|dated|created|issued|today)\b\W{0,4}(?:on\W{0,3})?$",
    re.IGNORECASE,
)
DATELINE_HEAD = re.compile(
    r"(?:^|\n)[^\S\n]*(?:(?:[A-Z][A-Z .'-]{1,30},?|[A-Z][A-Za-z .'-]{1,30},)[^\S\n]+)?\W{0,2}$"
)
DATELINE_REACH = 500  # characters from the top where a date at a line's head is a dateline
STAMP_REACH = 1000  # characters from the top where a page shows its own date (later: comments)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class DateBound:
    """A range the publication date must fall in, and why ("President Dmitry Medvedev")."""

    start: dt.date
    end: dt.date
    evidence: str


@dataclass(frozen=True, slots=True)
class Mention:
    timex: TimeExpression
    tense: Tense

    @property
    def value(self) -> str:
        return self.timex.value


def infer_published(
    text: str, title: str | None = None, hints: Sequence[DateBound] = ()
) -> tuple[DateValue | None, DateSource]:
    """The publication date the text supports, at the precision it supports it."""
    full = f"{title}\n{text}" if title else text
    window = _window(hints)
    mentions = [Mention(t, clause_tense(full, t.start, t.end)) for t in find_timexes(full, None)]
    stamp = _stamp(full, mentions, window)
    if stamp is not None:
        return DateValue(stamp), DateSource.INFERRED
    bound = _comment_bound(mentions, window)
    full_dates = _full_dates(mentions, window, bound)
    dated = full_dates + _month_days(mentions, [d for d, _ in full_dates], window)
    if bound is not None:
        return _before_bound(mentions, dated, bound)
    if not dated:
        if window is not None and window[0].year == window[1].year:
            return DateValue(dt.date(window[0].year, 1, 1), Precision.YEAR), DateSource.INFERRED
        return None, DateSource.NONE
    latest = max(day for day, _ in dated)
    if not _recent(latest, dated):
        return DateValue(latest.replace(month=1, day=1), Precision.YEAR), DateSource.INFERRED
    lead = _lead_weekday_day(mentions, latest)
    if lead is not None and lead in {day for day, _ in dated}:
        return DateValue(lead), DateSource.INFERRED
    return DateValue((lead or latest).replace(day=1), Precision.MONTH), DateSource.INFERRED


def _comment_bound(
    mentions: list[Mention], window: tuple[dt.date, dt.date] | None
) -> dt.date | None:
    """The earliest time stamp below the top of the page: comments and follow-ups are posted
    after the article, so it bounds the publication date from above."""
    stamps = [
        day
        for mention in mentions
        if mention.timex.type is TimexType.TIME and mention.timex.start > STAMP_REACH
        if (day := _full_date(mention.value)) is not None and _inside(day, window)
    ]
    return min(stamps, default=None)


def _before_bound(
    mentions: list[Mention], dated: list[tuple[dt.date, Mention]], bound: dt.date
) -> tuple[DateValue | None, DateSource]:
    """With comments dated ``bound``: the month of the lead's weekday in the week up to it (the
    day itself is a guess, so only its month is claimed), else the bound's month."""
    latest = max((day for day, _ in dated if day <= bound), default=None)
    for mention in mentions:
        match = WEEKDAY.match(mention.value.partition("T")[0])
        if match and mention.tense is not Tense.FUTURE:
            day = bound - dt.timedelta(days=(bound.isoweekday() - int(match.group(1))) % 7)
            if latest is None or day >= latest:
                return DateValue(day.replace(day=1), Precision.MONTH), DateSource.INFERRED
            break
    return DateValue(bound.replace(day=1), Precision.MONTH), DateSource.INFERRED


def _recent(latest: dt.date, dated: list[tuple[dt.date, Mention]]) -> bool:
    """Whether the latest date reads as current news, not history: it is written without a
    year (news style drops the year of the current one), or other dates cluster in the month
    before it."""
    for day, mention in dated:
        if day == latest and not FULL_DATE.match(mention.value):
            return True
    return sum(0 <= (latest - day).days <= 31 for day, _ in dated) >= 2


def _window(hints: Sequence[DateBound]) -> tuple[dt.date, dt.date] | None:
    """Intersection of the hints, narrowest first, skipping any that contradict the others."""
    window: tuple[dt.date, dt.date] | None = None
    for hint in sorted(hints, key=lambda h: h.end - h.start):
        start, end = min(hint.start, hint.end), max(hint.start, hint.end)
        if window is None:
            window = (start, end)
        elif max(window[0], start) <= min(window[1], end):
            window = (max(window[0], start), min(window[1], end))
    return window


def _inside(day: dt.date, window: tuple[dt.date, dt.date] | None) -> bool:
    return window is None or window[0] <= day <= window[1]


def _full_date(value: str) -> dt.date | None:
    match = FULL_DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _stamp(
    text: str, mentions: list[Mention], window: tuple[dt.date, dt.date] | None
) -> dt.date | None:
    """The latest full date near the top that the page presents as its own date."""
    stamps = []
    for mention in mentions:
        day = _full_date(mention.value)
        timex = mention.timex
        if day is None or timex.start > STAMP_REACH or not _inside(day, window):
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        before = text[line_start : timex.start]
        if (
            timex.type is TimexType.TIME
            or STAMP_WORDS.search(before.rstrip(" (-–—,:"))
            or (timex.start < DATELINE_REACH and DATELINE_HEAD.search(text, 0, timex.start))
        ):
            stamps.append(day)
    return max(stamps, default=None)


def _full_dates(
    mentions: list[Mention], window: tuple[dt.date, dt.date] | None, bound: dt.date | None
) -> list[tuple[dt.date, Mention]]:
    """Full dates named in past or present clauses (not the stamps of comments further down,
    nor dates after the first comment)."""
    dated = []
    for mention in mentions:
        if mention.tense is Tense.FUTURE:
            continue
        if mention.timex.type is TimexType.TIME and mention.timex.start > STAMP_REACH:
            continue  # a time stamp deep in the page dates a comment or a linked story
        day = _full_date(mention.value)
        if day is not None and _inside(day, window) and (bound is None or day <= bound):
            dated.append((day, mention))
    return dated


def _month_days(
    mentions: list[Mention], anchors: list[dt.date], window: tuple[dt.date, dt.date] | None
) -> list[tuple[dt.date, Mention]]:
    """Dates named without a year ("March 17"), placed in a year the text supports: within two
    months of a full date it names, or inside the hints' window; "Wednesday, March 16" in the
    one candidate year where March 16 is a Wednesday."""
    years = {y for day in anchors for y in (day.year - 1, day.year, day.year + 1)}
    if window is not None:
        years = {y for y in years if window[0].year <= y <= window[1].year} or set(
            range(window[0].year, window[1].year + 1)
        )
    dated = []
    for mention in mentions:
        match = MONTH_DAY.match(mention.value)
        if not match or mention.tense is Tense.FUTURE:
            continue
        month, day = int(match.group(1)), int(match.group(2))
        options = [d for y in sorted(years) if (d := _date_or_none(y, month, day))]
        weekday = _named_weekday(mention.timex.text)
        if weekday is not None:
            options = [d for d in options if d.isoweekday() == weekday]
        elif window is None or len(options) > 1:
            options = [d for d in options if any(abs((d - a).days) <= 62 for a in anchors)]
        options = [d for d in options if _inside(d, window)]
        if len(options) == 1:
            dated.append((options[0], mention))
    return dated


def _named_weekday(text: str) -> int | None:
    lowered = text.lower()
    for number, name in enumerate(WEEKDAY_NAMES, start=1):
        if name in lowered or re.search(rf"\b{name[:3]}\b", lowered):
            return number
    return None


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _lead_weekday_day(mentions: list[Mention], latest: dt.date) -> dt.date | None:
    """The first date on or after ``latest`` that falls on the lead's bare weekday."""
    for mention in mentions:
        match = WEEKDAY.match(mention.value.partition("T")[0])
        if match and mention.tense is not Tense.FUTURE:
            ahead = (int(match.group(1)) - latest.isoweekday()) % 7
            return latest + dt.timedelta(days=ahead)
    return None
