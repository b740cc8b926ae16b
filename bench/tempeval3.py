"""TempEval-3 Task A (time expressions) on the platinum test set.

A thin wrapper over :func:`newsevents.evaluation.tempeval.run_tempeval3` (the same numbers as
``newsevents eval dates``), printed as a table; ``--errors`` lists every mismatch.

Usage: ``.venv/bin/python bench/tempeval3.py [--shared DIR] [--errors]``.
Anchors on the same files: HeidelTime value F1 0.776, SUTime 0.674.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsevents.config import Settings, shared_dir
from newsevents.evaluation import tempeval


def run(shared: Path) -> dict[str, Any]:
    return tempeval.run_tempeval3(shared, Settings())


def print_table(result: dict[str, Any]) -> None:
    print(f"TempEval-3 platinum: {result['documents']} documents, {result['gold']} gold TIMEX3, "
          f"{result['system']} found, {result['seconds']} s")
    print(f"{'measure':<16}{'P':>7}{'R':>7}{'F1':>7}")
    for name in ("strict", "relaxed"):
        prf = result[name]
        print(f"{name + ' extent':<16}{prf['p']:>7.3f}{prf['r']:>7.3f}{prf['f1']:>7.3f}")
    for name, anchor in (("value", "; HeidelTime 0.776"), ("type", "")):
        figures = result[name]
        print(f"{name:<16}{'':>14}{figures['f1']:>7.3f}   "
              f"(accuracy on matches {figures['accuracy']:.3f}{anchor})")
    mod = result["mod"]
    print(f"{'mod':<16}{mod['correct']} of {mod['gold']} gold mods on matches "
          f"({mod['system']} set by us)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--errors", action="store_true", help="list every mismatch per document")
    args = parser.parse_args(argv)
    documents = tempeval.tempeval_documents(args.shared)
    if not documents:
        print(f"no TempEval-3 files under {args.shared}", file=sys.stderr)
        return 1
    print_table(run(args.shared))
    if args.errors:
        print("\n".join(tempeval.score_timexes(documents)[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
