"""Datelines: the date and place stamped at the top of a news story.

Two shapes are recognised, both with our own anchored regexes (no free-text date guessing):

* a line that is only a date, with the usual noise around it: "13th July 2011",
  "Wednesday 13 July 2011", "Jan 13, 2020", "13 jan. 2020, 17.05", "2011-07-13", "2020.10.23",
  "Posted at 6:28 AM, Mar 29, 2022";
* a prefix that opens the first paragraph: "WASHINGTON (AP) —", "MOSCOW, July 13 (Reuters) -",
  "Mon Aug 22, 2011 9:01 am EDT (Reuters) -",
  "TRIPOLI, Libya —", "Jan 13, 2020 —", "April 11, 2019 (KHARTOUM) -". The prefix is cut from
  the paragraph and the agency in parentheses becomes the article's source.

A month and day without a year ("July 13") give a date only when the caller knows the year from
elsewhere (the file path or URL). Numeric dates whose day and month cannot be told apart
("05/02/2021") give none unless the weekday written with them fits only one reading ("Friday
05/02/2021" is 5 February): a wrong day is worse than no day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsevents.ingest.outlets import known_outlet
from newsevents.models import DateValue, Precision

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_TIME = (
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:gmt|utc|msk|[a-z]{1,3}t)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?"
)
_ISO_TIME = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"

# One pattern per date form: named groups cannot repeat across alternatives of one regex.
_DATE_FORMS = (
    rf"{_YEAR}-(?P<month>[01]?\d)-(?P<day>[0-3]?\d){_ISO_TIME}",
    rf"{_YEAR}[./](?P<month>[01]?\d)[./](?P<day>[0-3]?\d)",  # "2020.10.23", "2020/10/23"
    rf"{_DAY}(?:\s+of)?[\s-]+{_MONTH}[\s,-]+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{_YEAR}",
    rf"(?P<first>[0-3]?\d)[/-](?P<second>[0-3]?\d)[/-]{_YEAR}",
    rf"{_MONTH},?\s+{_YEAR}",
    rf"{_DAY}(?:\s+of)?\s+{_MONTH}",
    rf"{_MONTH}\s+{_DAY}",
)
_PREFIX = (
    r"(?:(?:published|posted|updated|last updated|first published|date|dated)"
    r"(?:\s+on|\s+at)?\s*:?\s*)?"
)
_WRAPPED = rf"{_PREFIX}(?:{_TIME}\s*,?\s*)?(?:(?P<weekday>{_WEEKDAY})\s*,?\s*)?(?:DATE)"
_WRAPPED += rf"(?:\s*(?:,|\||-|–|—|\bat\b)?\s*{_TIME})?\s*\.?"
DATE_PATTERNS = tuple(
    re.compile(_WRAPPED.replace("DATE", form), re.IGNORECASE) for form in _DATE_FORMS
)

_PLACE = r"(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
_PLACE_CAPS = r"(?P<place>[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,3})"
_REGION = r"(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?"
_WHEN = r"(?:,\s*(?P<date>[^()\n—–]{3,30}?))?"
_DASH = r"\s*(?:--|[-—–:])\s*"
AGENCY_DATELINE = re.compile(
    rf"{_PLACE}{_REGION}{_WHEN}\s*\(\s*(?P<agency>[A-Za-z][\w.&'’ -]{{0,30}}?)\s*\)(?:{_DASH}|\s+)"
)
PLACE_DATELINE = re.compile(rf"{_PLACE_CAPS}{_REGION}{_WHEN}{_DASH}(?=[\"“‘'A-Z0-9])")
DATE_PLACE_DATELINE = re.compile(
    r"(?P<date>[^()\n]{4,40}?)\s*\((?P<place>[A-Z][A-Z .'’-]{1,30})\)\s*(?:--|[-—–:])\s*"
)
# A wire stamp: a dated line before the agency, the place repeated around it or not:
# "Mon Aug 22, 2011 9:01 am EDT (Reuters) -", "TRIPOLI | Mon Feb 21, 2011 3:51 pm IST TRIPOLI
# (Reuters) -", "Sept 21 | Wed Sep 21, 2011 5:53 pm BST Sept 21 (Reuters) -".
AGENCY_TAIL = re.compile(r"\(\s*(?P<agency>[A-Za-z][\w.&'’ -]{0,30}?)\s*\)\s*(?:--|[-—–:])\s*")
MAX_WIRE_STAMP_CHARS = 120
STAMP_DATELINE = re.compile(
    r"\s*(?:date|published|posted|updated)\s*:?\s*(?P<date>(?:19|20)\d\d-\d\d-\d\d)\s+",
    re.IGNORECASE,
)
DATE_DATELINE = re.compile(r"(?P<date>[^\n—–]{4,40}?)\s+(?:--|[-—–])\s+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says; ``end`` is how many characters of the line it takes up."""

    end: int
    date: DateValue | None = None
    place: str | None = None
    agency: str | None = None


def month_number(name: str) -> int:
    return MONTHS[name[:3].casefold()]


def weekday_fits(groups: dict[str, str | None], day: int, month: int) -> bool:
    """Whether the weekday written next to the date ("Friday 05/02/2021") falls on it."""
    try:
        date = dt.date(int(groups["year"] or 0), month, day)
    except ValueError:
        return False
    return WEEKDAYS.get((groups["weekday"] or "")[:3].casefold()) == date.weekday()


def numeric_day_month(groups: dict[str, str | None]) -> tuple[int, int] | None:
    """(day, month) of "05/02/2021": told apart by a part above 12, else by a weekday given."""
    first, second = int(groups["first"] or 0), int(groups["second"] or 0)
    if first > 12 or first == second:
        return first, second
    if second > 12:
        return second, first
    fitting = [(d, m) for d, m in ((first, second), (second, first)) if weekday_fits(groups, d, m)]
    return fitting[0] if groups.get("weekday") and len(fitting) == 1 else None


def day_month(groups: dict[str, str | None]) -> tuple[int, int] | None:
    """(day, month) from the groups one date form matched; None when they are ambiguous."""
    if groups.get("first"):
        return numeric_day_month(groups)
    name = groups.get("mon")
    month = month_number(name) if name else int(groups.get("month") or 0)
    return int(groups.get("day") or 1), month


def date_value(groups: dict[str, str | None], year: int | None) -> DateValue | None:
    parts = day_month(groups)
    year_text = groups.get("year")
    found_year = int(year_text) if year_text else year
    if parts is None or found_year is None:
        return None
    day, month = parts
    precision = Precision.DAY if groups.get("day") or groups.get("first") else Precision.MONTH
    try:
        return DateValue(dt.date(found_year, month, day), precision)
    except ValueError:
        return None


def date_match(text: str) -> re.Match[str] | None:
    """The first date form that ``text`` is, in full (noise such as weekday and time allowed)."""
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(text.strip())
        if match:
            return match
    return None


def parse_date(text: str, year: int | None = None) -> DateValue | None:
    """The date ``text`` consists of; ``year`` completes a month and day given without one."""
    if len(text) > 80:
        return None
    match = date_match(text)
    return date_value(match.groupdict(), year) if match else None


def agency_name(raw: str, place: str) -> str | None:
    """The agency in "PLACE (Agency) —", or None when the parentheses hold something else.

    Known outlets and short all-capitals acronyms ("UPI") always count; other capitalised names
    ("Meridian News Agency") only after an all-capitals place, the wire-copy convention.
    """
    known = known_outlet(raw)
    if known:
        return known
    if re.fullmatch(r"[A-Z][A-Z.&]{1,9}", raw):
        return raw
    title_case = re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|and)){0,4}", raw)
    return raw if title_case and place.isupper() else None


def prefix_dateline(line: str, year: int | None) -> Dateline | None:
    """A dateline that opens a paragraph: place, optional date, optional agency."""
    match = AGENCY_DATELINE.match(line)
    agency = agency_name(match["agency"], match["place"]) if match else None
    if match and agency:
        when = parse_date(match["date"], year) if match["date"] else None
        return Dateline(match.end(), when, match["place"], agency)
    wire = wire_dateline(line, year)
    if wire is not None:
        return wire
    match = PLACE_DATELINE.match(line)
    if match and (not match["date"] or date_match(match["date"])):
        when = parse_date(match["date"], year) if match["date"] else None
        return Dateline(match.end(), when, match["place"])
    match = DATE_PLACE_DATELINE.match(line)
    if match and date_match(match["date"]):
        return Dateline(match.end(), parse_date(match["date"], year), match["place"].strip())
    match = STAMP_DATELINE.match(line) or DATE_DATELINE.match(line)
    if match and date_match(match["date"]):
        return Dateline(match.end(), parse_date(match["date"], year))
    return None


def wire_dateline(line: str, year: int | None) -> Dateline | None:
    """A wire stamp: the longest date the words before "(Agency) -" open with (after a "… |"
    prefix), the words after it the place unless they are the time zone or the date again."""
    match = AGENCY_TAIL.search(line, 0, MAX_WIRE_STAMP_CHARS)
    agency = known_outlet(match["agency"]) if match else None
    if match is None or agency is None:
        return None
    head = line[: match.start()]
    words = head.split("|", 1)[-1].split()
    for size in range(len(words), 0, -1):
        stamp = " ".join(words[:size])
        if date_match(stamp):
            rest = _without_zone(" ".join(words[size:]))
            place = None if rest is None or date_match(rest) else rest
            return Dateline(match.end(), parse_date(stamp, year), place, agency)
    return None


_ZONE = re.compile(r"(?:[A-Z]{1,3}T|GMT|UTC)")


def _without_zone(place: str | None) -> str | None:
    words = (place or "").split()
    while words and _ZONE.fullmatch(words[0]):
        words.pop(0)
    return " ".join(words) or None


def parse_dateline(line: str, year: int | None = None) -> Dateline | None:
    """The dateline ``line`` is (``end == len(line)``) or opens with; None when it has none."""
    if len(line) <= 80 and date_match(line):
        return Dateline(len(line), parse_date(line, year))
    return prefix_dateline(line[:300], year)
