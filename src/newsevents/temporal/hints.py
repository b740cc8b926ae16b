"""Date ranges known from outside the text's own dates, and the window they leave.

A :class:`DateBound` says "the article was written between these days" for a reason given in
words ("President Dmitry Medvedev": 2008-05-07..2012-05-07). Office-holder bounds are noisy:
news names past holders by their old title ("the day after President George W. Bush…", "toppled
President Hosni Mubarak") and keeps a title for weeks after a defection or a handover. So no
single bound is trusted over the others: the window is the stretch most of them agree on, and its
end is soft (:data:`END_GRACE`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

# How long after a bound's end the text may still use it: titles outlive terms in news copy
# ("Foreign Minister Moussa Koussa" a week after he defected).
END_GRACE = dt.timedelta(days=183)


@dataclass(frozen=True, slots=True)
class DateBound:
    """A range the publication date must fall in, and why ("President Dmitry Medvedev")."""

    start: dt.date
    end: dt.date
    evidence: str


@dataclass(frozen=True, slots=True)
class Window:
    """Where the hints put the publication date: ``start``..``end`` (grace included), and the
    bounds that agree on it."""

    start: dt.date
    end: dt.date
    agreeing: tuple[DateBound, ...]

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)

    def evidence(self) -> str:
        names = sorted({bound.evidence for bound in self.agreeing})
        return f"{'; '.join(names)} ({self.start.isoformat()}..{self.end.isoformat()})"


def hint_window(hints: Sequence[DateBound]) -> Window | None:
    """The stretch covered by the most distinct ranges among ``hints``; where separate stretches
    tie, the window spans them all (one of the tied hints is wrong, and we cannot tell which).
    Ranges that only touch (one term ends the day the next begins) do not overlap."""
    ranges = {(min(h.start, h.end), max(h.start, h.end)) for h in hints}
    if not ranges:
        return None
    points = sorted({day for pair in ranges for day in pair})
    if len(points) == 1:
        start = end = points[0]
    else:
        depth = [
            (sum(s <= a and b <= e for s, e in ranges), a, b)
            for a, b in zip(points, points[1:], strict=False)
        ]
        best = max(count for count, _, _ in depth)
        tops = [(a, b) for count, a, b in depth if count == best]
        start, end = tops[0][0], tops[-1][1]
    agreeing = tuple(
        h for h in hints if min(h.start, h.end) < end and max(h.start, h.end) > start
    ) or tuple(hints)
    return Window(start, end + END_GRACE, agreeing)
