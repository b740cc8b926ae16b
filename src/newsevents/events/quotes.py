"""Quotations and their speakers: "…," the foreign ministry said; X said (that) Y.

A direct quotation is text between quotation marks of at least a few words; its speaker is the
subject of a speech verb outside the marks in the same sentence, else in the sentence before it
when that one ends with a colon, else in the sentence after it. An indirect quotation is the
complement clause of a speech verb. Pronoun speakers ("he said") take the last person named
before them: a rule, not coreference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from newsevents.events import syntax
from newsevents.events.parties import ActorResolver
from newsevents.events.triggers import speech_verbs
from newsevents.models import Actor, Quote
from newsevents.nlp.paragraphs import doc_text
from newsevents.nlp.paragraphs import sentences as sentences_of

QUOTE_RE = re.compile(r"[\"“„«]([^\"“”„«»]{10,}?)[\"”»]")
MIN_QUOTE_WORDS = 4
PERSONAL_PRONOUNS = frozenset({"he", "she"})


def _outside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return not any(start <= token.idx < end for start, end in spans)


def _speaker_in(sentence: Span, spans: list[tuple[int, int]]) -> Token | None:
    """Subject of a speech verb that stands outside the quotation marks."""
    verbs = speech_verbs()
    for token in sentence:
        if token.lemma_.lower() in verbs and token.pos_ == "VERB" and _outside(token, spans):
            subjects = [s for s in syntax.logical_subjects(token) if _outside(s, spans)]
            if subjects:
                return subjects[0]
    return None


class _Speakers:
    """Resolves speaker tokens, remembering the last person named for 'he'/'she'."""

    def __init__(self, doc: Doc, resolver: ActorResolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.ents = tuple(doc.ents)  # Doc.ents rebuilds its spans on every access

    def _last_person_before(self, index: int) -> Actor | None:
        for ent in reversed([e for e in self.ents if e.end <= index]):
            if ent.label_ == "PERSON" and (actor := self.resolver.resolve(ent.root)):
                return actor
        return None

    def actor(self, token: Token) -> Actor | None:
        if token.lower_ in PERSONAL_PRONOUNS:
            return self._last_person_before(token.i)
        return self.resolver.resolve(token)


def _direct_quotes(
    doc: Doc, speakers: _Speakers, spans: list[tuple[int, int]], article_id: str,
    indices: Sequence[int],
) -> Iterator[Quote]:
    for match, index, actor in _attributed(doc, speakers, spans):
        yield Quote(article_id, actor, match.group(1).strip(), indices[index])


def _attributed(
    doc: Doc, speakers: _Speakers, spans: list[tuple[int, int]]
) -> Iterator[tuple[re.Match[str], int, Actor]]:
    """(quotation, its sentence index, its speaker) for every attributed direct quotation."""
    sentences = sentences_of(doc)
    for match in QUOTE_RE.finditer(doc_text(doc)):
        if len(match.group(1).split()) < MIN_QUOTE_WORDS:
            continue
        index = next((i for i, s in enumerate(sentences) if s.end_char > match.start()), None)
        if index is None:
            continue
        speaker = _find_speaker(sentences, index, match.end(), spans)
        actor = speakers.actor(speaker) if speaker is not None else None
        if actor is not None:
            yield match, index, actor


def quote_speakers(doc: Doc, resolver: ActorResolver) -> list[tuple[int, Actor]]:
    """(start offset, speaker) of each attributed direct quotation: "we" inside it is them."""
    spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc_text(doc))]
    return [(m.start(), actor) for m, _, actor in _attributed(doc, _Speakers(doc, resolver), spans)]


def _find_speaker(
    sentences: list[Span], index: int, quote_end: int, spans: list[tuple[int, int]]
) -> Token | None:
    """Same sentence(s) as the quote, else the one before ending in ':', else the one after."""
    last = next((i for i in range(index, len(sentences)) if sentences[i].end_char >= quote_end),
                index)
    for i in range(index, last + 1):
        if (speaker := _speaker_in(sentences[i], spans)) is not None:
            return speaker
    if index > 0 and sentences[index - 1].text.rstrip().endswith(":"):
        if (speaker := _speaker_in(sentences[index - 1], spans)) is not None:
            return speaker
    if last + 1 < len(sentences):
        return _speaker_in(sentences[last + 1], spans)
    return None


def _indirect_quotes(
    doc: Doc, speakers: _Speakers, spans: list[tuple[int, int]], article_id: str,
    indices: Sequence[int],
) -> Iterator[Quote]:
    verbs = speech_verbs()
    for index, sentence in zip(indices, sentences_of(doc), strict=True):
        for token in sentence:
            if token.lemma_.lower() not in verbs or not _outside(token, spans):
                continue
            clauses = [c for c in token.children if c.dep_ == "ccomp" and _outside(c, spans)]
            subjects = syntax.logical_subjects(token)
            if not clauses or not subjects:
                continue
            actor = speakers.actor(subjects[0])
            if actor is None:
                continue
            clause = clauses[0]
            left, right = clause.left_edge.i, clause.right_edge.i + 1
            yield Quote(article_id, actor, doc[left:right].text, index, direct=False)


def extract_quotes(doc: Doc, resolver: ActorResolver, article_id: str = "",
                   indices: Sequence[int] | None = None) -> list[Quote]:
    """Direct quotations first, then indirect ones, each attributed to a resolved speaker.
    ``indices``: each sentence's index (-1 for a headline; by default 0, 1, ...)."""
    spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc_text(doc))]
    speakers = _Speakers(doc, resolver)
    indices = list(indices) if indices is not None else list(range(len(sentences_of(doc))))
    return [
        *_direct_quotes(doc, speakers, spans, article_id, indices),
        *_indirect_quotes(doc, speakers, spans, article_id, indices),
    ]
