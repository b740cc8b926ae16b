"""Texts parsed in bounded memory: long texts in pieces, batches bounded by characters.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and the memory
a batch takes grows with the characters in it (about 3.5 kB a character with en_core_web_sm:
1.4 GB for one 400,000-character text, 0.36 GB for the same text parsed 50,000 characters at a
time). So:

* a text longer than ``max_chars`` is cut at paragraph breaks (else at a line break, a sentence
  end or a space) into pieces of at most ``max_chars``, each parsed on its own and joined back
  with ``Doc.from_docs``. The pieces cover the text exactly, so the joined Doc's text is the text
  and every offset stays an offset into the article; a piece ends where a sentence ends;
* in one process, texts go to the parser in batches of at most ``batch_size`` texts *and*
  ``batch_chars`` characters. With several processes spaCy batches by count only, so the
  batch size is lowered to keep a batch of long pieces within the same bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

MAX_PIECE_CHARS = 50_000
MAX_BATCH_CHARS = 100_000  # a batch of this many characters takes about 350 MB
Context = TypeVar("Context")
# Where a piece may end, best first: after a blank line, a line break, a sentence end, a space.
CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"),
        re.compile(r"\s+"))


def split_text(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[str]:
    """``text`` as consecutive pieces of at most ``max_chars`` characters (one piece when it is
    short), each ending at the best break the window allows; ``"".join`` gives ``text`` back."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: after the last break of the best kind in
    the second half of the window (a piece is never less than half full), else at ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in CUTS:
        ends = [m.end() for m in pattern.finditer(text, floor, limit) if m.end() <= limit]
        if ends:
            return ends[-1]
    return limit


def parse(nlp: Language, items: Iterable[tuple[str, Context]], *, batch_size: int,
          n_process: int = 1, max_chars: int = MAX_PIECE_CHARS,
          batch_chars: int = MAX_BATCH_CHARS) -> Iterator[tuple[Doc, Context]]:
    """``nlp.pipe(items, as_tuples=True)`` in bounded memory (see the module doc): one Doc
    per item, in order."""
    max_chars = min(max_chars, nlp.max_length)
    pieces = _pieces(items, max_chars)
    if n_process > 1:
        per_batch = max(1, min(batch_size, batch_chars // max_chars))
        stream = nlp.pipe(pieces, as_tuples=True, batch_size=per_batch, n_process=n_process)
    else:
        stream = (parsed for batch in _batches(pieces, batch_size, batch_chars)
                  for parsed in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    parts: list[Doc] = []
    for doc, (context, index, count) in stream:
        parts.append(doc)
        if index + 1 == count:
            joined = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            yield joined, context


def _batches(items: Iterable[tuple[str, Any]], size: int, chars: int
             ) -> Iterator[list[tuple[str, Any]]]:
    """Consecutive batches of at most ``size`` items and ``chars`` characters (a longer item
    alone)."""
    batch: list[tuple[str, Any]] = []
    total = 0
    for item in items:
        if batch and (len(batch) == size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch


def _pieces(items: Iterable[tuple[str, Any]], max_chars: int
            ) -> Iterator[tuple[str, tuple[Any, int, int]]]:
    for text, context in items:
        pieces = split_text(text, max_chars)
        for index, piece in enumerate(pieces):
            yield piece, (context, index, len(pieces))
