"""Pre-tokenised text back to plain text: corpora such as Timeline17 store articles the way the
Penn Treebank tokeniser left them ("-LRB- Reuters -RRB-", "`` quoted ''", "do n't", "Libya ,").

Left as is, such text shows raw tokens in labels and timelines, hides agencies and datelines
from their patterns and parses worse. ``restore`` undoes the tokenisation when the text shows
its marks; ordinary text is returned unchanged.
"""

from __future__ import annotations

import re

BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET = re.compile("|".join(re.escape(token) for token in BRACKETS))
# Marks only a tokeniser leaves: a bracket token, a `` quote, a split contraction, or a comma or
# full stop standing alone between spaces.
_MARKS = re.compile(r"-[LR][RSC]B-|``|\w n't\b|\w '(?:s|re|ve|ll|d|m)\b|\w [,.;:](?= |$)",
                    re.MULTILINE)
MIN_MARKS = 3  # ordinary prose may show one or two by accident ("a , b" in a list)
_RULES = (
    (re.compile(r"``\s*"), '"'),  # opening quote
    (re.compile(r"\s*''"), '"'),  # closing quote
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),  # "( x", "$ 25"
    (re.compile(r"\s+([)\]}])"), r"\1"),
    (re.compile(r"(?<=\S)\s+([,.;:?!%])(?=[\s)\]}\"']|$)"), r"\1"),  # "Libya ," -> "Libya,"
    (re.compile(r"\\/"), "/"),  # "bit.ly\/x" (escaped slash)
)


_STRONG_MARKS = re.compile(r"-[LR][RSC]B-|``")  # never written by hand


def is_tokenised(text: str) -> bool:
    """Does the text carry the marks of a treebank tokeniser: a bracket token or a `` quote,
    or at least ``MIN_MARKS`` weaker ones (split contractions, detached commas)?"""
    head = text[:20_000]
    return bool(_STRONG_MARKS.search(head)) or len(_MARKS.findall(head)) >= MIN_MARKS


def restore(text: str) -> str:
    """``text`` as plain prose when it was pre-tokenised, line breaks kept; else unchanged."""
    if not is_tokenised(text):
        return text
    return "\n".join(_restore_line(line) for line in text.split("\n"))


def _restore_line(line: str) -> str:
    line = _BRACKET.sub(lambda match: BRACKETS[match.group(0)], line)
    for pattern, replacement in _RULES:
        line = pattern.sub(replacement, line)
    return line
