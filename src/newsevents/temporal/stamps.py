"""Where a page shows its own date: stamps and datelines near the top, comment stamps below.

These are layout clues, read from the text around a time expression; ``pubdate`` decides what
they are worth. A *stamp* is a full date the page presents as its own ("Wed Mar 2, 2011 6:43pm
EST", "Published: September 3, 2017", a date heading a line); a *dateline* is the wire-copy
opener "ROME, Feb 21 (Reuters) -", often without a year; a *comment stamp* is a date with a
clock time further down, posted after the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsevents.models import TimeExpression, TimexType

FULL_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT")

STAMP_WORDS = re.compile(
    r"\b(?:published|posted|updated|date|dated|created|issued|aired|broadcast|today)\b"
    r"\W{0,4}(?:on\W{0,3})?$",
    re.IGNORECASE,
)
LINE_HEAD = re.compile(
    r"(?:^|\n)[^\S\n]*(?:(?:[A-Z][A-Z .'-]{1,30},?|[A-Z][A-Za-z .'-]{1,30},)[^\S\n]+)?\W{0,2}$"
)
# "ROME Feb 21", "BENGHAZI , Libya , March 8", "TRIPOLI\/TUNIS , April 29": a place in capitals,
# maybe a country, right before the date.
PLACE_BEFORE = re.compile(
    r"(?<![\w])[A-Z]{2,}(?:[ .'\\/-]+[A-Z]{2,})*(?:\s*,\s*[A-Z][A-Za-z.' ]{1,25}?)?\s*,?\s*$"
)
# "(Reuters) -", "-LRB- Reuters -RRB- -", "(AP) —": the agency that filed it.
AGENCY_AFTER = re.compile(
    r"\s*(?:\(|-LRB-)\s*[A-Z][\w.&' -]{0,30}?\s*(?:\)|-RRB-)\s*(?:-{1,2}|–|—)"
)
DASH_AFTER = re.compile(r"\s*(?:-{1,2}|–|—)\s")
DATELINE_REACH = 500  # characters from the top where a date at a line's head is a dateline
STAMP_REACH = 1000  # characters from the top where a page shows its own date (later: comments)
RUN_REACH = 1000  # characters within which distinct date-times form a list of comments


def is_stamp(text: str, timex: TimeExpression) -> bool:
    """Whether a full date near the top is the page's own: with a clock time, after a word such
    as "Published", or at the head of one of the first lines."""
    if timex.start > STAMP_REACH:
        return False
    line_start = text.rfind("\n", 0, timex.start) + 1
    before = text[line_start : timex.start].rstrip(" (-–—,:")
    return (
        timex.type is TimexType.TIME
        or bool(STAMP_WORDS.search(before))
        or (timex.start < DATELINE_REACH and bool(LINE_HEAD.search(text, 0, timex.start)))
    )


def is_dateline(text: str, timex: TimeExpression) -> bool:
    """Whether a date near the top opens wire copy: followed by the agency ("(Reuters) -"), or
    after a place in capitals or at a line's head and followed by a dash."""
    if timex.start > STAMP_REACH:
        return False
    if AGENCY_AFTER.match(text, timex.end):
        return True
    if not DASH_AFTER.match(text, timex.end):
        return False
    line_start = text.rfind("\n", 0, timex.start) + 1
    before = text[max(line_start, timex.start - 60) : timex.start]
    return bool(PLACE_BEFORE.search(before)) or not before.strip()


def comment_stamps(timexes: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Dates with a clock time that list comments (posted after the article): those below the
    top of the page, and those in a run of distinct ones anywhere ("April 4 , 2011 at 1:58 pm
    | … April 5 , 2011 at 9:18 am |"). A lone date-time is not a comment section (a tweet box,
    a linked story), so fewer than two distinct ones give none."""
    times = [t for t in timexes if t.type is TimexType.TIME and FULL_DATE_TIME.match(t.value)]
    if len({t.value for t in times}) < 2:
        return []
    return [t for t in times if t.start > STAMP_REACH or _in_run(t, times)]


def _in_run(timex: TimeExpression, times: Sequence[TimeExpression]) -> bool:
    others = {t.value for t in times if 0 < abs(t.start - timex.start) <= RUN_REACH}
    return len(others - {timex.value}) >= 2


def is_below_top(timex: TimeExpression) -> bool:
    """A date with a clock time below the top dates a comment or a linked story, never the
    article's own news."""
    return timex.type is TimexType.TIME and timex.start > STAMP_REACH
