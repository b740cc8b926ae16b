"""The eval gate: every pinned benchmark must stay at or above its floors (bench/floors.json).

Floors are accuracy, never time. A benchmark whose gold inputs changed fails with a request to
re-pin rather than a confusing number; one whose inputs are absent is skipped, saying why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.config import Settings
from newsevents.evaluation import registry
from newsevents.evaluation.gate import failures, input_digest

FLOORS_PATH = Path(__file__).resolve().parents[1] / "bench" / "floors.json"
FLOORS = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_floors_name_known_benchmarks():
    assert set(FLOORS) <= set(registry())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_benchmark_meets_its_floors(name: str, shared: Path):
    _, run, inputs = registry()[name]
    missing = [p for p in inputs if not (shared / p).exists()]
    if missing:
        pytest.skip(f"{name}: gold input {shared / missing[0]} not found")
    spec = FLOORS[name]
    assert input_digest(shared, inputs) == spec["inputs"], f"{name}: gold changed; re-pin floors"
    assert failures(run(shared, Settings()), spec["floors"]) == []
