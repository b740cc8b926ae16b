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
  ``batch_chars`` characters, and each piece of a text coded in parts in a batch of its own. With
  several processes spaCy batches by count only, so the
  batch size is lowered to keep a batch of long pieces within the same bound;
* a joined Doc holds every token of its text (about 200 bytes a character: 1.2 GB for a text
  of 3,000,000). :func:`parse_parts` therefore joins the pieces of a text longer than
  ``max_doc_chars`` into several Docs (*parts*) of at most that many characters, each coded
  on its own and released before the next is built, so memory stays bounded for any length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Part:
    """Where a parsed Doc lies in its text: from character ``offset``, part ``index`` of
    ``count`` (0 of 1 for every text up to ``max_doc_chars``)."""

    offset: int = 0
    index: int = 0
    count: int = 1


def parse(nlp: Language, items: Iterable[tuple[str, Context]], *, batch_size: int,
          n_process: int = 1, max_chars: int = MAX_PIECE_CHARS,
          batch_chars: int = MAX_BATCH_CHARS) -> Iterator[tuple[Doc, Context]]:
    """``nlp.pipe(items, as_tuples=True)`` in bounded memory (see the module doc): one Doc
    per item, in order, however long its text."""
    for doc, context, _ in parse_parts(nlp, items, batch_size=batch_size, n_process=n_process,
                                       max_chars=max_chars, batch_chars=batch_chars,
                                       max_doc_chars=None):
        yield doc, context


def parse_parts(nlp: Language, items: Iterable[tuple[str, Context]], *, batch_size: int,
                n_process: int = 1, max_chars: int = MAX_PIECE_CHARS,
                batch_chars: int = MAX_BATCH_CHARS, max_doc_chars: int | None = None,
                ) -> Iterator[tuple[Doc, Context, Part]]:
    """Like :func:`parse`, but a text longer than ``max_doc_chars`` (when given; the pipeline
    gives ``Settings.max_doc_chars``) comes as several Docs in order, each with its
    :class:`Part`; their texts joined give the text back."""
    max_chars = min(max_chars, nlp.max_length, max_doc_chars or max_chars)
    pieces = _pieces(items, max_chars, max_doc_chars)
    if n_process > 1:
        per_batch = max(1, min(batch_size, batch_chars // max_chars))
        stream = nlp.pipe(pieces, as_tuples=True, batch_size=per_batch, n_process=n_process)
    else:
        stream = (parsed for batch in _batches(pieces, batch_size, batch_chars, _alone)
                  for parsed in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    docs: list[Doc] = []
    for doc, (context, part, last, _) in stream:
        docs.append(doc)
        if last:
            joined = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
            docs = []
            yield joined, context, part


def _batches(items: Iterable[tuple[str, Any]], size: int, chars: int,
             alone: Callable[[tuple[str, Any]], bool] = lambda item: False,
             ) -> Iterator[list[tuple[str, Any]]]:
    """Consecutive batches of at most ``size`` items and ``chars`` characters (a longer item
    alone, and every item ``alone`` picks)."""
    batch: list[tuple[str, Any]] = []
    total = 0
    for item in items:
        single = alone(item)
        if batch and (single or len(batch) == size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
        if single:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _alone(item: tuple[str, tuple[Any, Part, bool, bool]]) -> bool:
    """A piece of a text coded in parts (longer than ``max_doc_chars``) is parsed on its own:
    two such pieces in one batch double the parser's working memory (about 175 MB for a piece
    of 50,000 characters). Shorter texts keep batches of two pieces, a little faster."""
    return item[1][3]


def _pieces(items: Iterable[tuple[str, Any]], max_chars: int, max_doc_chars: int | None
            ) -> Iterator[tuple[str, tuple[Any, Part, bool, bool]]]:
    """Each text's pieces with (context, the part the piece belongs to, whether it ends it,
    whether the text is coded in several parts)."""
    for text, context in items:
        pieces = split_text(text, max_chars)
        groups = _groups([len(p) for p in pieces], max_doc_chars)
        offset = 0
        for number, group in enumerate(groups):
            part = Part(offset, number, len(groups))
            for position, index in enumerate(group):
                cut = len(groups) > 1
                yield pieces[index], (context, part, position + 1 == len(group), cut)
                offset += len(pieces[index])


def _groups(lengths: list[int], limit: int | None) -> list[list[int]]:
    """Consecutive piece indices, each group at most ``limit`` characters (at least one piece)."""
    groups: list[list[int]] = [[]]
    total = 0
    for index, length in enumerate(lengths):
        if limit is not None and groups[-1] and total + length > limit:
            groups.append([])
            total = 0
        groups[-1].append(index)
        total += length
    return groups
