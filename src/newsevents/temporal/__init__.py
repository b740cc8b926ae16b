"""Time in news text: time expressions, publication dates, event dates.

- :func:`find_timexes` finds TIMEX3 expressions and resolves them against the article date;
- :func:`infer_published` guesses a publication date from the text when nothing else gives one
  (:func:`estimate_published` also says which words it rests on);
- :func:`date_for_span` picks the date that governs an event mention.
"""

from newsevents.temporal.eventdate import date_for_span, timex_to_datevalue
from newsevents.temporal.hints import DateBound
from newsevents.temporal.pubdate import (
    PublishedEstimate,
    estimate_published,
    infer_published,
)
from newsevents.temporal.timex import find_timexes

__all__ = [
    "DateBound",
    "PublishedEstimate",
    "date_for_span",
    "estimate_published",
    "find_timexes",
    "infer_published",
    "timex_to_datevalue",
]
