"""Publication dates written into file paths and URLs.

Sites and archives put the date in the address ("/2020/01/14/", "/2011-02-16/",
"…J420151217", "story_2011-02-16.txt"); that is evidence of when the article appeared, used when
the page itself states no date. "/2011/07/" alone pins the month only.
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.models import DateValue, Precision

_YEAR = r"(?:19|20)\d\d"
SEPARATED = re.compile(
    rf"(?<!\d)(?P<year>{_YEAR})(?P<sep>[-_./])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"
)
DIGIT_RUN = re.compile(r"\d{8,14}")
YEAR_MONTH = re.compile(rf"(?<!\d)(?P<year>{_YEAR})/(?P<month>[01]?\d)/(?!\d)")


def calendar_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def compact_date(digits: str) -> dt.date | None:
    """A YYYYMMDD date at the start (a timestamp) or the end (an id suffix) of a digit run."""
    for candidate in dict.fromkeys((digits[:8], digits[-8:])):
        if re.fullmatch(rf"{_YEAR}\d{{4}}", candidate):
            found = calendar_date(candidate[:4], candidate[4:6], candidate[6:])
            if found:
                return found
    return None


def date_from_path(text: str) -> DateValue | None:
    """The first date that a path or URL spells, day-precise forms before month-only ones."""
    for match in SEPARATED.finditer(text):
        found = calendar_date(match["year"], match["month"], match["day"])
        if found:
            return DateValue(found, Precision.DAY)
    for match in DIGIT_RUN.finditer(text):
        found = compact_date(match.group(0))
        if found:
            return DateValue(found, Precision.DAY)
    for match in YEAR_MONTH.finditer(text):
        if 1 <= int(match["month"]) <= 12:
            return DateValue(dt.date(int(match["year"]), int(match["month"]), 1), Precision.MONTH)
    return None
