"""Benchmarks on the public gold data in ``../shared/external`` and ``../shared/dev``.

Each benchmark is a function ``(shared: Path, settings: Settings) -> dict`` of plain numbers;
``newsevents eval`` runs them and the CI eval gate compares them with floors in
``bench/floors.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsevents.config import Settings

Benchmark = Callable[[Path, Settings], dict[str, Any]]


def registry() -> dict[str, tuple[str, Benchmark, tuple[str, ...]]]:
    """name -> (group, function, input paths relative to shared) for every benchmark."""
    from newsevents.evaluation import events

    return {
        "events-dev": ("events", events.run_dev, ("dev/articles.jsonl", "dev/gold_events.jsonl")),
        "petrarch-gsr": ("events", events.run_petrarch_gsr,
                         ("external/universalpetrarch-gsr/petr2_gsr.jsonl",)),
        "plover-gsr": ("events", events.run_plover_gsr,
                       ("external/plover-gsr/PLOVER_GSR_CAMEO.txt",)),
    }


def select(group: str) -> dict[str, tuple[str, Benchmark, tuple[str, ...]]]:
    """The benchmarks of a group ("events", "dates", "timelines") or one by name, or all."""
    known = registry()
    if group == "all":
        return known
    if group in known:
        return {group: known[group]}
    return {name: spec for name, spec in known.items() if spec[0] == group}
