"""Argument linking for event nouns: who takes part in "the US-led strikes", "talks between X
and Y", "a visit by X", "X's offer" (NomBank's patterns, Meyers et al. 2004; docs/events.md,
"Argument linking").

Verbs find their arguments through ``syntax`` (subjects through control, coordination and
participle chains; passive agents). A noun names its owner in a possessive, a nationality or
country modifier, a hyphenated "X-led" / "X-brokered" modifier, or a by / from phrase; the
parties of a symmetric or joint event in a between / among phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.events import syntax
from newsevents.events.lexicon import Roles

GIVER_PREPS = frozenset({"from", "by"})
PARTY_PREPS = frozenset({"between", "among", "amongst"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# A noun's topic, not its owner, for symmetric talk: "Libya talks" are about Libya.
SYMMETRIC_OWNER_DEPS = frozenset({"poss", "amod", "nmod"})
# "X-led strikes": the leader acts; "UN-brokered talks": the broker is the third party the
# talks are held with (the recipient; the sides are the actors); "X-backed" names a supporter,
# who takes no part.
LEADING_PARTICIPLES = frozenset({"lead", "led", "spearhead", "spearheaded"})
BROKERING_PARTICIPLES = frozenset({"broker", "brokered", "mediate", "mediated", "sponsor",
                                   "sponsored", "host", "hosted", "facilitate", "facilitated"})
LEADER_DEPS = frozenset({"npadvmod", "nmod", "compound", "nsubj"})


def noun_owners(noun: Token, roles: Roles, joint: bool = False) -> list[Token]:
    """The phrases that name who acts in an event noun ("NATO air strikes" -> NATO; "Libya
    talks" -> nobody: the topic). ``joint``: the event is done together (talks, an
    agreement), so a between/among phrase names its parties."""
    symmetric = roles is Roles.SYM
    deps = SYMMETRIC_OWNER_DEPS if symmetric else OWNER_DEPS
    owners = [c for c in noun.children if c.dep_ in deps
              and not _leading(c, LEADING_PARTICIPLES | BROKERING_PARTICIPLES)]
    owners += [leader for c in noun.children if _leading(c, LEADING_PARTICIPLES)
               for leader in leaders(c)]
    if symmetric or joint:
        owners += [g for _, g in syntax.prep_objects(noun, PARTY_PREPS)]
    owners += [g for _, g in syntax.prep_objects(noun, GIVER_PREPS)]
    return owners


def _leading(modifier: Token, words: frozenset[str]) -> bool:
    return modifier.dep_ in ("amod", "conj", "compound") and (
        modifier.lower_ in words or modifier.lemma_.lower() in words)


def brokers(noun: Token) -> list[Token]:
    """The third party of "UN-brokered talks", "AU-sponsored negotiations", "talks mediated by
    the AU"."""
    found = [b for c in noun.children if _leading(c, BROKERING_PARTICIPLES) for b in leaders(c)]
    found += [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
              and c.lemma_.lower() in BROKERING_PARTICIPLES for g in syntax.agent_of(c)]
    return found


def leaders(participle: Token) -> list[Token]:
    """Who leads in "US-led", "UN-brokered" (also "a US and Italian-led group", where the
    parser hangs "US" on the noun and "Italian-led" on "US")."""
    found = [c for c in participle.children if c.dep_ in LEADER_DEPS]
    if participle.dep_ == "conj":
        found.append(participle.head)
    return found
