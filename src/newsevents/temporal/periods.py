"""Calendar arithmetic behind relative dates: shifting by units, finding the weekday or month a
bare name refers to, and writing TIMEX3 values.

Why a module of its own: every rule resolves against a reference day and a direction (back for a
past clause, forward for a future one), and these few functions are where off-by-one errors
live, so they are kept small and property-tested.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum


class Direction(Enum):
    """Which occurrence of a repeating name ("Friday", "March") a clause means."""

    BACK = "back"  # the most recent one on or before the reference ("met on Friday")
    FORWARD = "forward"  # the first one on or after the reference ("will meet on Friday")
    NEAREST = "nearest"  # no tense clue: the closest one, within half a cycle


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, count: int, code: str) -> dt.date:
    """``day`` moved by ``count`` units; ``code`` is a TIMEX3 unit letter (D, W, M, Y)."""
    if code == "D":
        return day + dt.timedelta(days=count)
    if code == "W":
        return day + dt.timedelta(weeks=count)
    if code == "M":
        return add_months(day, count)
    if code == "Y":
        return add_months(day, 12 * count)
    raise ValueError(f"not a calendar unit: {code!r}")


def resolve_weekday(
    ref: dt.date, weekday: int, direction: Direction, strict: bool = False
) -> dt.date:
    """The date of ISO ``weekday`` seen from ``ref``.

    BACK gives the most recent one (``ref`` itself when it is that weekday, unless ``strict``);
    FORWARD the next one; NEAREST behaves as BACK, the usual reading in news reports.
    """
    if direction is Direction.FORWARD:
        ahead = (weekday - ref.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return ref + dt.timedelta(days=ahead)
    behind = (ref.isoweekday() - weekday) % 7
    if strict and behind == 0:
        behind = 7
    return ref - dt.timedelta(days=behind)


def resolve_month_year(ref: dt.date, month: int, direction: Direction) -> int:
    """The year of a month named without one ("in August"), seen from ``ref``.

    BACK: the most recent such month, counting the current one; FORWARD: the next one, counting
    the current one; NEAREST: whichever lies within six months of ``ref``.
    """
    if direction is Direction.BACK:
        return ref.year if month <= ref.month else ref.year - 1
    if direction is Direction.FORWARD:
        return ref.year if month >= ref.month else ref.year + 1
    if month - ref.month > 6:
        return ref.year - 1
    if ref.month - month > 6:
        return ref.year + 1
    return ref.year


def resolve_month_day(ref: dt.date, month: int, day: int, direction: Direction) -> dt.date | None:
    """The date of a month and day named without a year ("on March 17"), seen from ``ref``.

    None when the day does not exist in the year chosen (February 30, or February 29 off a leap
    year).
    """
    year = ref.year
    candidate = _safe_date(year, month, day)
    if candidate is None and not (month == 2 and day == 29):
        return None
    if direction is Direction.BACK and (candidate is None or candidate > ref):
        year -= 1
    elif direction is Direction.FORWARD and (candidate is None or candidate < ref):
        year += 1
    elif direction is Direction.NEAREST and candidate is not None:
        gap = (candidate - ref).days
        year += -1 if gap > 182 else (1 if gap < -182 else 0)
    return _safe_date(year, month, day)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_month_before_after(ref: dt.date, month: int, later: bool) -> int:
    """Year of "last June" (strictly before ``ref``'s month) or "next June" (strictly after)."""
    if later:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month < ref.month else ref.year - 1


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def year_value(day: dt.date) -> str:
    return f"{day.year:04d}"


def decade_value(year: int) -> str:
    return f"{year // 10:03d}"


def value_at_unit(day: dt.date, code: str) -> str:
    """``day`` written at the granularity of a unit: a shift by weeks gives a week value."""
    if code == "D":
        return day_value(day)
    if code == "W":
        return week_value(day)
    if code == "M":
        return month_value(day)
    return year_value(day)
