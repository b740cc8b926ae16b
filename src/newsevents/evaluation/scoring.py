"""Scoring arithmetic shared by the benchmarks: P/R/F1, macro-F1, event matching."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

S = TypeVar("S")
G = TypeVar("G")


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def greedy_pairs(
    system: Sequence[S], gold: Sequence[G], fits: Callable[[S, G], bool]
) -> list[tuple[int, int]]:
    """(system index, gold index) of each match: every gold item takes the first system item
    that fits and is still free, so one system event never counts for two gold events."""
    used: set[int] = set()
    pairs = []
    for j, g in enumerate(gold):
        for i, s in enumerate(system):
            if i not in used and fits(s, g):
                used.add(i)
                pairs.append((i, j))
                break
    return pairs


def greedy_match(system: Sequence[S], gold: Sequence[G], fits: Callable[[S, G], bool]) -> PRF:
    """Each gold item matches at most one system item (first fit, in order)."""
    tp = len(greedy_pairs(system, gold, fits))
    return PRF(tp, len(system) - tp, len(gold) - tp)


def multiset_prf(system: Sequence[tuple], gold: Sequence[tuple]) -> PRF:
    """Micro P/R/F1 of two bags of hashable items."""
    sys_count, gold_count = Counter(system), Counter(gold)
    tp = sum((sys_count & gold_count).values())
    return PRF(tp, len(system) - tp, len(gold) - tp)


def macro_f1(pairs: Sequence[tuple[str | None, str]]) -> tuple[float, dict[str, float]]:
    """Macro-averaged F1 over the gold labels of (predicted, gold) pairs."""
    labels = sorted({g for _, g in pairs})
    per_label = {}
    for label in labels:
        tp = sum(1 for p, g in pairs if p == label and g == label)
        fp = sum(1 for p, g in pairs if p == label and g != label)
        fn = sum(1 for p, g in pairs if p != label and g == label)
        per_label[label] = round(PRF(tp, fp, fn).f1, 3)
    return (sum(per_label.values()) / len(per_label) if per_label else 0.0), per_label
