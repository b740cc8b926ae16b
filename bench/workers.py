"""Speed-up of coding with several worker processes (issue #12, items 2 and 5).

Codes the first ``--articles`` CNN Libya pages of the T17 corpus
(``../shared/external/t17_libya/LibyaWar_cnn/InputDocs/*/*.txt``, read as ``newsevents ingest``
reads them) with ``pipeline.extract`` once per worker count, each in a fresh process so that
the model load is counted and each peak RSS is that run's own. Two more kinds of run give the
yardsticks: ``spacy`` (spaCy's own ``nlp.pipe`` over the same texts, one process: what parsing
alone costs) and ``daskN`` (the Dask engine, ``distributed.run``, with a local cluster of N
worker processes over the same files, cluster start and stop included); ``runN`` is
``newsevents run`` itself over the same files with ``--workers N`` into a fresh database (the
command's start, ingest, storing, linking and stories included: what a user waits for).

Prints one JSON line per run (seconds from the call to the last result, articles/s and
words/s, events, peak RSS of the parent and of the largest worker, a digest of every event's
JSON but its cluster) and the speed-up over the first kind (``runN`` over ``run1``). CPU
seconds (parent and workers) and the load average when a run starts show whether other work
shared the machine. The digests must agree: the pool, ``newsevents run`` and the Dask engine
code exactly what one process codes.

Usage: ``.venv/bin/python bench/workers.py [--articles 150] [--repeat 1] [KIND ...]``
(default ``1 2``; e.g. ``spacy 1 2 dask2`` or ``run1 run2``). On a shared machine,
``--repeat 3`` alternates the kinds three times and compares the best time of each (and each
round's pair).
Numbers in docs/benchmarks.md (§5, "Two workers").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from newsevents.config import shared_dir
from newsevents.models import Article, Problem

CORPUS = "external/t17_libya/LibyaWar_cnn/InputDocs"


def corpus_paths(count: int) -> list[str]:
    paths = sorted(str(p) for p in (shared_dir() / CORPUS).glob("*/*.txt"))[:count]
    if not paths:
        sys.exit(f"no CNN pages under {(shared_dir() / CORPUS).resolve()} (NEWSEVENTS_SHARED)")
    return paths


def corpus_articles(count: int) -> list[Article]:
    from newsevents.ingest import iter_inputs

    return [item for item in iter_inputs(corpus_paths(count)) if isinstance(item, Article)]


def _code(kind: str, articles: list[Article], count: int) -> tuple[list[dict], float | None]:
    """The events the run of ``kind`` codes (none for ``spacy``, which only parses), and the
    seconds the run took when they are not those of the whole call."""
    from newsevents.config import Settings

    if kind.startswith("run"):
        return _run_command(int(kind[len("run"):]), count)

    if kind == "spacy":
        from newsevents.events.coder import headline_text
        from newsevents.nlp import load_model

        nlp = load_model()
        for _ in nlp.pipe((headline_text(a) for a in articles), batch_size=64):
            pass
        return [], None
    if kind.startswith("dask"):
        import tempfile

        import pyarrow.parquet as pq

        from newsevents import distributed

        with tempfile.TemporaryDirectory() as folder:
            distributed.run(corpus_paths(count), Path(folder) / "out",
                            workers=int(kind[len("dask"):]))
            table = pq.read_table(Path(folder) / "out" / "events").to_pylist()
        order = sorted(table, key=lambda row: (row["partition"], row["position"], row["index"]))
        from newsevents.dataset import event_from_record

        return [event_from_record(row).to_json() for row in order], None
    from newsevents.pipeline import extract

    results = list(extract(articles, Settings(workers=int(kind))))
    return [e.to_json() for r in results if not isinstance(r, Problem) for e in r.events], None


def _run_command(workers: int, count: int) -> tuple[list[dict], float]:
    """``newsevents run`` over the pages into a fresh database: its events, and its seconds."""
    import tempfile

    from newsevents.store import Store

    command = Path(sys.executable).with_name("newsevents")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "news.db"
        started = time.perf_counter()
        subprocess.run([str(command), "--quiet", "run", *corpus_paths(count), "--db", str(db),
                        "--workers", str(workers)], check=False, capture_output=True)
        seconds = time.perf_counter() - started
        with Store(db) as store:
            events = [event.to_json() for event in store.iter_events()]
    return events, seconds


def measure(kind: str, count: int) -> dict[str, object]:
    """Run ``kind`` here; seconds, throughput, peak RSS, events, digest."""
    articles = corpus_articles(count)
    words = sum(len(a.text.split()) + len((a.title or "").split()) for a in articles)
    load = os.getloadavg()[0]  # other work on the machine when the run starts
    started = time.perf_counter()
    events, took = _code(kind, articles, count)
    seconds = took if took is not None else time.perf_counter() - started
    comparable = sorted(({**event, "cluster_id": None} for event in events),  # a stored event
                        key=lambda event: event["event_id"])  # has its cluster, in date order
    digest = hashlib.sha256(json.dumps(comparable, sort_keys=True).encode()).hexdigest()[:12]
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    return {"kind": kind, "articles": len(articles), "words": words,
            "seconds": round(seconds, 1), "articles_per_s": round(len(articles) / seconds, 2),
            "words_per_s": round(words / seconds), "cpu_seconds": round(cpu, 1),
            "load_before": round(load, 2), "events": len(events),
            "parent_peak_rss_mb": usage[0].ru_maxrss // 1024,
            "worker_peak_rss_mb": usage[1].ru_maxrss // 1024 if usage[1].ru_maxrss else None,
            "digest": digest if kind != "spacy" else None}


def run_once(kind: str, count: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one",
                          "--articles", str(count), kind],
                         check=True, capture_output=True, text=True).stdout
    print(out.strip().splitlines()[-1], flush=True)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds over the worker counts; the best time of each counts")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("kinds", nargs="*", default=["1", "2"],
                        help="worker counts, spacy (parse only), daskN (N local workers) or "
                             "runN (`newsevents run --workers N`)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.kinds[0], args.articles)))
        return
    runs = [run_once(kind, args.articles) for _ in range(args.repeat) for kind in args.kinds]
    seconds = {k: [float(r["seconds"]) for r in runs if r["kind"] == k] for k in args.kinds}
    same = len({r["digest"] for r in runs if r["digest"]}) <= 1
    for kind in args.kinds:
        base = _base(kind, args.kinds)
        if base == kind:
            continue
        rounds = ", ".join(f"{b / k:.2f}" for b, k in zip(seconds[base], seconds[kind]))
        print(f"{kind} vs {base}: {min(seconds[base]) / min(seconds[kind]):.2f}x "
              f"(best of {args.repeat}: {min(seconds[base])} s and {min(seconds[kind])} s; "
              f"round by round {rounds})")
    print("same events in every run" if same else "EVENTS DIFFER")


def _base(kind: str, kinds: list[str]) -> str:
    """What ``kind`` is compared with: the first run of ``newsevents run`` for ``runN``, else
    the first kind asked for."""
    family = [k for k in kinds if k.startswith("run") == kind.startswith("run")]
    return family[0] if kind.startswith("run") else kinds[0]


if __name__ == "__main__":
    main()
