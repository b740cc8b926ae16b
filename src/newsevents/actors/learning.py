"""Names an article teaches: a PERSON or ORG the knowledge base does not know is remembered with
the actor its phrase gives ("rebel spokesman Abdel Hafiz Ghoga" -> LBY REB), under its surname or
bracketed acronym too. ``resolve.ArticleActors`` decides what to learn; these functions read the
name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.actors.entries import EntryKind
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.matching import Matcher
from newsevents.actors.phrase import HYPHENS


def name_tokens(entity: Span, kb: KnowledgeBase, matcher: Matcher) -> list[Token]:
    """The words of a name: no article, honorific, possessive or leading title."""
    tokens = [t for t in entity if t.tag_ != "POS" and (not t.is_punct or t.text in HYPHENS)]
    while tokens and (tokens[0].pos_ == "DET" or kb.is_honorific(tokens[0].text)):
        tokens.pop(0)
    while entity.label_ == "PERSON" and tokens and _is_title(tokens[0], matcher):
        tokens.pop(0)  # "President Barack Obama" tagged as one PERSON
    return tokens


def _is_title(token: Token, matcher: Matcher) -> bool:
    entry = matcher.lookup_tokens([token])
    return entry is not None and entry.kind is not EntryKind.PERSON


def explained(tokens: list[Token], matcher: Matcher) -> bool:
    """Known already: by name, by spelling variant, or word by word from the KB."""
    name = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    if matcher.lookup_text(name) is not None:
        return True
    if tokens[0].ent_type_ == "PERSON" and matcher.fuzzy(name) is not None:
        return True
    covered = {i for m in matcher.segment(tokens) for i in range(m.start, m.end)}
    return all(t.i in covered or t.text in HYPHENS for t in tokens)


def aliases_of(entity: Span, tokens: list[Token], kind: EntryKind,
               matcher: Matcher) -> tuple[str, ...]:
    """A person's surname; an organisation's acronym given in brackets after it."""
    if kind is EntryKind.PERSON:
        surname = tokens[-1].text
        unknown = matcher.lookup_text(surname) is None
        return (surname,) if len(tokens) > 1 and len(surname) >= 3 and unknown else ()
    doc, end = entity.doc, entity.end
    if end + 2 < len(doc) and doc[end].text == "(":
        acronym = doc[end + 1]
        if doc[end + 2].text == ")" and acronym.text.isupper() and len(acronym.text) >= 2:
            return (acronym.text,)
    return ()


def learnable(tokens: list[Token]) -> bool:
    """A name worth remembering: words only, and not a headline in capitals."""
    words = [t for t in tokens if t.text not in HYPHENS]
    if not words or not (words[0].text[:1].isupper() or words[0].text[:1].isdigit()):
        return False
    if not all(t.text[:1].isalnum() and any(c.isalpha() for c in t.text) for t in words):
        return False
    return len(words) == 1 or not all(t.text.isupper() for t in words)
