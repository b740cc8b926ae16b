"""Removes the lines of a page that are not news: comment counters, copyright, share buttons.

The patterns are data (``data/boilerplate.tsv``, whose header explains the columns); this module
applies them. Removal is conservative: a ``line`` rule has to match a whole line, so a sentence
that merely mentions comments or copyright stays. A line that names the outlet ("© 2011 AFP")
also tells us the article's source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table
from newsevents.ingest.outlets import known_outlet, outlet_name

BOILERPLATE_FILE = DATA_DIR / "boilerplate.tsv"

# No rule matches more than this many characters: longer lines are news, checked no further.
MAX_BOILERPLATE_CHARS = 500
# A link list ("Read more" and the titles after it) holds at most this many short lines.
MAX_LINK_LINES = 10
MAX_LINK_TITLE_CHARS = 120
MAX_LINK_TITLE_WORDS = 16


class RuleKind(StrEnum):
    LINE = "line"
    TRAILER = "trailer"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class Rule:
    kind: RuleKind
    pattern: re.Pattern[str]
    removes: str
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Lines left after removal (blank lines kept: they separate paragraphs), the outlet named."""

    lines: tuple[str, ...]
    outlet: str | None = None


def compile_rule(kind: RuleKind, regex: str) -> re.Pattern[str]:
    """A trailer rule is anchored at the end of the line; the other kinds use ``fullmatch``."""
    flags = 0
    if regex.startswith("(?i)"):
        regex, flags = regex[4:], re.IGNORECASE
    if kind is RuleKind.TRAILER:
        regex = rf"(?:{regex})\s*$"
    return re.compile(regex, flags)


@cache
def load_rules(path: Path = BOILERPLATE_FILE) -> tuple[Rule, ...]:
    rules = []
    table = load_table(path, ("kind", "regex", "removes"))
    for line, values in table.rows:
        try:
            kind = RuleKind(values["kind"])
            pattern = compile_rule(kind, values["regex"])
        except (ValueError, re.error) as error:
            raise table.fail(line, str(error)) from error
        rules.append(Rule(kind, pattern, values["removes"], values.get("outlet", "")))
    return tuple(rules)


def rule_outlet(rule: Rule, match: re.Match[str]) -> tuple[bool, str | None]:
    """Whether the match counts as boilerplate, and the outlet it names."""
    if not rule.outlet:
        return True, None
    if rule.outlet in ("group", "known"):
        named = match.groupdict().get("outlet") or ""
        if rule.outlet == "known":
            canonical = known_outlet(named)
            return canonical is not None, canonical
        return True, outlet_name(named)
    return True, outlet_name(rule.outlet)


def match_line(line: str, rules: Sequence[Rule]) -> tuple[Rule, str | None] | None:
    """The first whole-line rule (``line`` or ``list``) that ``line`` is, with its outlet."""
    text = line.strip()
    if not text or len(text) > MAX_BOILERPLATE_CHARS:
        return None
    for rule in rules:
        if rule.kind is RuleKind.TRAILER:
            continue
        match = rule.pattern.fullmatch(text)
        if match:
            counts, outlet = rule_outlet(rule, match)
            if counts:
                return rule, outlet
    return None


def cut_trailers(line: str, rules: Sequence[Rule]) -> str:
    """``line`` without trailing boilerplate fragments ("13th July 2011, Comments 0 comments")."""
    text = line.rstrip()
    for rule in rules:
        if rule.kind is not RuleKind.TRAILER:
            continue
        match = rule.pattern.search(text[-MAX_BOILERPLATE_CHARS:])
        if match:
            text = text[: len(text) - len(match.group(0))].rstrip(" ,|•·-–—")
    return text


def is_link_title(line: str) -> bool:
    """A short line that does not end like a sentence: the title of a linked story."""
    text = line.strip()
    return (
        0 < len(text) <= MAX_LINK_TITLE_CHARS
        and len(text.split()) <= MAX_LINK_TITLE_WORDS
        and not re.search(r"[.:;][\"'”’)]?$", text)
    )


def link_list_end(lines: Sequence[str], start: int) -> int:
    """Index just past the link titles that follow a list header at ``start``."""
    end, taken = start + 1, 0
    for index in range(start + 1, len(lines)):
        if not lines[index].strip():
            continue
        if taken == MAX_LINK_LINES or not is_link_title(lines[index]):
            break
        taken, end = taken + 1, index + 1
    return end


def strip_boilerplate(lines: Sequence[str], rules: Sequence[Rule] | None = None) -> Cleaned:
    rules = load_rules() if rules is None else rules
    kept: list[str] = []
    outlet: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        found = match_line(line, rules)
        if found is None:
            cut = cut_trailers(line, rules)
            if cut or not line.strip():
                kept.append(cut)
            index += 1
            continue
        rule, named = found
        outlet = outlet or named
        index = link_list_end(lines, index) if rule.kind is RuleKind.LIST else index + 1
    return Cleaned(tuple(kept), outlet)
