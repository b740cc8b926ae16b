"""The trigger lexicon and the PLOVER type table, read from ``data/events``.

Knowledge is data: every trigger is a row of ``triggers.tsv`` (its header documents the columns);
this module only parses and indexes it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table
from newsevents.errors import DataFileError

EVENTS_DIR = DATA_DIR / "events"
CONSTRAINT_KEYS = frozenset({
    "prt", "prep", "pobj", "obj", "subj", "xcomp", "comp", "mod", "judge"})
BLOCK = "NONE"  # a row of this type says "not an event" and stops less specific rows
COMP_VALUES = frozenset({"to", "that", "must"})
ACTOR_SLOT = "ACTOR"
JUDGE_NEGATIVE = "negative"  # judge=negative: the complement is a negative judgement
JUDGE_WRONGDOING = "wrongdoing"  # judge=wrongdoing: the complement reports a wrong ("violated")
JUDGE_THREAT = "threat"  # judge=threat: the complement promises consequences
JUDGE_VIOLENCE = "violence"  # judge=violence: the complement reports an act of violence
JUDGE_VALUES = frozenset({JUDGE_NEGATIVE, JUDGE_WRONGDOING, JUDGE_THREAT, JUDGE_VIOLENCE})


class Roles(StrEnum):
    """How the trigger's syntactic arguments map to actor and recipient."""

    SV = "sv"
    HOST = "host"
    FROM = "from"
    SYM = "sym"


@dataclass(frozen=True, slots=True)
class TypeInfo:
    type: str
    quad_class: int
    intensity: float
    mode_intensity: tuple[tuple[str, float], ...]
    future: tuple[str, str] | None = None
    refused: tuple[str, str, str | None] | None = None  # "will not meet" -> REJECT 125 meet

    def intensity_for(self, mode: str | None) -> float:
        return dict(self.mode_intensity).get(mode or "", self.intensity)


@dataclass(frozen=True, slots=True)
class Constraint:
    key: str
    values: frozenset[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    constraints: tuple[Constraint, ...]
    type: str
    mode: str | None
    cameo: str
    roles: Roles
    contexts: tuple[str, ...]
    example: str
    line: int

    @property
    def specificity(self) -> int:
        return len(self.constraints)

    @property
    def blocks(self) -> bool:
        return self.type == BLOCK

    @property
    def targets_clause(self) -> bool:
        """Its target is the subject of its complement clause: a demand ("said Libya must
        ..."), a judgement ("said the arrival was illegal") or an allegation ("alleged that
        France had armed the militia")."""
        return (self.type == "REQUEST" or any(c.key == "judge" for c in self.constraints)
                or (self.type == "ACCUSE" and any(c.key == "comp" for c in self.constraints)))


@dataclass(frozen=True, slots=True)
class Lexicon:
    types: dict[str, TypeInfo]
    by_lemma: dict[tuple[str, str], tuple[Trigger, ...]]

    def candidates(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """Entries for a lemma and POS, most specific first."""
        return self.by_lemma.get((lemma.lower(), pos), ())

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_lemma.values())


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV whose comment lines start with '#', each with its 1-based line number."""
    return load_table(path).rows


def _parse_types(path: Path) -> dict[str, TypeInfo]:
    types = {}
    for number, row in _rows(path):
        try:
            modes = tuple(
                (name.strip(), float(score))
                for name, score in (item.split(":") for item in row["modes"].split(",") if item)
            )
            future_type, _, future_code = row.get("future", "").partition(":")
            future = (future_type, future_code) if future_type else None
            refused_parts = [p for p in row.get("refused", "").split(":")]
            refused = None
            if refused_parts[0]:
                refused = (refused_parts[0], refused_parts[1],
                           refused_parts[2] if len(refused_parts) > 2 else None)
            types[row["type"]] = TypeInfo(
                row["type"], int(row["quad_class"]), float(row["intensity"]), modes, future,
                refused,
            )
        except (KeyError, ValueError, IndexError) as exc:
            raise DataFileError(str(path), number, f"bad type row: {exc}") from exc
    return types


def _parse_constraints(text: str, path: Path, number: int) -> tuple[Constraint, ...]:
    constraints = []
    for item in filter(None, (part.strip() for part in text.split(";"))):
        key, sep, values = item.partition("=")
        if not sep or key not in CONSTRAINT_KEYS or not values:
            raise DataFileError(str(path), number, f"bad constraint {item!r}")
        value_set = frozenset(v.strip() for v in values.split("|") if v.strip())
        if key == "comp" and not value_set <= COMP_VALUES:
            raise DataFileError(str(path), number, f"comp must be 'to', 'that' or 'must': {item!r}")
        if key == "judge" and not value_set <= JUDGE_VALUES:
            message = f"judge must be one of {sorted(JUDGE_VALUES)}: {item!r}"
            raise DataFileError(str(path), number, message)
        constraints.append(Constraint(key, value_set))
    return tuple(constraints)


def _parse_trigger(row: dict[str, str], types: dict[str, TypeInfo], path: Path, n: int) -> Trigger:
    if row.get("pos") not in ("VERB", "NOUN"):
        raise DataFileError(str(path), n, f"pos must be VERB or NOUN, not {row.get('pos')!r}")
    if row.get("type") not in types and row.get("type") != BLOCK:
        raise DataFileError(str(path), n, f"unknown PLOVER type {row.get('type')!r}")
    cameo = row.get("cameo", "")
    if row["type"] != BLOCK and not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise DataFileError(str(path), n, f"CAMEO code must be 2-4 digits, not {cameo!r}")
    try:
        roles = Roles(row.get("roles") or "sv")
    except ValueError as exc:
        raise DataFileError(str(path), n, f"unknown roles {row.get('roles')!r}") from exc
    return Trigger(
        lemma=row["lemma"].lower(),
        pos=row["pos"],
        constraints=_parse_constraints(row.get("constraints", ""), path, n),
        type=row["type"],
        mode=row.get("mode") or None,
        cameo=cameo,
        roles=roles,
        contexts=tuple(c.strip() for c in row.get("context", "").split(",") if c.strip()),
        example=row.get("example", ""),
        line=n,
    )


def load_lexicon(directory: Path = EVENTS_DIR) -> Lexicon:
    """Parse ``types.tsv`` and ``triggers.tsv``; malformed rows raise :class:`DataFileError`."""
    types = _parse_types(directory / "types.tsv")
    index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    path = directory / "triggers.tsv"
    for number, row in _rows(path):
        trigger = _parse_trigger(row, types, path, number)
        index[(trigger.lemma, trigger.pos)].append(trigger)
    by_lemma = {
        key: tuple(sorted(items, key=lambda t: -t.specificity)) for key, items in index.items()
    }
    return Lexicon(types=types, by_lemma=by_lemma)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
