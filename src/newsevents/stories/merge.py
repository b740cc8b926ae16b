"""Cross-article event merging: mentions of the same real event become one cluster.

Two mentions are the same event when they come from different articles, have the same PLOVER
type, share an actor and (when both name one) a recipient, and their dates agree at the precision
known: within a day when both are days, else the coarser period must contain the finer one. As a
guard against merging two different acts of the same dyad on the same day, they must also agree
on the mode, the trigger word, or share enough of their sentence's content words. This replaces
PETRARCH's "one-a-day" filter with a rule that keeps the evidence (every mention) and counts it
(GDELT's NumMentions / NumSources / NumArticles).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from newsevents.models import DateValue, Event, Precision

WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
MIN_SHARED_WORDS = 0.15
DAY_TOLERANCE = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Mention:
    """What merging needs to know of one event mention."""

    event_id: str
    article_id: str
    source: str
    type: str
    mode: str | None
    actors: frozenset[str]
    recipients: frozenset[str]
    date: DateValue | None
    trigger: str
    words: frozenset[str]
    cluster_id: str | None = None


def mention_of(event: Event, source: str | None) -> Mention:
    return Mention(
        event_id=event.event_id,
        article_id=event.article_id,
        source=(source or event.article_id).casefold(),
        type=event.type,
        mode=event.mode,
        actors=frozenset(a.code for a in event.actors if a.code),
        recipients=frozenset(a.code for a in event.recipients if a.code),
        date=event.date,
        trigger=event.trigger.casefold(),
        words=frozenset(w.casefold() for w in WORD.findall(event.sentence)),
        cluster_id=event.cluster_id,
    )


def period(value: DateValue) -> tuple[dt.date, dt.date]:
    """First and last day of the period a date value stands for."""
    start = value.day
    if value.precision is Precision.DAY:
        return start, start
    if value.precision is Precision.WEEK:  # the calendar's last week ends on its last day
        return start, dt.date.fromordinal(min(start.toordinal() + 6, dt.date.max.toordinal()))
    if value.precision is Precision.MONTH:
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start, start.replace(month=12, day=31)


def dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    """Within a day when both are days; else one period must contain the other."""
    if a is None or b is None:
        return False
    (a0, a1), (b0, b1) = period(a), period(b)
    if a.precision is Precision.DAY and b.precision is Precision.DAY:
        return abs(a0 - b0) <= DAY_TOLERANCE
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _shared_words(a: Mention, b: Mention) -> float:
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 0.0


def same_event(a: Mention, b: Mention) -> bool:
    if a.article_id == b.article_id or a.type != b.type or not a.actors & b.actors:
        return False
    if a.recipients and b.recipients and not a.recipients & b.recipients:
        return False
    if not dates_agree(a.date, b.date):
        return False
    return (a.mode is not None and a.mode == b.mode) or a.trigger == b.trigger \
        or _shared_words(a, b) >= MIN_SHARED_WORDS


def assign_clusters(new: Sequence[Mention], clustered: Iterable[Mention]) -> dict[str, str]:
    """event_id -> cluster_id for the new mentions, joining existing clusters where they match.

    New mentions are taken in order; each joins the cluster of the first matching mention seen
    (stored ones first), or starts its own cluster named after itself. Only mentions that share
    an actor and a month (give or take a day) are compared (:class:`_Seen`), so a day's
    thousands of mentions are not each compared with all the others.
    """
    seen = _Seen()
    for mention in clustered:
        if mention.cluster_id:
            seen.add(mention)
    assignments: dict[str, str] = {}
    for mention in new:
        match = seen.first_match(mention)
        cluster = match.cluster_id if match else mention.event_id
        assignments[mention.event_id] = cluster
        seen.add(replace(mention, cluster_id=cluster))
    return assignments


class _Seen:
    """The mentions seen so far, in order, found by actor and month: two mentions of the same
    event share an actor, and their dates agree, so one's period, a day wider on each side,
    overlaps the other's (``dates_agree``), and they share a month of it."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.index: dict[tuple[str, int], list[int]] = {}

    def add(self, mention: Mention) -> None:
        position = len(self.mentions)
        self.mentions.append(mention)
        if mention.date is None:  # no date agrees with none: never matched
            return
        first, last = period(mention.date)
        for month in _months(first, last):
            for actor in mention.actors:
                self.index.setdefault((actor, month), []).append(position)

    def first_match(self, mention: Mention) -> Mention | None:
        """The first mention seen that is the same event as ``mention``."""
        if mention.date is None:
            return None
        first, last = period(mention.date)
        wider = _months(_shift(first, -1), _shift(last, 1))
        candidates = {position for actor in mention.actors for month in wider
                      for position in self.index.get((actor, month), ())}
        return next((self.mentions[position] for position in sorted(candidates)
                     if same_event(mention, self.mentions[position])), None)


def _months(first: dt.date, last: dt.date) -> range:
    """The months from ``first`` to ``last``, as year * 12 + month - 1."""
    return range(first.year * 12 + first.month - 1, last.year * 12 + last.month)


def _shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, kept within the calendar."""
    ordinal = day.toordinal() + days
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))
