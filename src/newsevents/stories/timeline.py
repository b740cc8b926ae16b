"""Timeline summaries: the most important days of a story, each told in a few sentences.

The method is DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020): first choose the days, then
summarise each day on its own.

* **Days.** A day matters when many articles refer to it: each article votes once for every day
  it refers to, by its publication date or by a resolved DAY-precision mention ("on Thursday",
  "March 17"), however often it repeats it. Counting mentions is nearly as good as DATEWISE's
  trained ranker; counting articles rather than mentions keeps one article that repeats a date
  (or one misresolved weekday) from outvoting the rest (docs/timelines.md has the variants).
* **Candidates.** For a day d: the lead sentences of the articles published on d and on d+1
  (news of d is reported the next morning) that mention no day themselves, plus every sentence
  that mentions d.
* **Sentences.** The candidates nearest to the TF-IDF centroid of all of them (stories.
  centrality; a sentence repeated by several articles weighs more in the centroid), the most
  central first, without near-duplicates of anything already on the timeline. A query keeps the
  articles that contain one of its words and prefers sentences that contain them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsevents.models import TimelineEntry
from newsevents.stories.centrality import (
    Weights,
    centroid,
    content_words,
    fit_weights,
    most_central,
)
from newsevents.stories.dated import DatedDoc, DatedSentence

MIN_WORDS, MAX_WORDS = 5, 60  # shorter are fragments and captions, longer are run-on blobs


@dataclass(frozen=True, slots=True)
class TimelineParams:
    """The method's choices, chosen by leave-one-topic-out over the eight shared Timeline17
    timelines (``newsevents eval t17-loto``; docs/benchmarks.md)."""

    lead_sentences: int = 5  # an article's lead: where it says what happened
    reporting_lag: int = 1  # days after an event that articles published then still report it
    near_duplicate: float = 0.4  # cosine above which two sentences say the same thing


DEFAULT_PARAMS = TimelineParams()
QUERY_BOOST = 0.5  # a sentence with all the query's words scores 1.5 times its cosine
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Candidate:
    sentence: DatedSentence
    article_id: str


def build_timeline(docs: Sequence[DatedDoc], *, max_dates: int, per_date: int,
                   query: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None,
                   params: TimelineParams = DEFAULT_PARAMS) -> list[TimelineEntry]:
    """Up to ``max_dates`` entries of up to ``per_date`` sentences, in date order.

    Only days in [``since``, ``until``] are considered; articles outside it still count as
    evidence for the days they mention.
    """
    query_words = frozenset(content_words(query)) if query else frozenset()
    if query_words:
        docs = [doc for doc in docs if any(_query_share(s.text, query_words)
                                           for s in doc.sentences)]
    days = rank_days(docs, since=since, until=until)
    pools = candidate_pools(docs, params)
    weights = fit_weights(s.text for doc in docs for s in doc.sentences)
    entries: list[TimelineEntry] = []
    taken: list[dict[str, float]] = []
    for day in days:
        if len(entries) == max_dates:
            break
        entry = summarize_day(day, pools.get(day, []), per_date, weights, query_words, taken,
                              params)
        if entry is not None:
            entries.append(entry)
    return sorted(entries, key=lambda entry: entry.date)


def rank_days(docs: Iterable[DatedDoc], *, since: dt.date | None = None,
              until: dt.date | None = None) -> list[dt.date]:
    """Days by the number of articles that refer to them, most first; ties to the earlier."""
    votes: Counter[dt.date] = Counter()
    for doc in docs:
        votes.update(referred_days(doc))
    inside = [day for day in votes
              if (since is None or day >= since) and (until is None or day <= until)]
    return sorted(inside, key=lambda day: (-votes[day], day))


def referred_days(doc: DatedDoc) -> set[dt.date]:
    """The days an article refers to: its publication day and every day it mentions."""
    return {doc.published} | {day for sentence in doc.sentences for day in sentence.dates}


def candidate_pools(docs: Iterable[DatedDoc], params: TimelineParams = DEFAULT_PARAMS
                    ) -> dict[dt.date, list[Candidate]]:
    """Day -> candidate sentences: undated leads published that day or the next, mentions."""
    pools: dict[dt.date, list[Candidate]] = defaultdict(list)
    for doc in docs:
        for index, sentence in enumerate(doc.sentences):
            candidate = Candidate(sentence, doc.article_id)
            if sentence.dates:
                for day in sentence.dates:
                    pools[day].append(candidate)
            elif index < params.lead_sentences:
                # "today" news was reported up to the lag later; no day before the calendar's first
                lags = min(params.reporting_lag, doc.published.toordinal() - 1)
                for lag in range(lags + 1):
                    pools[doc.published - lag * ONE_DAY].append(candidate)
    return pools


def summarize_day(day: dt.date, candidates: Sequence[Candidate], per_date: int,
                  weights: Weights, query_words: frozenset[str],
                  taken: list[dict[str, float]],
                  params: TimelineParams = DEFAULT_PARAMS) -> TimelineEntry | None:
    """The day's most central candidates; ``taken`` (vectors on the timeline) grows.

    Every copy of a sentence counts towards the centroid; each text is a choice once, and the
    entry lists every article that carried a chosen sentence.
    """
    fitting = [c for c in candidates if MIN_WORDS <= _words(c) <= MAX_WORDS]
    vectors = {c.sentence.text: weights.vector(c.sentence.text) for c in fitting}
    texts = list(vectors)
    boost = [1 + QUERY_BOOST * _query_share(text, query_words) for text in texts] \
        if query_words else None
    chosen = most_central([vectors[text] for text in texts], per_date,
                          max_similarity=params.near_duplicate, taken=taken, boost=boost,
                          center=centroid(vectors[c.sentence.text] for c in fitting))
    if not chosen:
        return None
    taken.extend(vectors[texts[i]] for i in chosen)
    picked = {texts[i] for i in chosen}
    sources = tuple(dict.fromkeys(c.article_id for c in fitting if c.sentence.text in picked))
    return TimelineEntry(day, tuple(texts[i] for i in chosen), sources)


def _words(candidate: Candidate) -> int:
    return len(candidate.sentence.text.split())


def _query_share(text: str, query_words: frozenset[str]) -> float:
    """The share of the query's words that ``text`` contains."""
    return len(query_words.intersection(content_words(text))) / len(query_words)
