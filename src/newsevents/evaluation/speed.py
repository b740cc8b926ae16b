"""Throughput: articles/s and sentences/s end to end, as a ratio to spaCy's own ``nlp.pipe``.

Machines here are noisy, so both are timed in the same run on the same texts (both dev
batches), alternating; the ratio is the median of the rounds' ratios (the two runs of a round
share the machine's load), in wall-clock time and in the process's CPU time.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.models import Article
from newsevents.nlp import load_model


BATCHES = ("dev", "dev/more")


def _articles(shared: Path) -> list[Article]:
    records = [json.loads(line) for batch in BATCHES
               for line in (shared / batch / "articles.jsonl").open(encoding="utf-8")]
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in records]


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = _clocks()
    return wall - start[0], cpu - start[1]


def _time_parse(articles: list[Article], settings: Settings) -> tuple[tuple[float, float], int]:
    nlp = load_model(settings.model_names)
    start = _clocks()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(
        (a.text for a in articles), batch_size=settings.batch_size))
    return _since(start), sentences


def _time_pipeline(articles: list[Article], settings: Settings) -> tuple[float, float]:
    start = _clocks()
    pipeline.extract_all(articles, settings)
    return _since(start)


def run_speed(shared: Path, settings: Settings = Settings(), repeats: int = 5) -> dict[str, Any]:
    articles = _articles(shared)
    pipeline.extract_all(articles[:2], settings)  # load model and knowledge base once
    parse_times, full_times, sentences = [], [], 0
    for _ in range(repeats):
        seconds, sentences = _time_parse(articles, settings)
        parse_times.append(seconds)
        full_times.append(_time_pipeline(articles, settings))
    parse, full = (statistics.median(wall for wall, _ in t) for t in (parse_times, full_times))
    # each round's ratio, then their median: the two runs of a round share the machine's load
    ratio, cpu_ratio = (statistics.median(f[clock] / p[clock]
                                          for p, f in zip(parse_times, full_times, strict=True))
                        for clock in (0, 1))
    return {
        "articles": len(articles),
        "sentences": sentences,
        "spacy_articles_per_s": round(len(articles) / parse, 1),
        "newsevents_articles_per_s": round(len(articles) / full, 1),
        "newsevents_sentences_per_s": round(sentences / full, 1),
        "overhead_ratio": round(ratio, 3),
        "cpu_overhead_ratio": round(cpu_ratio, 3),
    }
