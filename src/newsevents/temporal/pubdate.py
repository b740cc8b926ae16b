"""Guess when an article was published from its words, when no metadata, dateline, URL or path
gave a date (source INFERRED). Never claim more precision than the evidence gives; say nothing
rather than guess. Every answer comes with the words it rests on.

Evidence, strongest first (docs/dates.md has the details):

1. a stamp near the top (``stamps.is_stamp``): the page's own full date, outranking the hints
   (direct evidence beats an office holder's title). DAY.
2. a dateline without a year ("ROME, Feb 21 (Reuters) -") whose year the text pins: a full date
   within two months of it, or a single year (named in the text or in the hints' window) in
   which the day falls on the weekday the text gives it or its lead gives ("on Monday"). DAY.
3. comments (``stamps.comment_stamps``) bound the date from above; the lead's weekday in the
   week up to the first one bounds it from below: DAY when both are the same day, else the
   MONTH (or YEAR) both lie in.
4. dated mentions outside future clauses: full dates, and dates without a year placed in a year
   the text supports. The latest, L, is a lower bound. When L reads as current news and the
   lead's bare weekday falls on it: DAY; else the MONTH of the first such weekday on or after L.
   A lone full date that reads as history gives only its YEAR, and nothing when the text names
   a later year.
5. hints alone: the year of a window inside one calendar year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.models import (
    DateSource,
    DateValue,
    Precision,
    TimeExpression,
    TimexType,
)
from newsevents.temporal.hints import DateBound, Window, hint_window
from newsevents.temporal.stamps import (
    comment_stamps,
    is_below_top,
    is_dateline,
    is_stamp,
)
from newsevents.temporal.tense import Tense, clause_tense
from newsevents.temporal.timex import find_timexes

FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
BARE_YEAR = re.compile(r"^(\d{4})$")
WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NEAR_DAYS = 62  # a date without a year belongs to the year of a full date this close to it


@dataclass(frozen=True, slots=True)
class PublishedEstimate:
    """An inferred publication date, and the words it rests on ("dateline 'ROME Feb 21' …")."""

    value: DateValue | None
    evidence: str | None = None

    @property
    def source(self) -> DateSource:
        return DateSource.INFERRED if self.value is not None else DateSource.NONE


@dataclass(frozen=True, slots=True)
class Mention:
    timex: TimeExpression
    tense: Tense

    @property
    def value(self) -> str:
        return self.timex.value


@dataclass(frozen=True, slots=True)
class Dated:
    """A mention placed on a calendar day."""

    day: dt.date
    mention: Mention


NOTHING = PublishedEstimate(None)


def infer_published(
    text: str, title: str | None = None, hints: Sequence[DateBound] = ()
) -> tuple[DateValue | None, DateSource]:
    """The publication date the text supports, at the precision it supports it."""
    estimate = estimate_published(text, title, hints)
    return estimate.value, estimate.source


def estimate_published(
    text: str, title: str | None = None, hints: Sequence[DateBound] = ()
) -> PublishedEstimate:
    """:func:`infer_published` with the evidence for its answer."""
    full = f"{title}\n{text}" if title else text
    window = hint_window(hints)
    mentions = [Mention(t, clause_tense(full, t.start, t.end)) for t in find_timexes(full, None)]
    comments = {t.start for t in comment_stamps([m.timex for m in mentions])}
    stamps = [
        Dated(day, mention)
        for mention in mentions
        if (day := _full_date(mention.value)) is not None and mention.timex.start not in comments
        if is_stamp(full, mention.timex)
    ]  # a stamp's tense means nothing: "Mar 2, 2011 6:43pm EST -- Rebels will …"
    if stamps:
        latest = max(stamps, key=lambda d: d.day)
        return PublishedEstimate(DateValue(latest.day), f"stamp {_quote(latest.mention)}")
    lead = _lead_weekday(mentions)
    bound = _comment_bound([m for m in mentions if m.timex.start in comments], window)
    full_dates = [
        d for d in _full_dates(mentions)
        if _inside(d.day, window) and (bound is None or d.day <= bound.day)
        and not is_below_top(d.mention.timex) and d.mention.timex.start not in comments
    ]  # fmt: skip
    dateline = _from_dateline(full, mentions, full_dates, lead, window)
    if dateline is not None:
        return dateline
    dated = full_dates + _month_days(mentions, [d.day for d in full_dates], window)
    if bound is not None:
        return _before_bound(dated, lead, bound)
    if not dated:
        return _from_window(window)
    return _from_latest(dated, mentions, lead)


def _from_window(window: Window | None) -> PublishedEstimate:
    if window is None or window.start.year != window.end.year:
        return NOTHING
    year = DateValue(dt.date(window.start.year, 1, 1), Precision.YEAR)
    return PublishedEstimate(year, f"hints {window.evidence()}")


def _from_latest(
    dated: list[Dated], mentions: list[Mention], lead: Mention | None
) -> PublishedEstimate:
    """From the latest dated mention L: the day when the lead's weekday falls on it and it reads
    as current news, else the month of that weekday on or after L; a historical L gives its
    year, unless the text names a later one."""
    latest = max(dated, key=lambda d: d.day)
    said = f"latest date {_quote(latest.mention)} ({latest.day.isoformat()})"
    if not _recent(latest, dated):
        later_year = _latest_named_year(mentions)
        if later_year is not None and later_year > latest.day.year:
            return NOTHING  # the dates it names are history; the text is at least that late
        year = DateValue(latest.day.replace(month=1, day=1), Precision.YEAR)
        return PublishedEstimate(year, f"{said}, read as history: its year at most")
    if lead is None:
        month = DateValue(latest.day.replace(day=1), Precision.MONTH)
        return PublishedEstimate(month, f"{said}: its month")
    on = _weekday_on_or_after(latest.day, _weekday_number(lead))
    if on in {d.day for d in dated}:
        return PublishedEstimate(DateValue(on), f"{said} + lead weekday {_quote(lead)}")
    month = DateValue(on.replace(day=1), Precision.MONTH)
    return PublishedEstimate(month, f"{said}; lead weekday {_quote(lead)} falls after it: month")


def _before_bound(
    dated: list[Dated], lead: Mention | None, bound: Dated
) -> PublishedEstimate:
    """With comments from ``bound`` on: the article came out between the lead's weekday in the
    week up to it (or the latest date it names) and the bound. When both ends are the same day
    that day is pinned; else only the month is claimed, when both ends lie in it (else the
    year)."""
    said = f"comments from {_quote(bound.mention)}"
    latest = max((d.day for d in dated if d.day <= bound.day), default=None)
    start = latest
    if lead is not None:
        weekday = _weekday_number(lead)
        day = bound.day - dt.timedelta(days=(bound.day.isoweekday() - weekday) % 7)
        if latest is None or day >= latest:
            start, said = day, f"{said} + lead weekday {_quote(lead)}"
    if start == bound.day and _late_enough(bound.mention):
        return PublishedEstimate(DateValue(start), f"{said}, the same day")
    start = start or bound.day
    if (start.year, start.month) == (bound.day.year, bound.day.month):
        return PublishedEstimate(DateValue(bound.day.replace(day=1), Precision.MONTH), said)
    if start.year == bound.day.year:
        year = DateValue(bound.day.replace(month=1, day=1), Precision.YEAR)
        return PublishedEstimate(year, f"{said}: across a month's end, the year")
    return NOTHING


def _from_dateline(
    text: str,
    mentions: list[Mention],
    full_dates: list[Dated],
    lead: Mention | None,
    window: Window | None,
) -> PublishedEstimate | None:
    """A dateline without a year ("LONDON , Feb 28 (Reuters) -"), on the day it names when the
    text pins the year (:func:`_dateline_year`)."""
    for mention in mentions:
        match = MONTH_DAY.match(mention.value)
        if not match or not is_dateline(text, mention.timex):
            continue
        month, day = int(match.group(1)), int(match.group(2))
        own = _named_weekday(mention.timex.text)
        placed = _dateline_year(month, day, own, lead, full_dates, mentions, window)
        if placed is None:
            return None
        date, why = placed
        return PublishedEstimate(DateValue(date), f"dateline {_quote(mention)} in {why}")
    return None


def _dateline_year(
    month: int,
    day: int,
    own_weekday: int | None,
    lead: Mention | None,
    full_dates: list[Dated],
    mentions: list[Mention],
    window: Window | None,
) -> tuple[dt.date, str] | None:
    """The one year the text allows for a dateline's day: that of the full dates within two
    months of it, else the one year, among those named (or the window's), in which it falls
    on the weekday it is given or the lead's weekday."""
    near = {
        d.year
        for anchor in full_dates
        for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
        if (d := _date_or_none(y, month, day)) and abs((d - anchor.day).days) <= NEAR_DAYS
        if own_weekday is None or d.isoweekday() == own_weekday
    }
    if len(near) == 1:
        year = near.pop()
        return dt.date(year, month, day), f"{year}, the year of a full date near it"
    if near:
        return None
    weekday = own_weekday or (_weekday_number(lead) if lead is not None else None)
    named = _current_years(mentions)
    pool = named & set(window.years()) if window else named
    pool = pool or (set(window.years()) if window else set())
    floor = _latest_named_year(mentions)
    pool = {year for year in pool if floor is None or year >= floor}
    fits = [
        d for y in sorted(pool) if (d := _date_or_none(y, month, day)) and _inside(d, window)
        if weekday is not None and d.isoweekday() == weekday
    ]  # fmt: skip
    if len(fits) == 1:
        said = _quote(lead) if own_weekday is None and lead is not None else "its weekday"
        return fits[0], f"{fits[0].year}, the one year named or hinted where {said} fits"
    if window is not None and window.start.year == window.end.year:
        return dt.date(window.start.year, month, day), f"{window.start.year} from hints"
    return None


def _comment_bound(comments: list[Mention], window: Window | None) -> Dated | None:
    """The earliest comment: comments are posted after the article, so it bounds the
    publication date from above."""
    stamps = [
        Dated(day, mention)
        for mention in comments
        if (day := _full_date(mention.value)) is not None and _inside(day, window)
    ]
    return min(stamps, key=lambda d: d.day, default=None)


def _late_enough(stamp: Mention) -> bool:
    """Whether a comment's clock time is late enough in its day that, whatever its time zone,
    the article it follows came out on the same calendar day (after noon)."""
    clock = stamp.value.partition("T")[2]
    return clock[:2].isdigit() and int(clock[:2]) >= 12


def _recent(latest: Dated, dated: list[Dated]) -> bool:
    """Whether the latest date reads as current news, not history: it is written without a
    year (news style drops the year of the current one), or other dates cluster in the month
    before it."""
    on_latest = [item.mention for item in dated if item.day == latest.day]
    if not any(FULL_DATE.match(m.value) for m in on_latest):
        return True  # (a repeat of a full date, "September 11", is not current news)
    return any(0 < (latest.day - item.day).days <= 31 for item in dated)


def _inside(day: dt.date, window: Window | None) -> bool:
    return window is None or window.holds(day)


def _full_date(value: str) -> dt.date | None:
    match = FULL_DATE.match(value)
    if not match:
        return None
    return _date_or_none(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _full_dates(mentions: list[Mention]) -> list[Dated]:
    """Full dates named outside future clauses, in text order."""
    return [
        Dated(day, mention)
        for mention in mentions
        if mention.tense is not Tense.FUTURE and (day := _full_date(mention.value)) is not None
    ]


def _month_days(
    mentions: list[Mention], anchors: list[dt.date], window: Window | None
) -> list[Dated]:
    """Dates named without a year ("March 17"), placed in a year the text supports: within two
    months of a full date it names, or inside the hints' window; "Wednesday, March 16" in the
    one candidate year where March 16 is a Wednesday."""
    years = {y for day in anchors for y in (day.year - 1, day.year, day.year + 1)}
    if window is not None:
        years = {y for y in years if y in window.years()} or set(window.years())
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
            options = [d for d in options if any(abs((d - a).days) <= NEAR_DAYS for a in anchors)]
        options = [d for d in options if _inside(d, window)]
        if len(options) == 1:
            dated.append(Dated(options[0], mention))
    return dated


def _current_years(mentions: list[Mention]) -> set[int]:
    """Years the text names that may be its own: those of full dates, and bare years outside
    past clauses ("output in 2011 could fall"). A year in a past clause ("in 2005") is history
    more often than not, so it only bounds from below (:func:`_latest_named_year`)."""
    years = set()
    for mention in mentions:
        if mention.timex.type is not TimexType.DATE:
            continue
        if match := FULL_DATE.match(mention.value):
            years.add(int(match.group(1)))
        elif (match := BARE_YEAR.match(mention.value)) and mention.tense is not Tense.PAST:
            years.add(int(match.group(1)))
    return years


def _latest_named_year(mentions: list[Mention]) -> int | None:
    """The latest year a past clause names ("in 2009"): the text was written after it."""
    years = [
        int(match.group(1))
        for mention in mentions
        if mention.tense is Tense.PAST and (match := BARE_YEAR.match(mention.value))
    ]
    return max(years, default=None)


def _lead_weekday(mentions: list[Mention]) -> Mention | None:
    """The first bare weekday outside a future clause ("clashed on Wednesday"): in news the
    lead's weekday is the day of the main event, usually the publication day or the one before."""
    for mention in mentions:
        if WEEKDAY.match(mention.value.partition("T")[0]) and mention.tense is not Tense.FUTURE:
            return mention
    return None


def _weekday_number(mention: Mention) -> int:
    match = WEEKDAY.match(mention.value.partition("T")[0])
    assert match is not None
    return int(match.group(1))


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.isoweekday()) % 7)


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


def _quote(mention: Mention) -> str:
    return '"' + " ".join(mention.timex.text.split()) + '"'
