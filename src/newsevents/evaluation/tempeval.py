"""TempEval-3 Task A on the platinum test set: strict and relaxed extent P/R/F1, and value and
type F1 scored as the official scorer does (relaxed-match F1 times attribute accuracy).
See docs/dates.md and docs/benchmarks.md.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.models import DateValue, TimeExpression
from newsevents.temporal import find_timexes

ANCHORS = {"heideltime_value_f1": 0.776, "sutime_value_f1": 0.674, "heideltime_strict_f1": 0.81}
TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def _prf(correct: int, n_system: int, n_gold: int) -> dict[str, float]:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


# --- TempEval-3 platinum: TIMEX3 extents, types and values -----------------------------------


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    dct: DateValue | None
    text: str
    gold: tuple[Gold, ...]


def read_timeml(path: Path) -> TimemlDocument:
    """Text and gold TIMEX3 of one TimeML file, with offsets into the tag-free text."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for attrs in re.findall(r"<TIMEX3([^>]*)>", raw):
        fields = dict(ATTRIBUTE.findall(attrs))
        if fields.get("functionInDocument") == "CREATION_TIME":
            dct = DateValue.parse(fields["value"])
            break
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    gold: list[Gold] = []
    length = position = open_start = 0
    open_fields: dict[str, str] = {}
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            text = "".join(pieces)[open_start:length]
            gold.append(Gold(open_start, length, text, open_fields.get("type", ""),
                             open_fields.get("value", ""), open_fields.get("mod")))
        else:
            open_fields, open_start = dict(ATTRIBUTE.findall(tag.group(3))), length
    pieces.append(html.unescape(body[position:]))
    return TimemlDocument(path.stem, dct, "".join(pieces), tuple(gold))


def tempeval_documents(shared: Path) -> list[TimemlDocument]:
    folder = shared / "external" / "tempeval3" / "te3-platinum"
    return [read_timeml(path) for path in sorted(folder.glob("*.tml"))]


def match_relaxed(
    gold: Sequence[Gold], system: Sequence[TimeExpression]
) -> list[tuple[Gold, TimeExpression]]:
    """Pairs of overlapping gold and system expressions, each used once, most overlap first."""
    used: set[int] = set()
    pairs = []
    for item in gold:
        best, best_overlap = None, 0
        for index, guess in enumerate(system):
            overlap = min(item.end, guess.end) - max(item.start, guess.start)
            if index not in used and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is not None:
            used.add(best)
            pairs.append((item, system[best]))
    return pairs


def score_timexes(documents: Sequence[TimemlDocument]) -> tuple[dict[str, Any], list[str]]:
    """TempEval-3 Task A figures (the official scorer's definitions, on characters rather than
    tokens): strict and relaxed extent P/R/F1; value and type F1 = relaxed F1 x the attribute's
    accuracy on the relaxed matches. Also one line per error."""
    counts: Counter[str] = Counter()
    errors: list[str] = []
    for doc in documents:
        system = find_timexes(doc.text, doc.dct)
        pairs = match_relaxed(doc.gold, system)
        spans = {(t.start, t.end) for t in system}
        counts.update(
            gold=len(doc.gold), system=len(system), relaxed=len(pairs),
            strict=sum((g.start, g.end) in spans for g in doc.gold),
            value=sum(g.value == s.value for g, s in pairs),
            type=sum(g.type == s.type.value for g, s in pairs),
            mod_gold=sum(g.mod is not None for g, _ in pairs),
            mod_system=sum(s.mod is not None for _, s in pairs),
            mod=sum(g.mod is not None and g.mod == s.mod for g, s in pairs),
        )  # fmt: skip
        errors.extend(timex_errors(doc, system, pairs))
    relaxed = _prf(counts["relaxed"], counts["system"], counts["gold"])
    result: dict[str, Any] = {
        "documents": len(documents), "gold": counts["gold"], "system": counts["system"],
        "strict": _prf(counts["strict"], counts["system"], counts["gold"]),
        "relaxed": relaxed,
    }  # fmt: skip
    for attribute in ("value", "type"):
        accuracy = counts[attribute] / counts["relaxed"] if counts["relaxed"] else 0.0
        f1 = relaxed["f1"] * accuracy
        result[attribute] = {"accuracy": round(accuracy, 4), "f1": round(f1, 4)}
    result["mod"] = {"gold": counts["mod_gold"], "system": counts["mod_system"],
                     "correct": counts["mod"]}  # on the relaxed matches
    return result, errors


def timex_errors(
    doc: TimemlDocument, system: Sequence[TimeExpression], pairs: list[tuple[Gold, TimeExpression]]
) -> list[str]:
    """DIFF (matched, some attribute or the extent differs), MISS and EXTRA lines."""
    lines = []
    for g, s in pairs:
        if (g.value, g.type, g.start, g.end) != (s.value, s.type.value, s.start, s.end):
            lines.append(f"{doc.name}\tDIFF\tgold {g.text!r} {g.type} {g.value}"
                         f"\tsys {s.text!r} {s.type.value} {s.value}")
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    for g in doc.gold:
        if id(g) not in matched_gold:
            context = " ".join(doc.text[max(0, g.start - 40) : g.end + 40].split())
            lines.append(f"{doc.name}\tMISS\t{g.text!r} {g.type} {g.value}\t{context}")
    for s in system:
        if id(s) not in matched_system:
            lines.append(f"{doc.name}\tEXTRA\t{s.text!r} {s.type.value} {s.value}")
    return lines


def run_tempeval3(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """TempEval-3 Task A on the 20 platinum documents (HeidelTime's value F1 there: 0.776)."""
    started = time.perf_counter()
    result, _ = score_timexes(tempeval_documents(shared))
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["anchors"] = dict(ANCHORS)
    return result
