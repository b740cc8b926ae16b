"""The benchmark scripts' scorers on a slice of the shared data (skipped without it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_tempeval3_scores_two_documents_sanely(shared: Path) -> None:
    tempeval3 = load("tempeval3")
    documents = tempeval3.documents(shared)
    if not documents:
        pytest.skip(f"TempEval-3 platinum files not found under {shared}")
    two = [d for d in documents if d.name in {"AP_20130322", "CNN_20130322_248"}]
    result, _ = tempeval3.score(two)
    assert result["gold"] == 18
    assert 0.5 <= result["relaxed"]["f1"] <= 1.0
    assert 0.5 <= result["value_f1"] <= result["relaxed"]["f1"]


@pytest.mark.shared
def test_tempeval3_reader_keeps_gold_offsets(shared: Path) -> None:
    tempeval3 = load("tempeval3")
    documents = tempeval3.documents(shared)
    if not documents:
        pytest.skip(f"TempEval-3 platinum files not found under {shared}")
    for doc in documents:
        assert doc.dct is not None
        assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)


def test_tempeval3_relaxed_matching_uses_each_expression_once() -> None:
    tempeval3 = load("tempeval3")
    from newsevents.models import TimeExpression, TimexType

    gold = (
        tempeval3.Gold(0, 6, "Friday", "DATE", "x"),
        tempeval3.Gold(7, 13, "Monday", "DATE", "y"),
    )
    system = [TimeExpression(0, 13, "Friday Monday", TimexType.DATE, "x")]
    assert len(tempeval3.match_relaxed(gold, system)) == 1


@pytest.mark.shared
def test_pubdate_t17_grades_a_slice(shared: Path) -> None:
    pubdate_t17 = load("pubdate_t17")
    articles = pubdate_t17.articles(shared)[:40]
    if not articles:
        pytest.skip(f"Timeline17 articles not found under {shared}")
    result, _ = pubdate_t17.score(articles)
    assert 0.0 <= result["exact_day"] <= result["within_1_day"] <= 1.0
    assert result["no_date"] < len(articles)
