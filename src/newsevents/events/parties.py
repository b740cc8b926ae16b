"""Who is who in an event: the actor(s) and recipient(s) of one trigger match.

Verbs take their logical subject as actor and their objects and prepositional complements as
recipients (``roles`` in triggers.tsv can swap them); event nouns take possessives, compounds,
by/from phrases and the subject of a light verb as actor ("Russia's criticism of NATO", "NATO
air strikes on Sirte", "X held talks with Y"). Two discourse rules fill what the clause leaves
out: a pronoun subject of reported speech is the speaker ("Baku said it had seized ..."), and a
directed event whose target the text leaves implicit ("the UN welcomed the truce") is aimed at the
country where it happens, else the country the article is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Token

from newsevents.events import modality, syntax
from newsevents.events.lexicon import Roles
from newsevents.events.triggers import Match, lemma_of, light_verbs, speech_verbs
from newsevents.models import Actor

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "at", "toward", "towards", "from", "into"})
NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"of", "for"}
# what symmetric talk is about, not who takes part: "consultations on Libya", "agreed over X";
# for attacks and sanctions "on X" is the target and stays a recipient preposition
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
GIVER_PREPS = frozenset({"from", "by"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})
INNER_PREPS = frozenset({"of", "on", "against", "to", "with", "over", "between"})
# Types where coordinated subjects ("Turkey and Russia agreed") act towards each other; other
# reciprocal triggers ("signed a deal", "postponed talks") say so with roles=sym in the lexicon.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Types whose event is always aimed at someone; when the text leaves the target implicit it is
# taken from the place of the event or the article (see the module docstring).
DIRECTED_TYPES = frozenset({
    "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "ASSAULT", "COERCE", "SANCTION",
    "AID", "AGREE", "CONCEDE", "PROTEST", "MOBILIZE", "RETREAT", "CONSULT", "COOPERATE",
})
# Types whose place is their target: an attack, arrest or deployment "in Ukraine" is aimed at
# Ukraine; talks or a visit "in Istanbul" are hosted by Turkey.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "CONSULT"})
CLAUSE_DEPS = frozenset({"conj", "cc", "advcl", "relcl", "parataxis", "acl", "ccomp", "nsubj"})
NAME_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
REFERRING_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


class ActorResolver(Protocol):
    """What the coder needs from actor resolution (see ``newsevents.actors``)."""

    def resolve(self, token: Token) -> Actor | None: ...

    def place(self, token: Token) -> tuple[str, str | None] | None: ...

    def context_actor(self) -> Actor | None: ...

    def country_mentions(self, start: int, end: int) -> list[tuple[int, str]]: ...


@dataclass(frozen=True, slots=True)
class Parties:
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]


def resolve(token: Token, resolver: ActorResolver) -> Actor | None:
    """The actor a phrase names; a pronoun subject of reported speech names the speaker."""
    found = resolve_speakers(token, resolver)
    return found[0] if found else None


def resolve_speakers(token: Token, resolver: ActorResolver) -> list[Actor]:
    """Like :func:`resolve`, with every speaker a plural pronoun refers to ("Chile and Peru
    said they would ...")."""
    actor = resolver.resolve(token)
    if actor is not None or token.lower_ not in REFERRING_PRONOUNS:
        return [actor] if actor is not None else []
    speakers = syntax.reported_speakers(token, speech_verbs())
    return [a for s in speakers if (a := resolver.resolve(s)) is not None]


def _inner_actor(noun: Token, resolver: ActorResolver, preps: frozenset[str],
                 depth: int = 2) -> Actor | None:
    """The actor inside a non-actor noun phrase: "condemned an attack by X on Y" -> X,
    "welcomed the resumption of ties with X" -> X, "rejected an African Union initiative"
    -> AU (two nouns deep at most)."""
    inner = [c for c in noun.children if c.dep_ == "poss"
             or (c.dep_ in ("compound", "amod") and c.ent_type_ in NAME_ENTITIES)]
    inner += [g for _, g in syntax.prep_objects(noun, frozenset({"by"}))]
    inner += [g for _, g in syntax.prep_objects(noun, preps)]
    for token in inner:
        actor = resolver.resolve(token)
        if actor is None and depth > 1 and token.pos_ == "NOUN":
            actor = _inner_actor(token, resolver, preps, depth - 1)
        if actor is not None:
            return actor
    return None


def _coordinated_modifiers(token: Token, actor: Actor, resolver: ActorResolver) -> list[Actor]:
    """"US and British activists": the activists of each country named in a coordinated
    modifier are parties too, with the head's sector."""
    found = []
    for modifier in token.children:
        if modifier.dep_ not in ("amod", "nmod", "compound"):
            continue
        for conjunct in modifier.conjuncts:
            other = resolver.resolve(conjunct)
            if other is not None and other.code and other.code != actor.code:
                found.append(Actor(text=conjunct.text, code=other.code, sector=actor.sector,
                                   name=other.name))
    return found


REFLEXIVE_POSSESSIVES = frozenset({"its", "his", "her", "their"})


def _reflexive(token: Token, actor: Actor | None, owner: Actor | None) -> Actor | None:
    """"attacked its own population", "jailed his opponents": a body bound by the subject's
    possessive belongs to the subject's country, never to the article's."""
    if actor is None or owner is None or not any(
            c.dep_ == "poss" and c.lower_ in REFLEXIVE_POSSESSIVES for c in token.children):
        return actor
    if any(t.ent_type_ in NAME_ENTITIES for t in token.subtree):  # "its ally Azerbaijan"
        return actor
    return Actor(text=actor.text, code=owner.code, sector=actor.sector, name=owner.name)


def resolve_all(tokens: Iterable[Token], resolver: ActorResolver,
                owner: Actor | None = None, inner_preps: frozenset[str] = INNER_PREPS) -> list[Actor]:
    """Actors named by the tokens, looking inside non-actor noun phrases through
    ``inner_preps``; ``owner`` is the subject a possessive pronoun refers back to ("its own
    population")."""
    found: list[Actor] = []
    for token in tokens:
        speakers = resolve_speakers(token, resolver)
        actor = _reflexive(token, speakers[0] if speakers else None, owner)
        if actor is None and token.pos_ == "NOUN":
            actor = _inner_actor(token, resolver, inner_preps)
        if actor is None or not actor.code:
            continue
        for each in (actor, *speakers[1:], *_coordinated_modifiers(token, actor, resolver)):
            if each.code and each not in found:
                found.append(each)
    return found


def _expand(tokens: Iterable[Token]) -> list[Token]:
    return [c for t in tokens for c in syntax.expand_conjuncts(t)]


INSTRUMENT_PREPS = frozenset({"in", "by"})


def _instrument_owners(verb: Token) -> list[Token]:
    """The owner of the act a passive verb happened in or by: "killed in Israeli shelling"
    -> Israeli; "killed in an air strike by government forces" -> forces."""
    if not syntax.is_passive(verb) and not (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return []
    return [owner for _, noun in syntax.prep_objects(verb, INSTRUMENT_PREPS)
            if noun.pos_ == "NOUN" for owner in _noun_owners(noun, Roles.SV)]


def _verb_parties(token: Token, roles: Roles, resolver: ActorResolver,
                  request: bool = False) -> Parties:
    subjects = resolve_all(_expand(syntax.logical_subjects(token)), resolver)
    if not subjects:
        subjects = resolve_all(_expand(_instrument_owners(token)), resolver)
    preps = GIVER_PREPS if roles is Roles.FROM else RECIPIENT_PREPS - GIVER_PREPS
    if roles is Roles.SYM:
        preps -= TOPIC_PREPS
    objects = _expand(syntax.logical_objects(token)) + syntax.coordinated_by_preposition(token)
    addressed = _expand(modality.complement_subjects(token)) if request else []
    if addressed:  # "said Libya must hand over ...", "demanded that the government resign"
        objects += addressed
    else:
        objects += [g for _, g in syntax.prep_objects(token, preps)]
    inner = INNER_PREPS - TOPIC_PREPS if roles is Roles.SYM else INNER_PREPS
    others = resolve_all(objects, resolver, subjects[0] if subjects else None, inner)
    if roles in (Roles.HOST, Roles.FROM):
        return Parties(tuple(others), tuple(subjects))
    return Parties(tuple(subjects), tuple(a for a in others if a not in subjects))


def _noun_owners(token: Token, roles: Roles) -> list[Token]:
    # "NATO air strikes": the compound is the attacker; "Libya talks": it is the topic
    if roles is Roles.SYM:
        owners = [c for c in token.children if c.dep_ in ("poss", "amod", "nmod")]
        owners += [g for _, g in syntax.prep_objects(token, frozenset({"between", "among"}))]
    else:
        owners = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    owners += [g for _, g in syntax.prep_objects(token, GIVER_PREPS)]
    return owners


def _noun_parties(match: Match, resolver: ActorResolver) -> Parties:
    """Event nouns: "Russia's criticism of NATO", "NATO air strikes on Sirte", "held talks";
    a meeting or visit in a time phrase is attended by the clause's subject ("Blinken spoke
    during a visit to Morocco")."""
    token, roles = match.token, match.trigger.roles
    owners = _noun_owners(token, roles)
    verb = syntax.governing_light_verb(token, light_verbs(), lemma_of)
    if verb is not None:
        owners += syntax.logical_subjects(verb)
    elif token.dep_ == "attr":  # "Russia is a critic of NATO's campaign"
        owners += syntax.logical_subjects(token.head)
    elif match.trigger.type == "CONSULT" and not owners:
        owners += syntax.attending_subjects(token)
    actors = resolve_all(_expand(owners), resolver)
    preps = NOUN_RECIPIENT_PREPS - GIVER_PREPS - (TOPIC_PREPS if roles is Roles.SYM else set())
    targets = [g for _, g in syntax.prep_objects(token, preps)]
    if verb is not None:
        targets += [g for _, g in syntax.prep_objects(verb, preps)]
    recipients = [a for a in resolve_all(_expand(targets), resolver) if a not in actors]
    if roles is Roles.FROM:
        return Parties(tuple(recipients), tuple(actors))
    return Parties(tuple(actors), tuple(recipients))


def place_country(token: Token, resolver: ActorResolver) -> str | None:
    """The country of a place named around the trigger ("hit a depot in western Ukraine")."""
    anchors = [token, *syntax.logical_objects(token)]
    verb = syntax.governing_light_verb(token, light_verbs(), lemma_of)
    if token.pos_ == "NOUN" and verb is not None:
        anchors.append(verb)
    for anchor in anchors:
        for _, place_token in syntax.prep_objects(anchor, PLACE_PREPS):
            place = resolver.place(place_token)
            if place is not None and place[1]:
                return place[1]
    return None


def _own_phrase(token: Token) -> set[int]:
    """Token indices of the trigger and its own arguments, without coordinated or adverbial
    clauses ("welcomed the truce ..., and hailed Egypt's role": Egypt is not welcomed)."""
    cut = {t.i for c in token.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    return {t.i for t in token.subtree} - cut


def _other_country(token: Token, actors: tuple[Actor, ...], resolver: ActorResolver) -> str | None:
    """A country the trigger's own phrase names as a party, not as a place ("in Morocco"),
    that is none of the actors': the first after the trigger, else the nearest before it."""
    own, phrase, doc = {a.code for a in actors}, _own_phrase(token), token.doc
    start, end = min(phrase), max(phrase) + 1
    mentions = [(i, code) for i, code in resolver.country_mentions(start, end)
                if i in phrase and code not in own and not _is_place_phrase(doc[i])]
    after = [code for i, code in mentions if i > token.i]
    before = [code for i, code in mentions if i < token.i]
    return after[0] if after else (before[-1] if before else None)


def _is_place_phrase(token: Token) -> bool:
    """"in Morocco", "near Geneva": a setting, not a party."""
    head = token
    while head.dep_ in ("compound", "amod", "appos", "conj") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def _implicit_recipient(match: Match, actors: tuple[Actor, ...],
                        resolver: ActorResolver) -> Actor | None:
    """The target a directed event leaves unsaid: for a material act or a visit, the country
    where it happens; else another country the sentence names as a party; else the country
    the article is about."""
    token = match.token
    code = place_country(token, resolver) if match.trigger.type in PLACE_TARGET_TYPES else None
    code = code or _other_country(token, actors, resolver)
    if code is not None:
        return Actor(text="", code=code)
    if syntax.deictic_place(token):  # "launched an operation there": a place we cannot read
        return None
    return resolver.context_actor()


# Acts whose unnamed perpetrator is coded by the place they happen in, as PLOVER coders do:
# "three soldiers were killed by a roadside bomb near Samarra" -> Iraq (unknown attackers
# operating there) -> the soldiers; "two reporters were arrested in Cairo" -> Egypt.
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE"})


def _agentless_actor(match: Match, found: Parties, resolver: ActorResolver) -> Actor | None:
    """The implicit perpetrator of a passive attack or arrest with a named victim: the country
    where it happened, else the country the article is about."""
    if found.actors or not found.recipients or match.trigger.type not in AGENTLESS_TYPES:
        return None
    token = match.token
    if token.pos_ != "VERB" or not (syntax.is_passive(token) or token.dep_ == "acl"):
        return None
    code = place_country(token, resolver) or _sentence_place(token, resolver)
    if code is not None:
        return Actor(text="", code=code)
    if syntax.deictic_place(token):
        return None
    context = resolver.context_actor()  # not the victims' own country: "American killed"
    victims = {a.code for a in found.recipients}
    return context if context is not None and context.code not in victims else None


def _sentence_place(token: Token, resolver: ActorResolver) -> str | None:
    """The country of the place phrase nearest the trigger in its sentence ("... was killed
    after protesters swarmed the consulate in Benghazi" -> Libya)."""
    sentence = token.sent
    places = [(abs(i - token.i), code)
              for i, code in resolver.country_mentions(sentence.start, sentence.end)
              if _is_place_phrase(token.doc[i])]
    return min(places)[1] if places else None


def parties(match: Match, resolver: ActorResolver) -> Parties:
    token, roles = match.token, match.trigger.roles
    if token.pos_ == "NOUN":
        found = _noun_parties(match, resolver)
    else:
        found = _verb_parties(token, roles, resolver, match.trigger.type == "REQUEST")
    if (perpetrator := _agentless_actor(match, found, resolver)) is not None:
        return Parties((perpetrator,), found.recipients)
    if match.trigger.type == "CONSULT" and not found.recipients and found.actors:
        host = place_country(token, resolver)  # "talks in Istanbul": Turkey hosts them
        if host is not None and host not in {a.code for a in found.actors}:
            return Parties(found.actors, (Actor(text="", code=host),))
    joint = roles is Roles.SYM or match.trigger.type in JOINT_TYPES
    if joint and not found.recipients and len({a.code for a in found.actors}) > 1:
        return Parties(found.actors, found.actors)  # acting together: each is the other's party
    if not found.recipients and found.actors and match.trigger.type in DIRECTED_TYPES:
        implicit = _implicit_recipient(match, found.actors, resolver)
        if implicit is not None:
            return Parties(found.actors, (implicit,))
    return found
