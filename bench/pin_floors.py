"""Pin eval-gate floors: run benchmarks, write measured value minus a margin to bench/floors.json.

Usage: python bench/pin_floors.py NAME:metric.path [NAME:metric.path ...] [--margin 0.02]
Floors are pinned with the digest of each benchmark's gold inputs (see evaluation/gate.py).
Run it after a real improvement, never to paper over a regression.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsevents.config import Settings, shared_dir
from newsevents.evaluation import registry
from newsevents.evaluation.gate import input_digest, metric

FLOORS = Path(__file__).with_name("floors.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("metrics", nargs="+", help="benchmark:dotted.metric")
    parser.add_argument("--margin", type=float, default=0.02)
    args = parser.parse_args()
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    shared, known, results = shared_dir(), registry(), {}
    for item in args.metrics:
        name, _, path = item.partition(":")
        if name not in results:
            results[name] = known[name][1](shared, Settings())
        value = metric(results[name], path)
        entry = floors.setdefault(name, {"inputs": input_digest(shared, known[name][2]),
                                         "floors": {}})
        entry["floors"][path] = round(max(0.0, value - args.margin), 3)
        print(f"{name}:{path} = {value:.3f} -> floor {entry['floors'][path]:.3f}")
    FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
