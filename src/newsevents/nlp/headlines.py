"""Title Case headlines in sentence case for the parser, with the text's length kept.

en_core_web_sm tags most words of "Turkey Shoots Down Russian Plane" as proper nouns, so no
verb is found. A headline line in Title Case is parsed as "Turkey shoots down Russian plane":
every capitalised word that is not part of a known name (a knowledge-base lookup the caller
passes) is lower-cased. Only letters change case, so every character offset stays valid; the
coder reports the words as written (see ``newsevents.events.coder.Layout``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

WORD = re.compile(r"[^\W\d_][\w'’.-]*")
TITLE_SHARE = 0.7  # share of capitalised words that makes a line Title Case
MIN_WORDS = 3
MAX_NAME_WORDS = 4
CALENDAR_NAMES = frozenset(
    name for name in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr,
                      *calendar.month_abbr) if name)


def is_title_case(line: str) -> bool:
    words = WORD.findall(line)
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= MIN_WORDS and capitalised / len(words) >= TITLE_SHARE


def sentence_case(line: str, is_name: Callable[[str], bool]) -> str:
    """The line with capitalised words that are no part of a name lower-cased (acronyms, the
    first word and words with digits kept); a line that is not Title Case is returned as is."""
    if not is_title_case(line):
        return line
    words = list(WORD.finditer(line))
    keep = _named(words, is_name)
    chars = list(line)
    for n, match in enumerate(words):
        word = match.group()
        if (n == 0 or n in keep or word.isupper() or not word[:1].isupper()
                or word.rstrip(".") in CALENDAR_NAMES):
            continue
        chars[match.start()] = word[0].lower()
    return "".join(chars)


def _named(words: list[re.Match[str]], is_name: Callable[[str], bool]) -> set[int]:
    """Indices of words inside the longest known names, left to right."""
    keep: set[int] = set()
    n = 0
    while n < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - n), 0, -1):
            phrase = " ".join(w.group() for w in words[n:n + size])
            if is_name(phrase):
                keep.update(range(n, n + size))
                n += size
                break
        else:
            n += 1
    return keep
