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
    THREAD = "thread"  # found anywhere in a line: a reader comment starts here or just above
    LEAD = "lead"  # a whole line that closes the article above a comment thread


@dataclass(frozen=True, slots=True)
class Rule:
    kind: RuleKind
    pattern: re.Pattern[str]
    removes: str
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Lines left after removal (blank lines kept: they separate paragraphs), the outlet named,
    and how many lines of each kind were cut ("comments", "furniture")."""

    lines: tuple[str, ...]
    outlet: str | None = None
    cut: tuple[tuple[str, int], ...] = ()


def compile_rule(kind: RuleKind, regex: str) -> re.Pattern[str]:
    """A trailer rule is anchored at the end of the line; a thread rule is searched anywhere;
    the other kinds use ``fullmatch``."""
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
        if rule.kind in (RuleKind.TRAILER, RuleKind.THREAD, RuleKind.LEAD):
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


# A reader comment above the first comment stamp ("… | Reply") is at most this many lines long.
MAX_FIRST_COMMENT_LINES = 5
# Words by which a line speaks as a reader: first and second person, an @-reply.
_READER_VOICE = re.compile(r"(?i)(?:^|\s)(?:i|i'm|i've|i'd|me|my|you|your|we|us|our)(?=\s|$)|@\w")


def _reader_voice(text: str) -> bool:
    """Does a line speak as a reader: "I"/"you"/"we", an @-reply, "!", a question, or shouting
    in capitals?"""
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return bool(_READER_VOICE.search(text)) or shouting or text.rstrip().endswith(("!", "?"))


def thread_start(lines: Sequence[str], rules: Sequence[Rule]) -> int | None:
    """Index of the first line of a reader-comment thread, or None when the page has none.

    A thread is known by its comment stamps ("March 9 , 2011 at 6:24 pm | Reply"); the first
    comment stands above the first stamp. It is taken back to a line that closes the article
    ("The views expressed in this article are solely those of …"), else over the lines above
    the stamp that speak as a reader (``_reader_voice``) and at least as many lines as the
    thread's comments usually take (the median distance between stamps), at most
    ``MAX_FIRST_COMMENT_LINES``.
    """
    threads = [rule for rule in rules if rule.kind is RuleKind.THREAD]
    leads = [rule for rule in rules if rule.kind is RuleKind.LEAD]
    stamps = [index for index, line in enumerate(lines)
              if any(rule.pattern.search(line) for rule in threads)]
    if not stamps:
        return None
    first = stamps[0]
    above = [index for index in range(first - 1, -1, -1) if lines[index].strip()]
    above = above[:MAX_FIRST_COMMENT_LINES]
    for index in above:
        if any(rule.pattern.fullmatch(lines[index].strip()) for rule in leads):
            return index
    gaps = sorted(b - a for a, b in zip(stamps, stamps[1:]))
    usual = gaps[len(gaps) // 2] - 1 if gaps else 0
    start = first
    for taken, index in enumerate(above):
        if taken >= usual and not _reader_voice(lines[index].strip()):
            break
        start = index
    return start


def strip_boilerplate(lines: Sequence[str], rules: Sequence[Rule] | None = None) -> Cleaned:
    rules = load_rules() if rules is None else rules
    removed: dict[str, int] = {}
    thread = thread_start(lines, rules)
    if thread is not None:
        removed["comments"] = sum(1 for line in lines[thread:] if line.strip())
        lines = lines[:thread]
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
        end = link_list_end(lines, index) if rule.kind is RuleKind.LIST else index + 1
        removed["furniture"] = removed.get("furniture", 0) + sum(
            1 for each in lines[index:end] if each.strip())
        index = end
    return Cleaned(tuple(kept), outlet, tuple(sorted(removed.items())))
