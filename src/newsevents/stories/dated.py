"""Dated documents: an article's sentences with the calendar days each one mentions.

A timeline is built from what articles say about days, so the unit it needs is a sentence with
its offsets and the DAY-precision dates it refers to, resolved against the article's publication
date ("on Monday" in an article of Wednesday 2011-03-23 is 2011-03-21). Coarser mentions ("in
March", "last week") say too little to place an event on a timeline of days and are left out.

The pipeline builds :class:`DatedDoc` from its parsed articles (spaCy sentences);
:func:`split_sentences` is a fast rule splitter for callers with plain text only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.models import DateValue, Precision
from newsevents.temporal import find_timexes, timex_to_datevalue

# A sentence ends at . ! or ? (and any closing quotes or brackets) followed by white space and
# a capital or a digit, maybe after an opening quote ("``" in tokenised text); a line break
# always ends one.
SENTENCE_END = re.compile(
    r"""[.!?]+['"’”)\]]*(?:\s+(?:''|'))?\s+(?=(?:[`"'“‘(\[]+\s?)?[A-Z0-9])""")
# Words whose period does not end a sentence: titles, initials, months, common abbreviations.
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Maj|Gov|Sen|Rep|Rev|St|Jr|Sr|No|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Co|Corp|Ltd)|\b[A-Z]|"
    r"\b(?:[A-Za-z]\.)+[A-Za-z])\.$")


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """One sentence: its text, offsets into the article text, and the days it mentions."""

    text: str
    start: int
    end: int
    dates: tuple[dt.date, ...] = ()


@dataclass(frozen=True, slots=True)
class DatedDoc:
    """An article as the timeline builder sees it; ``published`` is its publication day."""

    article_id: str
    published: dt.date
    sentences: tuple[DatedSentence, ...]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end_match in SENTENCE_END.finditer(text, line.start(), line.end()):
            cut = end_match.end()
            if ABBREVIATION.search(text, start, end_match.start() + 1):
                continue
            spans.append((start, cut))
            start = cut
        spans.append((start, line.end()))
    return [stripped for span in spans if (stripped := _strip(text, span))]


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def date_document(article_id: str, text: str, published: dt.date,
                  spans: Sequence[tuple[int, int]] | None = None) -> DatedDoc:
    """The article's sentences (``spans``, else split by rule) with their resolved day mentions."""
    spans = list(spans) if spans is not None else split_sentences(text)
    starts = [start for start, _ in spans]
    mentions: list[list[dt.date]] = [[] for _ in spans]
    for timex in find_timexes(text, DateValue(published, Precision.DAY)):
        value = timex_to_datevalue(timex.value)
        if value is None or value.precision is not Precision.DAY:
            continue
        index = bisect.bisect_right(starts, timex.start) - 1
        if index >= 0 and timex.start < spans[index][1]:
            mentions[index].append(value.day)
    sentences = tuple(
        DatedSentence(text[start:end], start, end, tuple(dict.fromkeys(days)))
        for (start, end), days in zip(spans, mentions))
    return DatedDoc(article_id, published, sentences)
