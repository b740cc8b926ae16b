"""Event-coding benchmarks on the public gold sets in ``../shared`` (see docs/benchmarks.md).

Each ``run_*`` function reads one gold file, codes its texts with the real pipeline and returns a
plain dict of numbers; ``newsevents eval events`` prints them and the CI gate checks floors.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.evaluation.scoring import PRF, greedy_match, greedy_pairs, macro_f1, multiset_prf
from newsevents.ingest import iter_inputs
from newsevents.models import Article, DateSource, DateValue, Event

# Old PLOVER labels in the PLOVER gold file, mapped to PLOVER 2 (guides/PLOVER.md).
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
# PETRARCH spells international bodies IGO+body; our codes name the body directly.
PETRARCH_BODIES = {"UNO": "UNO", "NAT": "NATO", "EUR": "EUR", "AFU": "AFU", "ARL": "ARL"}


def _factual(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if not e.negated and not e.hypothetical]


def _code_all(articles: Sequence[Article], settings: Settings) -> dict[str, list[Event]]:
    results = pipeline.extract_all(articles, settings)
    return {r.article.id: _factual(r.events) for r in results}


# --- ../shared/dev and dev/more: real articles, PLOVER gold ----------------------------------

Gold = dict[str, Any]
Fits = Callable[[Event, Gold], bool]
# benchmark name -> batch folder under ../shared; each folder holds articles.jsonl and
# gold_events.jsonl in the same format, so one function scores them all.
DEV_BATCHES = {"events-dev": "dev", "events-dev-more": "dev/more"}


@dataclass(frozen=True, slots=True)
class DevCase:
    """One annotated article with its gold events and the factual events the coder found."""

    article: Article
    gold: tuple[Gold, ...]
    coded: tuple[Event, ...]


def code_dev(shared: Path, settings: Settings, batch: str) -> list[DevCase]:
    """Read one batch and code its articles: the input of both the scores and the details."""
    folder = shared / batch
    records = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    gold = {row["id"]: row["events"] for row in
            map(json.loads, (folder / "gold_events.jsonl").open(encoding="utf-8"))}
    articles = [Article(id=r["id"], text=r["text"], title=r.get("title"), url=r.get("url"),
                        source=r.get("outlet")) for r in records]
    coded = _code_all(articles, settings)
    return [DevCase(a, tuple(gold.get(a.id, ())), tuple(coded.get(a.id, ()))) for a in articles]


def _dev_fits(event: Event, gold: Gold) -> bool:
    """The article-level fit of BENCHMARKS.md: type (or ``alt``) and party codes agree; the
    sentence plays no part, so an event reported twice fits from either mention."""
    types = {gold["type"], gold.get("alt")}
    if event.type not in types:
        return False
    actor_codes = {a.code for a in event.actors}
    recipient_codes = {a.code for a in event.recipients}
    gold_recipients = set(gold.get("recipient") or [])
    if gold_recipients:
        return bool(actor_codes & set(gold["actor"])) and bool(recipient_codes & gold_recipients)
    return bool(actor_codes & (set(gold["actor"]) | gold_recipients))


def _normalised(text: str | None) -> str:
    return " ".join((text or "").split())


def _sentence_spans(text: str, sentence: str) -> list[tuple[int, int]]:
    """Every place the gold sentence occurs verbatim: a short sentence can occur twice."""
    spans: list[tuple[int, int]] = []
    start = text.find(sentence) if sentence else -1
    while start >= 0:
        spans.append((start, start + len(sentence)))
        start = text.find(sentence, start + 1)
    return spans


def from_gold_sentence(event: Event, gold: Gold, article: Article) -> bool:
    """Whether the event was coded from the gold event's sentence. The trigger offset decides,
    since our sentence splits need not agree with the annotator's; an event coded from a
    headline outside the text (sentence_index -1, offsets into the title) fits only a gold
    sentence that is the title; a gold sentence not in the text falls back to containment."""
    if event.sentence_index < 0:
        return bool(article.title) and _normalised(gold["sentence"]) == _normalised(article.title)
    spans = _sentence_spans(article.text, gold["sentence"])
    if spans:
        return any(start <= event.char_start < end for start, end in spans)
    ours, theirs = _normalised(event.sentence), _normalised(gold["sentence"])
    return bool(ours and theirs) and (ours in theirs or theirs in ours)


def sentence_fits(article: Article) -> Fits:
    """The stricter fit of one article: the article-level fit, from the gold event's sentence."""
    return lambda event, gold: _dev_fits(event, gold) and from_gold_sentence(event, gold, article)


def _article_fits(article: Article) -> Fits:
    return _dev_fits


# result key -> the fit it scores with; "events" (article level) is the one floors pin
DEV_VARIANTS: dict[str, Callable[[Article], Fits]] = {
    "events": _article_fits, "sentence": sentence_fits}


def run_dev(shared: Path, settings: Settings = Settings(), batch: str = "dev") -> dict[str, Any]:
    """Micro P/R/F1 on one batch of annotated articles (a folder of ``DEV_BATCHES``)."""
    return score_dev(code_dev(shared, settings, batch))


def run_coref_passes(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """What each coreference pass adds on each dev batch (LINKING.md, "Measuring it"): the
    matches (tp) and false positives (fp) it adds over the coder without it, and its
    precision on those, to compare with the coder's own."""
    report: dict[str, Any] = {}
    for name, batch in DEV_BATCHES.items():
        full = score_dev(code_dev(shared, settings, batch))["events"]
        passes = {}
        for each in sorted(settings.coref_passes):
            fewer = settings.with_(coref_passes=settings.coref_passes - {each})
            without = score_dev(code_dev(shared, fewer, batch))["events"]
            tp, fp = full["tp"] - without["tp"], full["fp"] - without["fp"]
            passes[each] = {"tp": tp, "fp": fp,
                            "precision": round(tp / (tp + fp), 3) if tp + fp > 0 else None}
        report[name] = {"coder": full, "passes": passes}
    return report


def score_dev(cases: Sequence[DevCase]) -> dict[str, Any]:
    """Scores matched anywhere in the article ("events", with "per_type") and from the gold
    event's sentence only ("sentence"). Precision is a lower bound: the gold may miss events."""
    scores: dict[str, Any] = {}
    for key, fits_for in DEV_VARIANTS.items():
        total = PRF(0, 0, 0)
        for case in cases:
            total += greedy_match(case.coded, case.gold, fits_for(case.article))
        scores[key] = total.as_dict()
    per_type = _per_type(cases)
    return {**scores, "per_type": {t: prf.as_dict() for t, prf in sorted(per_type.items())}}


def _per_type(cases: Sequence[DevCase]) -> dict[str, PRF]:
    """Article-level scores of each event type (by the gold type; ``alt`` is not split out)."""
    per_type: dict[str, PRF] = defaultdict(lambda: PRF(0, 0, 0))
    for case in cases:
        for event_type in {e.type for e in case.coded} | {g["type"] for g in case.gold}:
            per_type[event_type] += greedy_match(
                [e for e in case.coded if e.type == event_type],
                [g for g in case.gold if g["type"] == event_type], _dev_fits)
    return per_type


def gold_line(gold: Gold) -> str:
    """One gold event as a line, shaped like ``event_line`` so the two can be compared."""
    mode = f"/{gold['mode']}" if gold.get("mode") else ""
    alt = f" (alt {gold['alt']})" if gold.get("alt") else ""
    return (f"{gold['type']}{mode}{alt} {','.join(gold['actor'])} -> "
            f"{','.join(gold.get('recipient') or []) or '-'} [{gold.get('trigger', '')}]")


def details(cases: Sequence[DevCase]) -> list[str]:
    """The errors behind the numbers, per article, for an analyst: gold events missed, gold
    events found only in another sentence, and coded events that match no gold event."""
    lines: list[str] = []
    for case in cases:
        loose = greedy_pairs(case.coded, case.gold, _dev_fits)
        strict = {j for _, j in greedy_pairs(case.coded, case.gold, sentence_fits(case.article))}
        found, used = {j for _, j in loose}, {i for i, _ in loose}
        body = [f"miss: {gold_line(g)} :: {g['sentence']}"
                for j, g in enumerate(case.gold) if j not in found]
        body += [f"other sentence: {gold_line(case.gold[j])} <- {event_line(case.coded[i])}"
                 f" :: {case.coded[i].sentence}" for i, j in loose if j not in strict]
        body += [f"false positive: {event_line(e)} :: {e.sentence}"
                 for i, e in enumerate(case.coded) if i not in used]
        if body:  # one error a line, though actor texts may span a paragraph break
            lines += [f"{case.article.id} {_normalised(case.article.title)}".rstrip(),
                      *(f"  {_normalised(line)}" for line in body)]
    return lines


# --- PETRARCH-2 gold standard: (source, target, CAMEO) -------------------------------------

def petrarch_key(code: str | None) -> str:
    """Country (or body) part of a PETRARCH or newsevents code: RUSGOV -> RUS, IGOUNO -> UNO."""
    if not code:
        return "---"
    if code[:3] in ("IGO", "NGO") and len(code) >= 6:
        return PETRARCH_BODIES.get(code[3:6], code[:3])
    return code if code in PETRARCH_BODIES.values() else code[:3]


def _triples(event: Event) -> list[tuple[str, str, str]]:
    """(source, target, code) per actor-recipient pair; parties acting together (recipients
    are the actors) give each ordered pair of distinct parties, as PETRARCH codes them."""
    targets = event.recipients or (None,)
    joint = event.actors == event.recipients
    return [(petrarch_key(a.code), petrarch_key(t.code if t else None), event.cameo)
            for a in event.actors for t in targets if not (joint and t == a)]


def _gold_day(text: str | None) -> dt.date | None:
    """PETRARCH records date sentences as YYYYMMDD or YYMMDD."""
    for pattern in ("%Y%m%d", "%y%m%d"):
        try:
            return dt.datetime.strptime(text or "", pattern).date()
        except ValueError:
            continue
    return None


def _sentence_articles(rows: Sequence[dict[str, Any]]) -> list[Article]:
    articles = []
    for row in rows:
        day = _gold_day(row.get("date"))
        published = DateValue(day) if day else None
        source = DateSource.METADATA if day else DateSource.NONE
        articles.append(Article(id=row["id"], text=row["text"], published=published,
                                published_source=source))
    return articles


def run_petrarch_gsr(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    path = shared / "external" / "universalpetrarch-gsr" / "petr2_gsr.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    coded = _code_all(_sentence_articles(rows), settings)
    totals = {level: PRF(0, 0, 0) for level in LEVELS}
    for row in rows:
        system = [t for e in coded.get(row["id"], []) for t in _triples(e)]
        gold = [(petrarch_key(e["source"]), petrarch_key(e["target"]), e["code"])
                for e in row["expected_events"]]
        for level in LEVELS:
            totals[level] += multiset_prf(_view(system, level), _view(gold, level))
    return {level: prf.as_dict() for level, prf in totals.items()}


LEVELS = ("exact", "dyad_root", "root")


def _view(items: list[tuple[str, str, str]], level: str) -> list[tuple]:
    """exact: (source, target, code); dyad_root: (source, target, root); root: (root,)."""
    if level == "exact":
        return items
    if level == "dyad_root":
        return [(s, t, c[:2]) for s, t, c in items]
    return [(c[:2],) for _, _, c in items]


# --- PLOVER gold standard records: type accuracy and macro-F1 ------------------------------

def _plover_codes(parties: Any) -> set[str]:
    return {p.get("code") for p in parties or [] if isinstance(p, dict) and p.get("code")}


def run_plover_gsr(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """Type accuracy/macro-F1 of the most confident event per sentence; actor country accuracy."""
    path = shared / "external" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r["event"] != "DOCUMENT"]
    articles = [Article(id=r["id"], text=r["text"]) for r in records]
    coded = _code_all(articles, settings)
    pairs, actor_hits, recipient_hits, recipient_total = [], 0, 0, 0
    for record in records:
        events = sorted(coded.get(record["id"], []), key=lambda e: -e.confidence)
        best = events[0] if events else None
        gold_type = OLD_PLOVER.get(record["event"], record["event"])
        pairs.append((best.type if best else None, gold_type))
        if best and {a.code for a in best.actors} & _plover_codes(record.get("source")):
            actor_hits += 1
        if gold_targets := _plover_codes(record.get("target")):
            recipient_total += 1
            if best and {a.code for a in best.recipients} & gold_targets:
                recipient_hits += 1
    macro, per_type = macro_f1(pairs)
    return {
        "sentences": len(records),
        "type_accuracy": round(sum(p == g for p, g in pairs) / len(pairs), 3),
        "type_macro_f1": round(macro, 3),
        "coverage": round(sum(p is not None for p, _ in pairs) / len(pairs), 3),
        "actor_country_accuracy": round(actor_hits / len(records), 3),
        "recipient_country_accuracy": round(recipient_hits / max(recipient_total, 1), 3),
        "per_type_f1": per_type,
    }


# --- PETRARCH unit cases: a per-category checklist with fictional actors -------------------

PETRARCH_UNIT = Path("external") / "petrarch2-validation"


UNIT_LEVELS = ("root", "exact", "dyad")


def _unit_view(source: str | None, target: str | None, code: str, level: str) -> tuple:
    """root: (source, target, CAMEO root); exact: the full code; dyad: the pair alone (the
    validation verb dictionary's codes are partly its own, so the pair checks the syntax)."""
    pair = (petrarch_key(source), petrarch_key(target))
    return {"root": (*pair, code[:2]), "exact": (*pair, code), "dyad": pair}[level]


def _unit_passes(row: dict[str, Any], events: list[Event], level: str) -> bool:
    """Every expected event is produced; for a no-event case (or one whose expected events
    carry no code: discards and error records), nothing is."""
    expected = {_unit_view(e["source"], e["target"], e["code"], level)
                for e in row["expected_events"] if e["code"]}
    if row.get("expect_no_events") or not expected:
        return not events
    produced = {_unit_view(s, t, c, level) for e in events for s, t, c in _triples(e)}
    return expected <= produced


def run_petrarch_unit(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """Pass rates of the PETRARCH-2 unit cases per category, with their fictional actors
    (``PETR.Validate.actors.txt``, read in PETRARCH format) added to the knowledge base."""
    folder = shared / PETRARCH_UNIT
    rows = [json.loads(line) for line in (folder / "petr_unittest.jsonl").open(encoding="utf-8")]
    actors = folder / "PETR.Validate.actors.txt"
    settings = settings.with_(user_actor_files=(*settings.user_actor_files, actors))
    coded = _code_all(_sentence_articles(rows), settings)
    by_category: dict[str, list[dict[str, bool]]] = defaultdict(list)
    for row in rows:
        events = coded.get(row["id"], [])
        by_category[row["category"]].append(
            {level: _unit_passes(row, events, level) for level in UNIT_LEVELS})
    return {"cases": len(rows), **_unit_rates([r for rs in by_category.values() for r in rs]),
            "per_category": {name: {"cases": len(items), **_unit_rates(items)}
                             for name, items in sorted(by_category.items())}}


def _unit_rates(outcomes: list[dict[str, bool]]) -> dict[str, float]:
    names = {"root": "pass_rate", "exact": "exact_pass_rate", "dyad": "dyad_pass_rate"}
    return {names[level]: _rate(o[level] for o in outcomes) for level in UNIT_LEVELS}


def _rate(flags: Iterable[bool]) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 3) if values else 0.0


# --- seed articles: every event as a readable line, for a careful human check --------------

def _party_text(parties: Sequence[Any]) -> str:
    names = [f"{a.code}/{a.sector or '-'} ({a.text or 'implicit'})" for a in parties]
    return ", ".join(names) or "-"


def event_line(event: Event) -> str:
    """One event as a line: type/mode (CAMEO) actor -> recipient [trigger] flags date."""
    flags = " ".join(f for f, on in (("NEGATED", event.negated),
                                     ("HYPOTHETICAL", event.hypothetical)) if on)
    mode = f"/{event.mode}" if event.mode else ""
    date = event.date.iso() if event.date else "-"
    return (f"{event.type}{mode} ({event.cameo}) {_party_text(event.actors)} -> "
            f"{_party_text(event.recipients)} [{event.trigger}] {date} {flags}".rstrip())


def run_seeds(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """Every event coded in ``seeds/*.txt``, per file, as readable lines with their sentence."""
    paths = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    articles = [a for a in iter_inputs(paths, settings=settings) if isinstance(a, Article)]
    results = pipeline.extract_all(articles, settings)
    return {
        (r.article.path or r.article.id): [
            f"{event_line(e)} :: {' '.join(e.sentence.split())}" for e in r.events]
        for r in results
    }
