"""TempEval-3 Task A (time expressions) on the platinum test set.

Reads ``external/tempeval3/te3-platinum/*.tml``: the DCT from the TIMEX3 with
functionInDocument="CREATION_TIME", the text from <TEXT> with the gold TIMEX3 offsets. Runs
``find_timexes`` and scores as the official TempEval-3 scorer does:

- strict extent P/R/F1: exact character span;
- relaxed extent P/R/F1: any overlap (each gold and system expression used at most once);
- value F1 and type F1: relaxed F1 times the attribute's accuracy over the relaxed matches
  (the official definition: attribute P = correct / system, R = correct / gold).

Usage: ``.venv/bin/python bench/tempeval3.py [--shared DIR] [--errors]``.
Anchors on the same files: HeidelTime value F1 0.776, SUTime 0.674.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsevents.config import shared_dir
from newsevents.models import DateValue, TimeExpression
from newsevents.temporal import find_timexes

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
ANCHORS = {"HeidelTime value F1": 0.776, "SUTime value F1": 0.674, "HeidelTime strict F1": 0.81}


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    dct: DateValue | None
    text: str
    gold: tuple[Gold, ...]


def read_document(path: Path) -> Document:
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
    length, position = 0, 0
    open_fields: dict[str, str] = {}
    open_start = 0
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            text = "".join(pieces)[open_start:length]
            kind, value = open_fields.get("type", ""), open_fields.get("value", "")
            gold.append(Gold(open_start, length, text, kind, value))
        else:
            open_fields, open_start = dict(ATTRIBUTE.findall(tag.group(3))), length
    pieces.append(html.unescape(body[position:]))
    return Document(path.stem, dct, "".join(pieces), tuple(gold))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match_relaxed(
    gold: tuple[Gold, ...], system: list[TimeExpression]
) -> list[tuple[Gold, TimeExpression]]:
    """Pairs of overlapping gold and system expressions, each used once, most overlap first."""
    used: set[int] = set()
    pairs = []
    for item in gold:
        best, best_overlap = None, 0
        for index, guess in enumerate(system):
            overlap = _overlap((item.start, item.end), (guess.start, guess.end))
            if index not in used and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is not None:
            used.add(best)
            pairs.append((item, system[best]))
    return pairs


def _prf(correct: int, n_system: int, n_gold: int) -> dict[str, float]:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(documents: list[Document]) -> tuple[dict[str, object], list[str]]:
    """TempEval-3 Task A figures over ``documents``, and one line per error."""
    n_gold = n_system = strict = relaxed = value_ok = type_ok = 0
    errors: list[str] = []
    for doc in documents:
        system = find_timexes(doc.text, doc.dct)
        n_gold += len(doc.gold)
        n_system += len(system)
        spans = {(t.start, t.end) for t in system}
        strict += sum((g.start, g.end) in spans for g in doc.gold)
        pairs = match_relaxed(doc.gold, system)
        relaxed += len(pairs)
        value_ok += sum(g.value == s.value for g, s in pairs)
        type_ok += sum(g.type == s.type.value for g, s in pairs)
        errors.extend(_errors(doc, system, pairs))
    relaxed_prf = _prf(relaxed, n_system, n_gold)
    value_accuracy = value_ok / relaxed if relaxed else 0.0
    type_accuracy = type_ok / relaxed if relaxed else 0.0
    result: dict[str, object] = {
        "documents": len(documents),
        "gold": n_gold,
        "system": n_system,
        "strict": _prf(strict, n_system, n_gold),
        "relaxed": relaxed_prf,
        "value_accuracy": value_accuracy,
        "value_f1": relaxed_prf["f1"] * value_accuracy,
        "type_accuracy": type_accuracy,
        "type_f1": relaxed_prf["f1"] * type_accuracy,
    }
    return result, errors


def _errors(
    doc: Document, system: list[TimeExpression], pairs: list[tuple[Gold, TimeExpression]]
) -> list[str]:
    lines = []
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    for g, s in pairs:
        if g.value != s.value or g.type != s.type.value or (g.start, g.end) != (s.start, s.end):
            lines.append(
                f"{doc.name}\tDIFF\tgold {g.text!r} {g.type} {g.value}"
                f"\tsys {s.text!r} {s.type.value} {s.value}"
            )
    for g in doc.gold:
        if id(g) not in matched_gold:
            lines.append(f"{doc.name}\tMISS\t{g.text!r} {g.type} {g.value}\t{_context(doc, g)}")
    for s in system:
        if id(s) not in matched_system:
            lines.append(f"{doc.name}\tEXTRA\t{s.text!r} {s.type.value} {s.value}")
    return lines


def _context(doc: Document, g: Gold) -> str:
    return " ".join(doc.text[max(0, g.start - 40) : g.end + 40].split())


def documents(shared: Path) -> list[Document]:
    folder = shared / "external" / "tempeval3" / "te3-platinum"
    return [read_document(path) for path in sorted(folder.glob("*.tml"))]


def run(shared: Path) -> dict[str, object]:
    """Score the whole platinum set; the dict the CLI's ``newsevents eval`` reports."""
    started = time.perf_counter()
    result, _ = score(documents(shared))
    result["seconds"] = time.perf_counter() - started
    result["anchors"] = ANCHORS
    return result


def print_table(result: dict[str, object]) -> None:
    print(
        f"TempEval-3 platinum: {result['documents']} documents, {result['gold']} gold TIMEX3, "
        f"{result['system']} found"
    )
    print(f"{'measure':<16}{'P':>7}{'R':>7}{'F1':>7}")
    for name in ("strict", "relaxed"):
        prf = result[name]
        assert isinstance(prf, dict)
        print(f"{name + ' extent':<16}{prf['p']:>7.3f}{prf['r']:>7.3f}{prf['f1']:>7.3f}")
    print(
        f"{'value':<16}{'':>14}{result['value_f1']:>7.3f}   "
        f"(accuracy on matches {result['value_accuracy']:.3f}; HeidelTime 0.776)"
    )
    print(
        f"{'type':<16}{'':>14}{result['type_f1']:>7.3f}   "
        f"(accuracy on matches {result['type_accuracy']:.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--errors", action="store_true", help="list every mismatch per document")
    args = parser.parse_args(argv)
    docs = documents(args.shared)
    if not docs:
        print(f"no TempEval-3 files under {args.shared}", file=sys.stderr)
        return 1
    result, errors = score(docs)
    print_table(result)
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
