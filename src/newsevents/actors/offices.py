"""Date evidence from office holders: "President Dmitry Medvedev" was said between 2008 and 2012.

An article that names a person with the title of an office they held can only have been written
while they held it (news says "former" otherwise). The bound is the union of the matching office
terms; a name without a title bounds nothing, since people change offices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsevents.actors.entries import KBEntry
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.normalize import normalize_name
from newsevents.nlp.paragraphs import sentence_at

FORMER_WORDS = frozenset({"former", "ex", "late", "then", "previous", "outgoing", "ousted"})
TITLE_WINDOW = 4  # words before a name that may hold its title


@dataclass(frozen=True, slots=True)
class OfficeBound:
    start: dt.date
    end: dt.date
    evidence: str


def _title_words(ent: Span) -> list[str]:
    doc = ent.doc
    left = max(sentence_at(ent.doc, ent.start).start, ent.start - TITLE_WINDOW)
    return [normalize_name(t.text) for t in doc[left:ent.start]]


def _matching_terms(offices: list[KBEntry], words: list[str]) -> list[KBEntry]:
    """Offices whose title appears just before the name: "Foreign Minister", "President"."""
    text = " ".join(words)
    return [o for o in offices if o.office and o.start and normalize_name(o.office) in text]


def office_bounds(doc: Doc, kb: KnowledgeBase) -> list[OfficeBound]:
    """One bound per titled mention of a known office holder, in text order."""
    bounds = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        offices = kb.offices_for(ent.text)
        if not offices:
            continue
        words = _title_words(ent)
        if FORMER_WORDS & set(words):
            continue
        terms = _matching_terms(offices, words)
        if terms:
            start = min(o.start for o in terms if o.start)
            end = max(o.end or dt.date.today() for o in terms)
            evidence = doc[max(0, ent.start - len(words)):ent.end].text
            bounds.append(OfficeBound(start, end, evidence))
    return bounds
