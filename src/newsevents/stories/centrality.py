"""Sentence centrality: TF-IDF vectors and the sentences closest to their group's centroid.

The centroid of a group of sentences is what most of them say; the sentence nearest to it is the
most typical statement of the group (Radev et al. 2004), which is what a one-line summary of a
day should be. Extractive, unsupervised rankers of this kind are within 0.01 ROUGE of supervised
ones on multi-document news summaries (BENCHMARKS.md §4), and they need no model.

Vectors are sparse dicts; IDF is smoothed as scikit-learn does it (ln((1+N)/(1+df)) + 1) over
the sentences of the whole input, so the words every sentence shares weigh little.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.config import DATA_DIR
from newsevents.datafiles import read_words

STOPWORDS_FILE = DATA_DIR / "stories" / "stopwords.txt"
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Penn Treebank bracket tokens (-LRB-, -RSB- …) that tokenised corpora carry instead of ( and ].
BRACKET = re.compile(r"-[LR][RSC]B-")

Vector = dict[str, float]


@functools.cache
def stopwords(path: Path = STOPWORDS_FILE) -> frozenset[str]:
    return frozenset(read_words(path))


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without stop words, numbers kept."""
    stop = stopwords()
    words = WORD.findall(BRACKET.sub(" ", text).lower())
    return [word for word in words if word not in stop and len(word) > 1]


@dataclass(frozen=True, slots=True)
class Weights:
    """Inverse document frequencies of the words of a collection of sentences."""

    idf: Mapping[str, float]
    unseen: float

    def vector(self, text: str) -> Vector:
        counts = Counter(content_words(text))
        return normalized({word: n * self.idf.get(word, self.unseen) for word, n in counts.items()})


def fit_weights(texts: Iterable[str]) -> Weights:
    """IDF over ``texts``, each text one document (here: one sentence)."""
    document_frequency: Counter[str] = Counter()
    total = 0
    for text in texts:
        document_frequency.update(set(content_words(text)))
        total += 1
    idf = {word: math.log((1 + total) / (1 + df)) + 1 for word, df in document_frequency.items()}
    return Weights(idf, math.log(1 + total) + 1)


def normalized(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {word: value / norm for word, value in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two normalized vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


def centroid(vectors: Iterable[Mapping[str, float]]) -> Vector:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return normalized(total)


def most_central(vectors: Sequence[Vector], k: int, *,
                 max_similarity: float,
                 eligible: Callable[[int], bool] = lambda _: True,
                 taken: Sequence[Vector] = (),
                 boost: Sequence[float] | None = None,
                 center: Mapping[str, float] | None = None) -> list[int]:
    """Indices of up to ``k`` vectors nearest the centroid, nearest first.

    The centroid is ``center`` when given (say, of a group with repeated members), else that of
    ``vectors``. A vector is skipped when it is not ``eligible``, empty, or more similar than
    ``max_similarity`` to one already chosen or ``taken`` (near-duplicates say nothing new).
    ``boost`` multiplies each similarity (a query weight).
    """
    center = centroid(vectors) if center is None else center
    scores = [cosine(vector, center) * (boost[i] if boost else 1.0)
              for i, vector in enumerate(vectors)]
    chosen: list[int] = []
    kept = list(taken)
    for index in sorted(range(len(vectors)), key=lambda i: (-scores[i], i)):
        vector = vectors[index]
        if len(chosen) == k:
            break
        if not vector or not eligible(index):
            continue
        if any(cosine(vector, other) > max_similarity for other in kept):
            continue
        chosen.append(index)
        kept.append(vector)
    return chosen
