"""Story clustering on ../shared/dev and dev/more: B-cubed precision/recall/F1 against the gold
story groups of each batch (two sets of topics: what holds on one must hold on the other).

Articles are clustered in the order given with their gold publication date where known (as the
ingest stage would find it), the others undated, exactly as ``cluster_stories`` does.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.models import Article, DateSource, DateValue
from newsevents.stories.clustering import cluster


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    precision = recall = 0.0
    for item in gold:
        same_pred = {o for o in gold if predicted[o] == predicted[item]}
        same_gold = {o for o in gold if gold[o] == gold[item]}
        precision += len(same_pred & same_gold) / len(same_pred)
        recall += len(same_pred & same_gold) / len(same_gold)
    p, r = precision / len(gold), recall / len(gold)
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def run_story_clusters(shared: Path, settings: Settings = Settings(),
                       batch: str = "dev") -> dict[str, Any]:
    """B-cubed of the story groups of one dev batch ("dev" or "dev/more")."""
    records = [json.loads(line)
               for line in (shared / batch / "articles.jsonl").open(encoding="utf-8")]
    articles = [
        Article(id=r["id"], text=r["text"], title=r.get("title"),
                published=DateValue(dt.date.fromisoformat(r["gold_date"])) if r.get("gold_date")
                else None,
                published_source=DateSource.METADATA if r.get("gold_date") else DateSource.NONE)
        for r in records
    ]
    stories = cluster(articles)
    predicted = {a: s.story_id for s in stories for a in s.article_ids}
    gold = {r["id"]: r["story_id"] for r in records}
    return {"bcubed": bcubed(predicted, gold), "stories": len(stories),
            "gold_stories": len(set(gold.values()))}
