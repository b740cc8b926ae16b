"""Time and peak memory of coding one very long article (issues #12 and #13).

The article is the bundled sample corpus (``src/newsevents/data/sample``, written for this
project) repeated to the requested length, coded by ``pipeline.extract_all`` in a fresh process
per length so that each peak RSS is that length's own.

Usage: ``.venv/bin/python bench/long_text.py [CHARS ...]`` (default 100000 400000 1200000).
Numbers in docs/benchmarks.md ("Long texts").
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

from newsevents.config import SAMPLE_DIR
from newsevents.models import Article

DEFAULT_LENGTHS = (100_000, 400_000, 1_200_000)


def sample_text(chars: int) -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLE_DIR.glob("*.txt"))]
    base = "\n\n".join(texts) + "\n\n"
    return (base * (chars // len(base) + 1))[:chars]


def measure(chars: int) -> dict[str, float]:
    """Code one article of ``chars`` characters here; seconds, peak RSS, events."""
    from newsevents.nlp import load_model
    from newsevents.pipeline import extract_all

    load_model()
    article = Article(id="long", text=sample_text(chars))
    started = time.perf_counter()
    result, = extract_all([article])
    return {"chars": chars, "seconds": round(time.perf_counter() - started, 1),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "events": len(result.events)}


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    lengths = [int(arg) for arg in sys.argv[1:]] or list(DEFAULT_LENGTHS)
    for chars in lengths:
        out = subprocess.run([sys.executable, __file__, "--one", str(chars)], check=True,
                             capture_output=True, text=True).stdout
        print(out.strip(), flush=True)


if __name__ == "__main__":
    main()
