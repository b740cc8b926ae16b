"""Story clustering, incremental: a new article joins the closest open story or starts one.

An article is a bag of content words (headline words count double, capitalised names count
one and a half: stories are about who and where); a story is the running centroid of its
articles' bags. A new article joins the most similar story when the cosine similarity reaches
``threshold`` and, when both are dated, it falls within ``max_gap`` days of the story's span;
otherwise it starts a story. Nothing already clustered is revisited, so daily runs stay cheap.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newsevents.config import DATA_DIR
from newsevents.datafiles import read_words
from newsevents.models import Article

WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
BODY_WORDS = 200  # the lead carries the story; later paragraphs wander into background
CENTROID_TERMS = 80
TITLE_WEIGHT, NAME_WEIGHT = 2.0, 1.5
THRESHOLD = 0.3
MAX_GAP = dt.timedelta(days=7)

Terms = dict[str, float]


@dataclass(frozen=True, slots=True)
class StoryProfile:
    story_id: str
    centroid: Terms
    size: int
    first_date: dt.date | None
    last_date: dt.date | None
    article_ids: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(word.lower() for word in read_words(DATA_DIR / "stories" / "stopwords.txt"))


def _normalised(weights: Counter[str] | Terms) -> Terms:
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {t: v / norm for t, v in weights.items()} if norm else {}


def article_terms(article: Article) -> Terms:
    """Unit-length bag of the article's content words (title and lead)."""
    stop = stopwords()
    counts: Counter[str] = Counter()
    title_words = WORD.findall(article.title or "")
    body_words = WORD.findall(article.text)[:BODY_WORDS]
    for weight, words in ((TITLE_WEIGHT, title_words), (1.0, body_words)):
        for word in words:
            key = word.lower()
            if len(key) > 3 and key not in stop:
                counts[key] += weight * (NAME_WEIGHT if word[0].isupper() else 1.0)
    return _normalised({t: 1 + math.log(c) for t, c in counts.items()})


def similarity(a: Terms, b: Terms) -> float:
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return sum(v * large.get(t, 0.0) for t, v in small.items())


def _in_time(story: StoryProfile, day: dt.date | None, max_gap: dt.timedelta) -> bool:
    if day is None or story.first_date is None or story.last_date is None:
        return True
    # in days, not dates: a story near the calendar's ends has no date max_gap beyond it
    gap = max_gap.days
    return (story.first_date.toordinal() - gap <= day.toordinal()
            <= story.last_date.toordinal() + gap)


def best_story(terms: Terms, day: dt.date | None, stories: Sequence[StoryProfile],
               threshold: float = THRESHOLD, max_gap: dt.timedelta = MAX_GAP) -> StoryProfile | None:
    scored = [(similarity(terms, s.centroid), s) for s in stories if _in_time(s, day, max_gap)]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= threshold else None


def joined(story: StoryProfile, article_id: str, terms: Terms, day: dt.date | None) -> StoryProfile:
    """The story with one more article: centroid averaged, trimmed, span widened."""
    merged = Counter({t: v * story.size for t, v in story.centroid.items()})
    merged.update(terms)
    top = dict(merged.most_common(CENTROID_TERMS))
    dates = [d for d in (story.first_date, story.last_date, day) if d is not None]
    return replace(story, centroid=_normalised(top), size=story.size + 1,
                   first_date=min(dates, default=None), last_date=max(dates, default=None),
                   article_ids=(*story.article_ids, article_id))


def started(article_id: str, terms: Terms, day: dt.date | None) -> StoryProfile:
    return StoryProfile(f"s-{article_id}", dict(list(terms.items())[:CENTROID_TERMS]), 1, day, day,
                        (article_id,))


def cluster(articles: Sequence[Article], stories: Sequence[StoryProfile] = (),
            threshold: float = THRESHOLD) -> list[StoryProfile]:
    """Every story after adding the articles in order (stories given first, then new ones)."""
    current = {s.story_id: s for s in stories}
    for article in articles:
        terms = article_terms(article)
        day = article.published.day if article.published else None
        story = best_story(terms, day, list(current.values()), threshold)
        updated = joined(story, article.id, terms, day) if story else started(article.id, terms, day)
        current[updated.story_id] = updated
    return list(current.values())


def label(story: StoryProfile, words: int = 4) -> str:
    """The story's heaviest terms: "Haftar · Moscow · Ceasefire · Sarraj"."""
    top = sorted(story.centroid.items(), key=lambda item: -item[1])[:words]
    return " · ".join(term.capitalize() for term, _ in top)
