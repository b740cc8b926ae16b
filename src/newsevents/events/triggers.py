"""Find trigger words in a parsed sentence and pick the lexicon entry whose syntax fits best."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table, read_words
from newsevents.events import modality, syntax
from newsevents.events.lexicon import (
    ACTOR_SLOT,
    JUDGE_NEGATIVE,
    JUDGE_THREAT,
    JUDGE_VIOLENCE,
    JUDGE_WRONGDOING,
    Constraint,
    Lexicon,
    Trigger,
)

IsActor = Callable[[Token], bool]
NOUN_TAGS = frozenset({"NOUN"})
VERB_TAGS = frozenset({"VERB"})
TEMPORAL_PREPS = frozenset(
    {"during", "after", "before", "amid", "following", "since", "despite", "until", "ahead"}
)
# Meetings one is "on" while doing something else: "said on a visit to Kyiv", "on a call with".
JOURNEY_NOUNS = frozenset({"visit", "call", "trip", "tour", "mission"})
MODIFIER_DEPS = frozenset({"amod", "compound"})  # "the internationally recognised government"


def _adjectival(verb: Token) -> bool:
    """A participle used as an adjective ("the internationally recognised government"), also
    where the parser made it a clausal subject: not an event."""
    if verb.dep_ in MODIFIER_DEPS:
        return True
    return verb.dep_ == "csubj" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


@dataclass(frozen=True, slots=True)
class Match:
    token: Token
    trigger: Trigger


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs that pass their subject to an event-noun object ("held talks"), from data."""
    table = load_table(DATA_DIR / "events" / "light_verbs.txt", ("lemma",))
    return frozenset(lemma.lower() for lemma in table.column("lemma"))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs that report speech ("X said ...", "..., X told reporters"), from data."""
    return frozenset(word.lower() for word in read_words(DATA_DIR / "events" / "speech_verbs.txt"))


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """Word forms the model lemmatises wrongly ("retook" -> "retook" instead of "retake"), from data."""
    table = load_table(DATA_DIR / "events" / "lemma_fixes.tsv", ("form", "lemma"))
    return {row["form"]: row["lemma"] for _, row in table.rows}


def lemma_of(token: Token) -> str:
    return lemma_fixes().get(token.lower_, token.lemma_.lower())


def _subjects(token: Token) -> list[Token]:
    return [c for s in syntax.logical_subjects(token) for c in syntax.expand_conjuncts(s)]


# Measures and portions whose "of" phrase names what is given or taken: "provided 25,000 tons
# of food aid", "gave 5 million dollars of aid".
MEASURE_NOUNS = frozenset({
    "ton", "tonne", "dollar", "euro", "million", "billion", "kilogram", "kg", "shipment",
    "consignment", "batch", "load", "package", "amount", "supply", "worth", "number",
})


def _objects(token: Token) -> list[Token]:
    found = []
    for obj in syntax.logical_objects(token):
        for each in syntax.expand_conjuncts(obj):
            found.append(each)
            if lemma_of(each) in MEASURE_NOUNS:
                found.extend(g for _, g in syntax.prep_objects(each, frozenset({"of"})))
    return found


def _satisfied(constraint: Constraint, token: Token, is_actor: IsActor) -> bool:
    values = constraint.values
    if constraint.key == "prt":
        return bool(syntax.particles(token) & values)
    if constraint.key == "prep":
        return any(c.dep_ in ("prep", "agent") and c.lower_ in values for c in token.children)
    if constraint.key == "pobj":
        return any(lemma_of(o) in values for _, o in syntax.prep_objects(token))
    if constraint.key in ("obj", "subj"):
        found = _objects(token) if constraint.key == "obj" else _subjects(token)
        if ACTOR_SLOT in values and any(is_actor(o) for o in found):
            return True
        return any(lemma_of(o) in values for o in found)
    if constraint.key == "xcomp":
        return any(c.dep_ == "xcomp" and lemma_of(c) in values for c in token.children)
    if constraint.key == "comp":
        return bool(modality.complement_kinds(token) & values)
    if constraint.key == "judge":
        return ((JUDGE_NEGATIVE in values and modality.judged_negative(token))
                or (JUDGE_WRONGDOING in values and modality.reports_wrongdoing(token))
                or (JUDGE_VIOLENCE in values and modality.reports_wrongdoing(token, "violence"))
                or (JUDGE_THREAT in values and modality.warns_of_consequences(token)))
    if constraint.key == "mod":
        return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in values
                   for c in token.children)
    return False


def _pos_key(token: Token) -> str | None:
    if token.pos_ in VERB_TAGS and not _adjectival(token):
        return "VERB"
    if token.pos_ in NOUN_TAGS:
        return "NOUN"
    return None


def match_token(token: Token, lexicon: Lexicon, is_actor: IsActor) -> Trigger | None:
    """The most specific lexicon entry for the token whose constraints all hold."""
    pos = _pos_key(token)
    if pos is None:
        return None
    for entry in lexicon.candidates(lemma_of(token), pos):
        if all(_satisfied(c, token, is_actor) for c in entry.constraints):
            return None if entry.blocks else entry
    return None


def find_matches(sentence: Span, lexicon: Lexicon, is_actor: IsActor) -> list[Match]:
    """Every trigger in the sentence, minus those another trigger already covers."""
    matches = [Match(t, e) for t in sentence if (e := match_token(t, lexicon, is_actor))]
    types = {m.token.i: m.trigger.type for m in matches}
    decided = _agreed_conflict(matches, types)
    matches = [m for m in matches if m.token.i not in decided]
    types = {i: kind for i, kind in types.items() if i not in decided}
    return [m for m in matches if not _subsumed(m.token, set(types))
            and not _content_of(m.token, types) and not _result_of(m.token, types)]


# Harm done by an attack, told in a participle clause of its verb: "shelled the town, killing
# eight" is one attack, not an attack and a killing.
RESULT_VERBS = frozenset({"kill", "wound", "injure", "leave", "destroy", "damage"})


def _result_of(token: Token, types: dict[int, str]) -> bool:
    return (token.pos_ == "VERB" and token.dep_ == "advcl" and token.tag_ == "VBG"
            and lemma_of(token) in RESULT_VERBS and types.get(token.head.i) == "ASSAULT")


CONFLICT_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE", "MOBILIZE"})


def _agreed_conflict(matches: list[Match], types: dict[int, str]) -> set[int]:
    """Agreements to act against someone ("the EU agreed to impose sanctions on Russia") are
    that act, decided: the agreement (AGREE is cooperation) gives way to the act it embeds."""
    decided = set()
    for match in matches:
        if match.trigger.type != "AGREE" or match.token.pos_ != "VERB":
            continue
        embedded = [c for c in match.token.children if c.dep_ == "xcomp"
                    or (c.dep_ in ("ccomp", "advcl") and syntax.is_infinitive(c))]
        if any(types.get(c.i) in CONFLICT_TYPES for c in embedded):
            decided.add(match.token.i)
    return decided


# Speech acts that do not assert what they are about: a demand, threat, promise or refusal.
NON_FACTIVE_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})
CONTENT_PREPS = frozenset({"of", "for", "against", "on", "about", "from", "to", "into", "with"})


def _content_of(token: Token, types: dict[int, str]) -> bool:
    """A verb that is what a non-factive act is about states no event of its own: "requested
    that our colleagues give guarantees", "recommended that the council endorse the deal",
    "accused Riyadh of siding with Moscow" (an allegation asserts nothing either)."""
    if token.pos_ != "VERB":
        return False
    if token.dep_ == "ccomp":  # "claimed that ISIL had attacked Iraq": alleged, not stated
        return types.get(token.head.i) in NON_FACTIVE_TYPES | {"ACCUSE"}
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ in CONTENT_PREPS:
        return types.get(token.head.head.i) in NON_FACTIVE_TYPES | {"ACCUSE"}
    return False


def _subsumed(token: Token, triggers: set[int]) -> bool:
    """An event noun that is another trigger's object, or a verb embedded under one.

    "turned down an invitation to join talks": the refusal is the event; the invitation and the
    joining are what was refused. "asked Ban to seek ...": the request is the event.
    """
    if token.dep_ == "pobj" and token.head.lower_ in TEMPORAL_PREPS:
        return False  # "killed during a protest": the protest is an event of its own
    if token.dep_ == "pobj" and token.head.lower_ == "on" and lemma_of(token) in JOURNEY_NOUNS:
        return False  # "condemned the move on a call with Kyiv": the call took place too
    if syntax.behest_addressees(token):
        return False  # "met at Turkey's request": the request was made, and granted
    head = token.head.head if token.dep_ == "pobj" else token.head
    if (token.dep_ == "pobj" and head.i not in triggers and head.dep_ in syntax.OBJECT_DEPS
            and head.head.i in triggers):
        head = head.head  # "expressed appreciation for China's assistance": what is praised
    if head.i == token.i or head.i not in triggers:
        return False
    if token.pos_ == "NOUN":
        return token.dep_ in syntax.OBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS | {"pobj"}
    return token.dep_ in ("xcomp", "ccomp", "advcl") and _embedded_infinitive(token)


def _embedded_infinitive(verb: Token) -> bool:
    return verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
