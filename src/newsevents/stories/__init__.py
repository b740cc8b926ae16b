"""Stories: what many articles say together — timelines of the days that matter, and summaries.

- :func:`date_document` turns an article's text and sentence offsets into a :class:`DatedDoc`
  (its sentences with the days they mention, resolved against the publication date);
- :func:`build_timeline` picks the most referred-to days of a set of dated documents and the
  most central sentences for each (DATEWISE, Gholipour Ghalandari & Ifrim 2020).
"""

from newsevents.stories.dated import (
    DatedDoc,
    DatedSentence,
    date_document,
    split_sentences,
)
from newsevents.stories.timeline import build_timeline, rank_days

__all__ = [
    "DatedDoc",
    "DatedSentence",
    "build_timeline",
    "date_document",
    "rank_days",
    "split_sentences",
]
