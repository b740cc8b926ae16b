"""Speed-up of coding with several worker processes (issue #12, item 2).

Codes the first ``--articles`` CNN Libya pages of the T17 corpus
(``../shared/external/t17_libya/LibyaWar_cnn/InputDocs/*/*.txt``, read as ``newsevents ingest``
reads them) with ``pipeline.extract`` once per worker count, each in a fresh process so that
the model load is counted and each peak RSS is that run's own. Prints one JSON line per run
(seconds from the call to the last result, events, peak RSS of the parent and of the largest
worker, a digest of every event's JSON) and the speed-up over the first worker count. CPU
seconds (parent and workers) and the load average when a run starts show whether other work
shared the machine. The digests must agree: the pool codes exactly what one process codes.

Usage: ``.venv/bin/python bench/workers.py [--articles 150] [--repeat 1] [WORKERS ...]``
(default 1 2). On a shared machine, ``--repeat 3`` alternates the worker counts three times and
compares the best time of each.
Numbers in docs/benchmarks.md ("Worker processes").
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


def corpus_articles(count: int) -> list[Article]:
    from newsevents.ingest import iter_inputs

    paths = sorted(str(p) for p in (shared_dir() / CORPUS).glob("*/*.txt"))[:count]
    if not paths:
        sys.exit(f"no CNN pages under {(shared_dir() / CORPUS).resolve()} (NEWSEVENTS_SHARED)")
    return [item for item in iter_inputs(paths) if isinstance(item, Article)]


def measure(workers: int, count: int) -> dict[str, object]:
    """Code the corpus here with ``workers`` processes; seconds, peak RSS, events, digest."""
    from newsevents.config import Settings
    from newsevents.pipeline import extract

    articles = corpus_articles(count)
    load = os.getloadavg()[0]  # other work on the machine when the run starts
    started = time.perf_counter()
    results = list(extract(articles, Settings(workers=workers)))
    seconds = time.perf_counter() - started
    events = [e.to_json() for r in results if not isinstance(r, Problem) for e in r.events]
    digest = hashlib.sha256(json.dumps(events, sort_keys=True).encode()).hexdigest()[:12]
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    return {"workers": workers, "articles": len(articles), "seconds": round(seconds, 1),
            "cpu_seconds": round(cpu, 1), "load_before": round(load, 2),
            "events": len(events), "problems": sum(isinstance(r, Problem) for r in results),
            "parent_peak_rss_mb": usage[0].ru_maxrss // 1024,
            "worker_peak_rss_mb": usage[1].ru_maxrss // 1024 if workers > 1 else None,
            "digest": digest}


def run_once(workers: int, count: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one",
                          "--articles", str(count), str(workers)],
                         check=True, capture_output=True, text=True).stdout
    print(out.strip(), flush=True)
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds over the worker counts; the best time of each counts")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.workers[0], args.articles)))
        return
    runs = [run_once(workers, args.articles)
            for _ in range(args.repeat) for workers in args.workers]
    best = {w: min(float(r["seconds"]) for r in runs if r["workers"] == w) for w in args.workers}
    base = args.workers[0]
    same = len({r["digest"] for r in runs}) == 1
    for workers in args.workers[1:]:
        print(f"workers {workers} vs {base}: {best[base] / best[workers]:.2f}x "
              f"(best of {args.repeat}: {best[base]} s and {best[workers]} s; "
              f"{'same events in every run' if same else 'EVENTS DIFFER'})")


if __name__ == "__main__":
    main()
