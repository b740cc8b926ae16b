"""Benchmarks on the public gold data in ``../shared/external`` and ``../shared/dev``.

Each benchmark is a function ``(shared: Path, settings: Settings) -> dict`` of plain numbers;
``newsevents eval`` runs them and the CI eval gate compares them with floors in
``bench/floors.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.errors import NewsEventsError

Benchmark = Callable[[Path, Settings], dict[str, Any]]
SEED_FILES = tuple(f"seeds/{name}" for name in (
    "000_d6a28646b835d821.txt", "001_5eed41542280fba7.txt", "002_090c28610211ffd8.txt",
    "003_d995f425960e1381.txt", "004_f47aabea479b38b5.txt"))


T17_ALL_INPUTS = (
    "external/t17_libya/LibyaWar_cnn/timelines/tl6.txt",
    "external/t17_libya/LibyaWar_reuters/timelines/tl5.txt",
    *(f"external/t17_more/{topic}" for topic in ("Finan_washingtonpost", "H1N1_reuters",
                                                 "IraqWar_guardian", "MJ_bbc", "bpoil_bbc",
                                                 "haiti_bbc")),
)


def registry() -> dict[str, tuple[str, Benchmark, tuple[str, ...]]]:
    """name -> (group, function, input paths relative to shared) for every benchmark."""
    from newsevents.evaluation import dates, events, pages, speed, stories, tempeval, timelines

    return {
        "speed": ("speed", speed.run_speed, ("dev/articles.jsonl", "dev/more/articles.jsonl")),
        "tempeval3": ("dates", tempeval.run_tempeval3, ("external/tempeval3/te3-platinum",)),
        "pubdate-t17": ("dates", dates.run_pubdate_t17, ("external/t17_libya",)),
        "seed-dates": ("dates", dates.run_seed_dates, SEED_FILES),
        "stories-dev": ("timelines", stories.run_story_clusters, ("dev/articles.jsonl",)),
        "stories-dev-more": ("timelines", partial(stories.run_story_clusters, batch="dev/more"),
                             ("dev/more/articles.jsonl",)),
        "t17-libya": ("timelines", timelines.run_timelines,
                      ("external/t17_libya/LibyaWar_cnn/timelines/tl6.txt",
                       "external/t17_libya/LibyaWar_reuters/timelines/tl5.txt")),
        "pages-comments": ("ingest", pages.run_comment_share, ("external/t17_libya/LibyaWar_cnn",)),
        "pages-ingest": ("ingest", pages.run_ingest_pages, ("external/t17_libya",)),
        "t17-all": ("timelines", timelines.run_timelines_all, T17_ALL_INPUTS),
        "t17-loto": ("timelines", timelines.run_timelines_loto, T17_ALL_INPUTS),
        **{name: ("events", partial(events.run_dev, batch=batch),
                  (f"{batch}/articles.jsonl", f"{batch}/gold_events.jsonl"))
           for name, batch in events.DEV_BATCHES.items()},
        "petrarch-gsr": ("events", events.run_petrarch_gsr,
                         ("external/universalpetrarch-gsr/petr2_gsr.jsonl",)),
        "plover-gsr": ("events", events.run_plover_gsr,
                       ("external/plover-gsr/PLOVER_GSR_CAMEO.txt",)),
        "petrarch-unit": ("events", events.run_petrarch_unit,
                          ("external/petrarch2-validation/petr_unittest.jsonl",
                           "external/petrarch2-validation/PETR.Validate.actors.txt")),
        "seeds": ("events", events.run_seeds, SEED_FILES),
        "coref-passes": ("events", events.run_coref_passes,
                         tuple(f"{batch}/{name}" for batch in events.DEV_BATCHES.values()
                               for name in ("articles.jsonl", "gold_events.jsonl"))),
    }


def select(group: str) -> dict[str, tuple[str, Benchmark, tuple[str, ...]]]:
    """The benchmarks of a group ("events", "dates", "timelines") or one by name, or all."""
    known = registry()
    if group == "all":
        return known
    if group in known:
        return {group: known[group]}
    return {name: spec for name, spec in known.items() if spec[0] == group}


def run_selected(
    which: str, settings: Settings, shared: Path, on_start: Callable[[str], None] | None = None
) -> dict[str, dict[str, Any]]:
    """Run the selected benchmarks whose inputs exist; a missing input is reported, not fatal."""
    chosen = select(which)
    if not chosen:
        raise NewsEventsError(f"no benchmark or group named {which!r}; known: "
                              f"{', '.join(sorted(registry()))}")
    results: dict[str, dict[str, Any]] = {}
    for name, (_, run, inputs) in chosen.items():
        missing = [p for p in inputs if not (shared / p).exists()]
        if missing:
            results[name] = {"skipped": f"missing {shared / missing[0]}"}
            continue
        if on_start is not None:
            on_start(f"running {name} …")
        results[name] = run(shared, settings)
    return results


def dev_details(which: str, settings: Settings, shared: Path) -> list[str]:
    """Error lines (misses, other-sentence matches, false positives) of the selected
    events-dev* benchmarks, so ``newsevents eval --details`` shows what the numbers hide.
    The batches are coded afresh: the benchmarks themselves return numbers only."""
    from newsevents.evaluation import events

    lines: list[str] = []
    for name in select(which):
        batch = events.DEV_BATCHES.get(name)
        if batch is None or not (shared / batch / "gold_events.jsonl").exists():
            continue
        lines += [f"# {name} ({shared / batch})",
                  *events.details(events.code_dev(shared, settings, batch))]
    return lines
