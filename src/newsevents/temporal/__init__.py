"""Time in news text: time expressions, publication dates, event dates.

- :func:`find_timexes` finds TIMEX3 expressions and resolves them against the article date;
- :func:`infer_published` guesses a publication date from the text when nothing else gives one;
- :func:`date_for_span` picks the date that governs an event mention.
"""

from newsevents.temporal.eventdate import date_for_span, timex_to_datevalue
from newsevents.temporal.pubdate import DateBound, infer_published
from newsevents.temporal.timex import find_timexes

__all__ = ["DateBound", "date_for_span", "find_timexes", "infer_published", "timex_to_datevalue"]
