"""Publication-date inference on Timeline17 LibyaWar (CNN + Reuters, 773 non-empty pages).

A thin wrapper over :func:`newsevents.evaluation.dates.run_pubdate_t17` (the same numbers as
``newsevents eval dates``): each page's publication day is its folder name; we hide it and infer
it from the text alone (every page), and the pipeline's way, with office-holder hints from a
spaCy parse (every 4th page by default: parsing all takes about 4 minutes on 2 cores).

``--errors`` lists the text-only answers whose period misses the true day, with their evidence;
``--heideltime`` compares our time-expression values with HeidelTime's (silver) annotations.

Usage: ``.venv/bin/python bench/pubdate_t17.py [--shared DIR] [--stride N] [--errors]
[--heideltime]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsevents.config import Settings, shared_dir
from newsevents.evaluation import dates


def run(shared: Path, stride: int = dates.HINT_SAMPLE_STRIDE) -> dict[str, Any]:
    return dates.run_pubdate_t17(shared, Settings(), stride)


def _row(name: str, figures: dict[str, Any]) -> str:
    outlets = ", ".join(f"{k} {v['exact_day']:.3f}" for k, v in figures["by_outlet"].items())
    return (f"  {name:<18}{figures['articles']:>5}{figures['exact_day']:>8.3f}"
            f"{figures['within_1_day']:>8.3f}{figures['same_month']:>8.3f}"
            f"{figures['no_date']:>8}{figures['honesty']:>9.3f}   {outlets}")


def print_table(result: dict[str, Any]) -> None:
    print("Timeline17 LibyaWar, publication date hidden")
    print(f"  {'run':<18}{'pages':>5}{'exact':>8}{'±1 day':>8}{'month':>8}{'no date':>8}"
          f"{'honesty':>9}   exact day by outlet")
    print(_row("text only", result["text_only"]))
    stride = result["hinted"]["stride"]
    print(_row(f"text only, 1/{stride}", result["text_only_sample"]))
    print(_row(f"hinted, 1/{stride}", result["hinted"]))
    for name in ("text_only", "hinted"):
        shares = result[name]["by_precision"]
        print(f"  {name} answers by precision: " + ", ".join(
            f"{p} {v['answers']} (honest {v['honesty']:.2f})" for p, v in shares.items()))
    baselines = result["text_only"]["baselines"]
    print(f"  baselines: latest explicit date = day {baselines['latest_explicit_is_day']:.3f}, "
          f"most mentioned = day {baselines['most_mentioned_is_day']:.3f}")
    print(f"  seconds: text only {result['text_only']['seconds']}, "
          f"hinted (parse included) {result['hinted']['seconds']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--stride", type=int, default=dates.HINT_SAMPLE_STRIDE,
                        help="hinted run on every N-th page (1: all, about 4 minutes)")
    parser.add_argument("--heideltime", action="store_true", help="compare with HeidelTime")
    parser.add_argument("--errors", action="store_true", help="list wrong text-only answers")
    args = parser.parse_args(argv)
    pages = dates.t17_pages(args.shared)
    if not pages:
        print(f"no Timeline17 pages under {args.shared}", file=sys.stderr)
        return 1
    print_table(run(args.shared, args.stride))
    if args.heideltime:
        agreement = dates.heideltime_agreement(pages)
        print(f"  HeidelTime DATE values reproduced: {agreement['agreement']:.3f} "
              f"of {agreement['paired']} paired expressions")
    if args.errors:
        print("\n".join(dates.pubdate_errors(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
