"""The eval gate: measured numbers must not fall below pinned floors (as trafilatura does).

``bench/floors.json`` maps a benchmark name to {"inputs": sha256 of its input files, "floors":
{"dotted.metric.path": minimum}}. A floor is checked only when the input digest matches, so a
changed gold file asks for new floors rather than failing mysteriously.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


def input_digest(shared: Path, paths: Iterable[str]) -> str:
    """sha256 over the named files, and over every file below a named folder, in path order."""
    digest = hashlib.sha256()
    for relative in sorted(paths):
        target = shared / relative
        files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
        for path in files:
            digest.update(path.relative_to(shared).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def metric(result: Mapping[str, Any], dotted: str) -> float:
    value: Any = result
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def failures(result: Mapping[str, Any], floors: Mapping[str, float]) -> list[str]:
    """One line per metric below its floor."""
    return [
        f"{name} = {metric(result, name):.3f} is below the floor {floor:.3f}"
        for name, floor in floors.items()
        if metric(result, name) < floor
    ]


def check_all(results: Mapping[str, Mapping[str, Any]], floors_path: Path, shared: Path) -> list[str]:
    """Every floor breached by ``results`` (benchmarks not run, or run on other inputs, are
    skipped: their floors are pinned to the input digest)."""
    from newsevents.evaluation import registry

    pinned = json.loads(floors_path.read_text(encoding="utf-8"))
    known = registry()
    problems = []
    for name, spec in pinned.items():
        result = results.get(name)
        if result is None or "skipped" in result or name not in known:
            continue
        if input_digest(shared, known[name][2]) != spec["inputs"]:
            problems.append(f"{name}: gold inputs changed; re-pin its floors")
            continue
        problems.extend(f"{name}: {line}" for line in failures(result, spec["floors"]))
    return problems
