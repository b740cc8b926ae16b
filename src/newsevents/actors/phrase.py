"""Which tokens make up an actor phrase, read off the dependency parse (spaCy English labels).

An actor phrase has a *core* - the head noun, its compounds and adjectives, and the named
entity it sits in ("the Russian foreign ministry", "US President Barack Obama") - and *sides*:
phrases that describe the same actor or the body it belongs to (possessive "Libya's ...",
apposition "..., Robert Gates", "of"/"for" phrases "the head of the Pentagon", "forces loyal
to Gaddafi").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HYPHENS = frozenset({"-", "‐", "–", "—"})
CLOSED_POS = frozenset({"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT"})

PARTITIVE_HEADS = frozenset({
    "group", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "ten", "tens",
    "score", "scores", "million", "millions", "number", "handful", "some", "many", "most", "all",
    "several", "few", "couple", "rest", "majority", "bunch", "team", "contingent", "convoy",
    "column", "band", "one", "two", "three", "four", "five",
})
"""Heads that count or group actors: "dozens of rebels" is the rebels."""

_CORE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "flat", "nn"})
_SIDE_PREPS = frozenset({"of", "for"})
# "security forces in Guinea", "students throughout Indonesia", "activists from the Fatah
# party": where a body is, or what it comes from, names its country (resolve.py uses these
# only for body words such as forces, students, courts - never for persons or roles).
_WHERE_PREPS = frozenset({"in", "inside", "throughout", "across", "from"})
_PHRASE_END_DEPS = frozenset({"conj", "cc", "preconj", "relcl", "acl", "advcl", "parataxis"})
# "UN-backed government", "Turkish-backed rebels", "self-styled army": the modifier names
# someone else, not the actor, so its subtree gives no evidence.
_DETACHING_WORDS = frozenset({
    "back", "backed", "support", "supported", "sponsor", "sponsored", "fund", "funded",
    "train", "trained", "ally", "allied", "base", "based", "bear", "born", "align", "aligned",
    "recognise", "recognised", "recognize", "recognized", "style", "styled", "proclaim",
    "proclaimed", "inspire", "inspired", "link", "linked", "affiliate", "affiliated", "oppose",
    "opposed",
})
_NEGATING_PREFIXES = frozenset({"anti", "non"})
# prepositions that give a clause its setting: "gathered in Benghazi"
CLAUSE_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across",
                                "throughout"})


def core_tokens(head: Token, entity: Span | None) -> list[Token]:
    """The head, its modifier chain and the named entity it is part of, in text order."""
    indices = {t.i for t in _modifier_chain(head)}
    if entity is not None:
        indices |= {t.i for t in entity if t.tag_ != "POS"}
    doc = head.doc
    for i in list(indices):  # "Ki - moon": keep hyphens inside names
        if i + 2 in indices and doc[i + 1].text in HYPHENS:
            indices.add(i + 1)
    return [doc[i] for i in sorted(indices) if not _is_noise(doc[i])]


def runs(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens into runs of adjacent tokens (n-grams never cross a gap)."""
    groups: list[list[Token]] = []
    for token in tokens:
        if groups and token.i == groups[-1][-1].i + 1:
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def side_relations(head: Token) -> Iterator[tuple[str, Token]]:
    """(relation, head of the side phrase) pairs: poss, appos, of, loyal, appos-of, where."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            yield "poss", child
        elif child.dep_ == "appos":
            yield "appos", child
        elif child.dep_ == "prep" and child.lower_ in _SIDE_PREPS:
            yield from (("of", obj) for obj in child.children if obj.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in _WHERE_PREPS:
            yield from (("where", obj) for obj in child.children if obj.dep_ == "pobj")
        elif child.dep_ == "amod" and lemma(child) == "loyal":
            yield from (("loyal", obj) for prep in child.children for obj in prep.children
                        if prep.lower_ == "to" and obj.dep_ == "pobj")
    if head.dep_ == "appos":
        yield "appos-of", head.head


def phrase_span(head: Token) -> Span:
    """The text of the noun phrase headed by ``head``, without conjuncts and clauses."""
    excluded = {t.i for child in head.children if child.dep_ in _PHRASE_END_DEPS
                for t in child.subtree}
    indices = [t.i for t in head.subtree if t.i not in excluded]
    start, end = min(indices), max(indices) + 1
    doc = head.doc
    while start < head.i and doc[start].is_punct:
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct and not _closes_bracket(doc[start:end]):
        end -= 1
    return doc[start:end]


def _modifier_chain(head: Token) -> list[Token]:
    chain, stack = [head], [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _CORE_DEPS and not _detaching(child):
                chain.append(child)
                stack.append(child)
    return chain


def lemma(token: Token) -> str:
    """The lowercase lemma, or the lowercase word when no lemmatizer ran."""
    return token.lemma_.lower() or token.lower_


def _detaching(token: Token) -> bool:
    if lemma(token) in _DETACHING_WORDS or token.lower_ in _NEGATING_PREFIXES:
        return True
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text in HYPHENS and doc[i - 2].lower_ in _NEGATING_PREFIXES


def _is_noise(token: Token) -> bool:
    return token.tag_ == "POS" or (token.is_punct and token.text not in HYPHENS)


def _closes_bracket(span: Span) -> bool:
    return span[-1].text == ")" and "(" in span.text


def place_objects(token: Token) -> list[Token]:
    """Objects of the setting prepositions on ``token``: "gathered *in* Benghazi"."""
    return [obj for prep in token.children if prep.dep_ == "prep"
            and prep.lower_ in CLAUSE_PLACE_PREPS for obj in prep.children if obj.dep_ == "pobj"]


def modifier_words(head: Token) -> set[str]:
    """The descriptive words of a noun phrase: its adjectives and noun modifiers."""
    return {t.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod")
            for t in c.subtree if t.is_alpha}


def is_definite(head: Token) -> bool:
    """A definite description ("the ministry", "the rebels") refers back to an earlier mention."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
               for c in head.children)
