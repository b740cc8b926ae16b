"""Import PETRARCH/TABARI actor dictionaries (Phoenix.*.actors.txt) into our entries.

The format: a head line ``NAME_WITH_UNDERSCORES [CODE]``, synonym lines ``+OTHER_NAME``, code
lines ``[CODE]`` / ``[CODE 950601-990815]`` / ``[CODE >20130119]`` / ``[CODE <911226]`` that may
sit on the head line or on indented lines after it, ``#`` comments and ``<!-- ... -->`` blocks.
Dates are yymmdd (years up to 30 are 20xx) or yyyymmdd. Codes are runs of 3-letter CAMEO parts
read through data/actors/cameo_codes.tsv: USAGOV -> USA + GOV, IGOWSTNAT -> NATO; other forms
(ARN, ELR/GAL) are kept whole as the code.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from newsevents.actors.entries import EntryKind, KBEntry
from newsevents.actors.tables import (
    CAMEO_HEADER,
    USER_HEADER,
    Row,
    read_table,
)
from newsevents.config import DATA_DIR
from newsevents.errors import DataFileError

logger = logging.getLogger(__name__)

_BRACKET = re.compile(r"\[([^\]]*)\]")
_CODE_TEXT = re.compile(
    r"\s*(?P<code>[^\s<>\d][^\s<>]*)?\s*"
    r"(?:(?P<op>[<>])\s*(?P<day>\d{6,8})|(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?\s*"
)
_PARENTHESES = re.compile(r"\(([^)]*)\)")
_DISCARD = frozenset("-+#")
_PETRARCH_LINE = re.compile(r"^\s*(\+|.*\[[^\]]*\])")


@dataclass(frozen=True, slots=True)
class CameoPart:
    kind: str
    ours: str


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """One bracketed code: the actor code and sector it means, and the dates it holds."""

    code: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class _Head:
    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def cameo_parts() -> dict[str, CameoPart]:
    table = read_table(DATA_DIR / "actors" / "cameo_codes.tsv")
    assert table is not None and table.header == CAMEO_HEADER
    return {f["cameo"]: CameoPart(f["kind"], f["ours"]) for _, f in table.rows}


def decode_code(raw: str) -> tuple[str | None, str | None] | None:
    """CAMEO actor code -> (actor code, sector); None for discard codes such as ``---``."""
    text = raw.strip().upper()
    if not text or set(text) <= _DISCARD:
        return None
    if not text.isalnum() or len(text) % 3:
        return text, None
    parts = [text[i : i + 3] for i in range(0, len(text), 3)]
    sector = _first_part(parts[1:], "sector")
    first = cameo_parts().get(parts[0])
    if first is None:
        return parts[0], sector
    if first.kind == "sector":  # "[ELI]" alone is a sector; "[CIV]" is still Côte d'Ivoire
        if len(parts) == 1 and not _is_iso_country(parts[0]):
            return None, first.ours
        return parts[0], sector
    if first.kind == "organization":
        return first.ours, sector
    return _first_part(parts[1:], "organization") or first.ours, sector


def _first_part(parts: list[str], kind: str) -> str | None:
    table = cameo_parts()
    return next((table[p].ours for p in parts if p in table and table[p].kind == kind), None)


def _is_iso_country(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def parse_day(text: str) -> dt.date:
    """yymmdd (00-30 -> 20xx, else 19xx) or yyyymmdd; raises ValueError."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    if len(text) != 8:
        raise ValueError(text)
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))


def parse_code_span(text: str) -> CodeSpan | None:
    """The inside of one ``[...]``; None for a discard code; raises ValueError if unreadable."""
    match = _CODE_TEXT.fullmatch(text)
    if match is None or not match["code"]:
        raise ValueError(text)
    decoded = decode_code(match["code"])
    if decoded is None:
        return None
    start = end = None
    if match["op"] == ">":
        start = parse_day(match["day"])
    elif match["op"] == "<":
        end = parse_day(match["day"])
    elif match["start"]:
        start, end = parse_day(match["start"]), parse_day(match["end"])
        if end < start:
            raise ValueError(f"{text}: ends before it starts")
    return CodeSpan(decoded[0], decoded[1], start, end)


def looks_like_petrarch(path: Path) -> bool:
    """Whether any line of the file is a synonym or carries a bracketed code."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        return any(_PETRARCH_LINE.match(line) for line in lines)


def read_petrarch_actors(path: Path, *, strict: bool = False) -> Iterator[KBEntry]:
    """Every actor of a PETRARCH dictionary: one entry per (actor, code span).

    A misplaced line (a synonym or code before any actor) always raises ``DataFileError``. An
    unreadable code such as ``[GBRGOV >201005011]`` (the Phoenix files have a handful) raises
    only when ``strict``; otherwise that one code is skipped with a logged warning, because one
    typo should not throw away a 50,000-line dictionary.
    """
    return (row.entry for row in read_petrarch_rows(path, strict=strict))


def read_petrarch_rows(path: Path, *, strict: bool = False) -> Iterator[Row]:
    for head in _read_heads(path, strict):
        for entry in _entries_of(head):
            keys = (entry.name, *entry.aliases)
            as_place = entry.kind is EntryKind.COUNTRY
            yield Row(entry, str(path), head.line, keys, as_place=as_place)


def _read_heads(path: Path, strict: bool) -> Iterator[_Head]:
    head: _Head | None = None
    in_comment = False
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line, in_comment = _strip_comments(raw, in_comment)
        if not line.strip():
            continue
        name_part = _BRACKET.split(line)[0].strip() if "[" in line else line.strip()
        if name_part.startswith("+"):
            if head is None:
                raise DataFileError(str(path), number, "synonym before any actor")
            head.synonyms.extend(s for s in name_part.split("+") if s.strip())
        elif name_part:
            if head is not None:
                yield head
            head = _Head(name_part, number)
        elif head is None:
            raise DataFileError(str(path), number, "code line before any actor")
        head.codes.extend(_codes_of(path, number, line, strict))
    if head is not None:
        yield head


def _strip_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """Drop ``<!-- -->`` blocks (which may span lines) and ``#`` comments."""
    if in_comment:
        return "", "-->" not in line
    if line.lstrip().startswith("<!"):
        closes = "-->" in line.split("<!", 1)[1]
        return "", not closes
    return line.split("#", 1)[0], False


def _codes_of(path: Path, number: int, line: str, strict: bool) -> list[CodeSpan]:
    spans = []
    for text in _BRACKET.findall(line):
        try:
            span = parse_code_span(text)
        except ValueError:
            error = DataFileError(str(path), number, f"cannot read actor code [{text}]")
            if strict:
                raise error from None
            logger.warning("%s; skipped", error)
            continue
        if span is not None:
            spans.append(span)
    return spans


def _entries_of(head: _Head) -> Iterator[KBEntry]:
    name, acronyms = _clean_name(head.name)
    aliases = [alias for s in head.synonyms for alias in _with_acronyms(s)] + acronyms
    kind = _kind_of(head.codes)
    last_code = None
    for span in head.codes:
        code = span.code or last_code  # "[IGOUNO 820101-911231] [ELI]": ELI of the same body
        last_code = code
        yield KBEntry(code, span.sector, name, kind, span.start, span.end, tuple(aliases))


def _kind_of(codes: Iterable[CodeSpan]) -> EntryKind:
    spans = list(codes)
    if any(s.start or s.end for s in spans):
        return EntryKind.PERSON
    if all(s.sector is None and s.code and len(s.code) == 3 for s in spans):
        return EntryKind.COUNTRY
    return EntryKind.ORGANIZATION


def _clean_name(raw: str) -> tuple[str, list[str]]:
    """``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> ("Aden Abyan Islamic Army", ["AAIA"])."""
    acronyms = [a.strip("_ ").replace("_", " ") for a in _PARENTHESES.findall(raw)]
    words = _PARENTHESES.sub(" ", raw).replace("_", " ").split()
    return " ".join(w.title() if w.isupper() else w for w in words), [a for a in acronyms if a]


def _with_acronyms(raw: str) -> list[str]:
    name, acronyms = _clean_name(raw)
    return [name, *acronyms] if name else acronyms


def write_user_tsv(entries: Iterable[KBEntry], out_path: Path) -> int:
    """Write ``entries`` in our user TSV format (see docs/actors.md); returns rows written."""
    rows: dict[tuple[str, ...], None] = {}
    for entry in entries:
        rows.setdefault(_user_row(entry), None)
    header = (
        "# newsevents actor entries (user TSV format; see docs/actors.md)\n"
        "# name: canonical name; aliases: other names, |-separated; code: actor code;\n"
        "# sector: sector code or empty; kind: country|organization|person|place|sector;\n"
        "# start/end: YYYY-MM-DD dates the entry holds (empty: always)\n"
    )
    lines = ["\t".join(USER_HEADER), *("\t".join(row) for row in rows)]
    out_path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def _user_row(entry: KBEntry) -> tuple[str, ...]:
    def clean(text: str) -> str:
        return " ".join(text.replace("|", " ").split())

    aliases = "|".join(dict.fromkeys(clean(a) for a in entry.aliases if clean(a)))
    return (
        clean(entry.name), aliases, entry.code or "", entry.sector or "", entry.kind.value,
        entry.start.isoformat() if entry.start else "", entry.end.isoformat() if entry.end else "",
    )
