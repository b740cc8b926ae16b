"""Timeline summarisation metrics and the Timeline17 Libya benchmark (BENCHMARKS.md §3).

Metrics follow tilse (Martschat & Markert 2017), as news-tls reports them:

* **Date-F1**: exact-day overlap of system and gold dates;
* **concat ROUGE-N**: every summary of each side concatenated, dates ignored;
* **AR-N (align+ m:1)**: each system date is mapped to the gold date of lowest cost
  (1 - 1/(|Δdays|+1)) × (1 - quick ROUGE-1 F1 of the two day summaries), ties to the earliest;
  precision sums that pair's clipped n-gram hits / (|Δdays|+1) over system dates and divides by
  the system's n-grams; recall maps each gold date to its cheapest system date the same way.

ROUGE counts come from evaluation.rouge (ROUGE-1.5.5 with stemming and stop words removed).
Several tasks are averaged as news-tls does: mean precision, mean recall, then F1.

Protocol (news-tls): one task per gold timeline; the system gives exactly l dates (l = gold
dates) with k sentences each (k = round(mean sentences per gold date)) from the articles
published inside the gold timeline's date range; an article's publication date is its folder.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.ingest.boilerplate import strip_boilerplate
from newsevents.ingest.tokenised import restore
from newsevents.evaluation.rouge import (
    RougeCounts,
    f_score,
    ngram_counts,
    ngrams,
    quick_rouge1_f1,
    rouge_counts,
    rouge_tokens,
)
from newsevents.models import TimelineEntry
from newsevents.stories import DatedDoc, build_timeline, date_document
from newsevents.stories.centrality import fit_weights, most_central
from newsevents.stories.timeline import DEFAULT_PARAMS, TimelineParams

Timeline = Mapping[dt.date, Sequence[str]]
T17_LIBYA = "external/t17_libya"
BASELINE_NEAR_DUPLICATE = 0.5  # the PubCount baseline's, fixed: an anchor, not our choice
GOLD_SEPARATOR = "-" * 32


def as_timeline(entries: Sequence[TimelineEntry]) -> dict[dt.date, tuple[str, ...]]:
    return {entry.date: entry.sentences for entry in entries}


# --- metrics --------------------------------------------------------------------------------

def date_prf(system: Timeline, gold: Timeline) -> tuple[float, float]:
    """(precision, recall) of the system's dates."""
    common = len(set(system) & set(gold))
    return (common / len(system) if system else 0.0, common / len(gold) if gold else 0.0)


def concat_rouge(system: Timeline, gold: Timeline, n: int) -> RougeCounts:
    return rouge_counts([s for day in sorted(system) for s in system[day]],
                        [s for day in sorted(gold) for s in gold[day]], n)


def _date_factor(a: dt.date, b: dt.date) -> float:
    return 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def align_many_to_one(system: Timeline, gold: Timeline) -> tuple[list[int], list[int]]:
    """For each system date its gold date, for each gold date its system date (indices into the
    sorted dates), by tilse's cost; the first cheapest wins."""
    system_days, gold_days = sorted(system), sorted(gold)
    cost = [[_date_factor(s, g) * (1 - quick_rouge1_f1(system[s], gold[g])) for g in gold_days]
            for s in system_days]
    to_gold = [min(range(len(gold_days)), key=lambda j: (row[j], j)) for row in cost]
    to_system = [min(range(len(system_days)), key=lambda i: (cost[i][j], i))
                 for j in range(len(gold_days))]
    return to_gold, to_system


def align_rouge(system: Timeline, gold: Timeline, ns: Sequence[int] = (1, 2)
                ) -> dict[int, tuple[float, float]]:
    """n -> (precision, recall) of AR-n, align+ m:1."""
    system_days, gold_days = sorted(system), sorted(gold)
    if not system_days or not gold_days:
        return {n: (0.0, 0.0) for n in ns}
    to_gold, to_system = align_many_to_one(system, gold)
    system_tokens = [rouge_tokens(system[day]) for day in system_days]
    gold_tokens = [rouge_tokens(gold[day]) for day in gold_days]
    scores: dict[int, tuple[float, float]] = {}
    for n in ns:
        system_grams = [ngrams(tokens, n) for tokens in system_tokens]
        gold_grams = [ngrams(tokens, n) for tokens in gold_tokens]
        pairs = [(i, j) for i, j in enumerate(to_gold)], [(i, j) for j, i in enumerate(to_system)]
        weighted = []
        for links in pairs:
            hits = 0.0
            for i, j in links:
                counts = ngram_counts(system_grams[i], gold_grams[j])
                hits += counts.hits / (abs(system_days[i].toordinal()
                                           - gold_days[j].toordinal()) + 1)
            weighted.append(hits)
        system_total = sum(sum(grams.values()) for grams in system_grams)
        gold_total = sum(sum(grams.values()) for grams in gold_grams)
        scores[n] = (weighted[0] / system_total if system_total else 0.0,
                     weighted[1] / gold_total if gold_total else 0.0)
    return scores


def score_timeline(system: Timeline, gold: Timeline) -> dict[str, Any]:
    """Date P/R, concat ROUGE-1/2 and AR-1/2 (align+ m:1) of one system timeline."""
    result: dict[str, Any] = {"date": date_prf(system, gold)}
    for n in (1, 2):
        counts = concat_rouge(system, gold, n)
        result[f"concat_r{n}"] = (counts.precision, counts.recall)
    for n, pr in align_rouge(system, gold).items():
        result[f"ar{n}"] = pr
    return result


def report(scores: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Tasks averaged by mean precision and mean recall, then F1; rounded for reading."""
    out: dict[str, Any] = {}
    for metric in ("date", "concat_r1", "concat_r2", "ar1", "ar2"):
        precision = sum(s[metric][0] for s in scores) / len(scores)
        recall = sum(s[metric][1] for s in scores) / len(scores)
        prf = {"precision": round(precision, 4), "recall": round(recall, 4),
               "f1": round(f_score(precision, recall), 4)}
        if metric == "date":
            out["date_f1"] = prf["f1"]
        else:
            out[metric] = prf
    return out


# --- the PubCount + centroid baseline ----------------------------------------------------------

def pubcount_timeline(docs: Sequence[DatedDoc], *, max_dates: int, per_date: int
                      ) -> list[TimelineEntry]:
    """Days with most articles published; each told by the most central of that day's
    articles' sentences (news-tls's simple baseline)."""
    published = Counter(doc.published for doc in docs)
    weights = fit_weights(s.text for doc in docs for s in doc.sentences)
    entries = []
    for day, _ in sorted(published.items(), key=lambda item: (-item[1], item[0]))[:max_dates]:
        sentences = [(s.text, doc.article_id) for doc in docs if doc.published == day
                     for s in doc.sentences]
        vectors = [weights.vector(text) for text, _ in sentences]
        chosen = most_central(vectors, per_date, max_similarity=BASELINE_NEAR_DUPLICATE)
        entries.append(TimelineEntry(day, tuple(sentences[i][0] for i in chosen),
                                     tuple(dict.fromkeys(sentences[i][1] for i in chosen))))
    return sorted(entries, key=lambda entry: entry.date)


# --- Timeline17 Libya ------------------------------------------------------------------------

# The crawl keeps page furniture around each story. Reuters pages open with a dateline stamp
# ("TRIPOLI | Mon Feb 21 , 2011 3:51 pm IST TRIPOLI -LRB- Reuters -RRB- - <lead>"), CNN pages
# with highlights ("... -LRB- CNN -RRB- -- <lead>"); bylines and the credits that end Reuters
# stories ("-LRB- Reporting by ... -RRB- <adverts>") are not news either.
AGENCY_MARK = re.compile(r"^.{0,1500}?\((?:Reuters|CNN)\) -+ ")
BYLINE = re.compile(r"^By (?:the )?CNN Wire Staff ")
CREDITS = re.compile(r" \((?:Reporting|Writing|Additional reporting|Editing) by .*$")


@dataclass(frozen=True, slots=True)
class TimelineTask:
    name: str
    gold: dict[dt.date, tuple[str, ...]]
    docs: tuple[DatedDoc, ...]

    @property
    def max_dates(self) -> int:
        return len(self.gold)

    @property
    def per_date(self) -> int:
        return round(sum(len(s) for s in self.gold.values()) / len(self.gold))


def read_gold_timeline(path: Path) -> dict[dt.date, tuple[str, ...]]:
    """A Timeline17 gold file: a date line, one sentence a line, a line of 32 dashes. A block
    whose date line is no date (MJ_bbc has "2011-04-0") is left out, as it can match nothing."""
    timeline: dict[dt.date, tuple[str, ...]] = {}
    for block in path.read_text(encoding="utf-8").split(GOLD_SEPARATOR):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        try:
            day = dt.date.fromisoformat(lines[0])
        except ValueError:
            continue
        timeline[day] = tuple(lines[1:])
    return timeline


def clean_t17_text(text: str, boilerplate: frozenset[str] = frozenset()) -> str:
    """The story of one crawled page, cleaned as ingest cleans a page (treebank tokens restored,
    reader comments and page furniture cut), then repeated page lines, datelines, bylines and
    credits cut."""
    lines = []
    for line in strip_boilerplate(restore(text).splitlines()).lines:
        if line.strip() in boilerplate:
            continue
        line = CREDITS.sub("", BYLINE.sub("", AGENCY_MARK.sub("", line)))
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def repeated_lines(texts: Sequence[str], at_least: int = 10) -> frozenset[str]:
    """Lines found on ``at_least`` pages: site furniture (comment notices, ads, site-wide
    headlines); a news sentence that wire updates repeat is found on fewer."""
    counts = Counter(line for text in texts for line in {l.strip() for l in text.splitlines()})
    return frozenset(line for line, n in counts.items() if n >= at_least and line)


def read_t17_docs(source: Path, since: dt.date, until: dt.date, clean: bool = True
                  ) -> tuple[DatedDoc, ...]:
    """Articles of InputDocs/<day>/ published in [since, until] as dated documents."""
    files = [path for folder in sorted((source / "InputDocs").iterdir()) if folder.is_dir()
             and since <= dt.date.fromisoformat(folder.name) <= until
             for path in sorted(folder.glob("*.txt"))]
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    if clean:
        texts = [restore(text) for text in texts]
        furniture = repeated_lines(texts)
        texts = [clean_t17_text(text, furniture) for text in texts]
    return tuple(
        date_document(f"{source.name}/{path.parent.name}/{path.name.split('.')[0]}", text,
                      dt.date.fromisoformat(path.parent.name))
        for path, text in zip(files, texts) if text.strip())


T17_MORE = "external/t17_more"


def t17_more_tasks(shared: Path, clean: bool = True) -> list[TimelineTask]:
    """One task per gold timeline of the six other Timeline17 topics in t17_more."""
    tasks = []
    for source in sorted(p for p in (shared / T17_MORE).iterdir() if (p / "InputDocs").is_dir()):
        for gold_file in sorted((source / "timelines").glob("*.txt")):
            gold = read_gold_timeline(gold_file)
            docs = read_t17_docs(source, min(gold), max(gold), clean)
            tasks.append(TimelineTask(f"{source.name}/{gold_file.stem}", gold, docs))
    return tasks


# The choices leave-one-topic-out picks among (TimelineParams): how much of an article is its
# lead, how many days late news still reports a day, how alike two sentences may be.
LOTO_GRID = tuple(
    TimelineParams(lead, lag, near)
    for lead in (3, 5, 8) for lag in (0, 1, 2) for near in (0.4, 0.5, 0.6)
)


def topic_of(task: TimelineTask) -> str:
    """"LibyaWar_cnn/tl6" -> "LibyaWar": the two Libya timelines are one topic."""
    return task.name.split("/")[0].split("_")[0]


def leave_one_topic_out(tasks: Sequence[TimelineTask],
                        grid: Sequence[TimelineParams] = LOTO_GRID) -> dict[str, Any]:
    """For each topic, the choices that score best (AR-1 F1) on the other topics, scored on it:
    what the method would do on a topic it was not tuned on. Also which choices win overall."""
    scores = {params: [score_timeline(as_timeline(build_timeline(
        task.docs, max_dates=task.max_dates, per_date=task.per_date, since=min(task.gold),
        until=max(task.gold), params=params)), task.gold) for task in tasks] for params in grid}
    topics = sorted({topic_of(task) for task in tasks})
    held_out, per_topic = [], {}
    for topic in topics:
        inside = [i for i, task in enumerate(tasks) if topic_of(task) != topic]
        best = max(grid, key=lambda p: (report([scores[p][i] for i in inside])["ar1"]["f1"],
                                        p == DEFAULT_PARAMS))
        outside = [scores[best][i] for i, task in enumerate(tasks) if topic_of(task) == topic]
        held_out.extend(outside)
        per_topic[topic] = {"chosen": _params_json(best), **report(outside)}
    overall = max(grid, key=lambda p: (report(scores[p])["ar1"]["f1"], p == DEFAULT_PARAMS))
    return {"held_out": report(held_out), "topics": per_topic,
            "best_overall": _params_json(overall),
            "default": {"params": _params_json(DEFAULT_PARAMS),
                        **report(scores[DEFAULT_PARAMS])} if DEFAULT_PARAMS in scores else None}


def _params_json(params: TimelineParams) -> dict[str, Any]:
    return {"lead_sentences": params.lead_sentences, "reporting_lag": params.reporting_lag,
            "near_duplicate": params.near_duplicate}


def run_timelines_loto(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """Leave-one-topic-out over the eight shared Timeline17 timelines (seven topics)."""
    started = time.perf_counter()
    result = leave_one_topic_out(t17_tasks(shared) + t17_more_tasks(shared))
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def run_timelines_all(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """All eight shared Timeline17 timelines (Libya's two and six other topics): per task and
    the mean (news-tls: mean precision, mean recall, then F1), ours and the baseline."""
    started = time.perf_counter()
    result = evaluate_tasks(t17_tasks(shared) + t17_more_tasks(shared))
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def t17_tasks(shared: Path, clean: bool = True) -> list[TimelineTask]:
    """One task per gold timeline of t17_libya (CNN tl6, Reuters tl5)."""
    tasks = []
    for source in sorted((shared / T17_LIBYA).glob("LibyaWar_*")):
        for gold_file in sorted((source / "timelines").glob("*.txt")):
            gold = read_gold_timeline(gold_file)
            docs = read_t17_docs(source, min(gold), max(gold), clean)
            tasks.append(TimelineTask(f"{source.name}/{gold_file.stem}", gold, docs))
    return tasks


Builder = Callable[[TimelineTask], Sequence[TimelineEntry]]


def ours(task: TimelineTask) -> list[TimelineEntry]:
    return build_timeline(task.docs, max_dates=task.max_dates, per_date=task.per_date,
                          since=min(task.gold), until=max(task.gold))


def pubcount(task: TimelineTask) -> list[TimelineEntry]:
    return pubcount_timeline(task.docs, max_dates=task.max_dates, per_date=task.per_date)


SYSTEMS: dict[str, Builder] = {"ours": ours, "pubcount": pubcount}


def evaluate_tasks(tasks: Sequence[TimelineTask],
                   systems: Mapping[str, Builder] = SYSTEMS) -> dict[str, Any]:
    per_task: dict[str, Any] = {}
    scores: dict[str, list[dict[str, Any]]] = {name: [] for name in systems}
    for task in tasks:
        row: dict[str, Any] = {"l": task.max_dates, "k": task.per_date, "articles": len(task.docs)}
        for name, build in systems.items():
            score = score_timeline(as_timeline(build(task)), task.gold)
            scores[name].append(score)
            row[name] = report([score])
        per_task[task.name] = row
    return {"tasks": per_task,
            "average": {name: report(s) for name, s in scores.items() if s}}


def run_timelines(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """Timeline17 Libya (CNN tl6, Reuters tl5): ours and the PubCount + centroid baseline."""
    started = time.perf_counter()
    tasks = t17_tasks(shared)
    result = evaluate_tasks(tasks)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result
