"""Who is who in an event: the actor(s) and recipient(s) of one trigger match.

Verbs take their logical subject as actor and their objects and prepositional complements as
recipients (``roles`` in triggers.tsv can swap them); event nouns take possessives, compounds,
by/from phrases and the subject of a light verb as actor ("Russia's criticism of NATO", "NATO
air strikes on Sirte", "X held talks with Y"). Two discourse rules fill what the clause leaves
out: a pronoun subject of reported speech is the speaker ("Baku said it had seized ..."), and a
directed event whose target the text leaves implicit ("the UN welcomed the truce") gets one from
``implicit``; a vote for a document ("supported the text") is aimed at the body that adopts it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Token

from newsevents.events import implicit, modality, syntax
from newsevents.events.coref import BaseResolver
from newsevents.events.lexicon import Roles
from newsevents.events.linking import GIVER_PREPS, brokers, noun_owners
from newsevents.events.triggers import Match, lemma_of, light_verbs, speech_verbs
from newsevents.models import Actor
from newsevents.nlp.paragraphs import sentence_at

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "at", "toward", "towards", "from", "into"})
NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"of", "for"}
# what symmetric talk is about, not who takes part: "consultations on Libya", "agreed over X";
# for attacks and sanctions "on X" is the target and stays a recipient preposition
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
INNER_PREPS = frozenset({"of", "on", "against", "to", "with", "over", "between"})
NAME_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
REFERRING_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


class ActorResolver(BaseResolver, Protocol):
    """What the coder needs from actor resolution: ``newsevents.events.coref.Coreference``
    over the article's resolver (see ``newsevents.actors``)."""

    def group(self, token: Token) -> list[Actor]: ...


@dataclass(frozen=True, slots=True)
class Parties:
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]


def resolve(token: Token, resolver: ActorResolver) -> Actor | None:
    """The actor a phrase names; a pronoun subject of reported speech names the speaker."""
    found = resolve_speakers(token, resolver)
    return found[0] if found else None


def resolve_speakers(token: Token, resolver: ActorResolver) -> list[Actor]:
    """Every actor the phrase refers to: a pronoun subject of reported speech is the speaker
    (all of them for "Chile and Peru said they would ..."), else coreference decides."""
    if token.lower_ in REFERRING_PRONOUNS:
        speakers = syntax.reported_speakers(token, speech_verbs())
        found = [a for s in speakers if (a := resolver.resolve(s)) is not None and a.code]
        if found:
            return [replace(a, text=token.text, resolved_from=a.resolved_from or a.text)
                    for a in found]
    return resolver.group(token)


def _inner_actor(noun: Token, resolver: ActorResolver, preps: frozenset[str],
                 depth: int = 2, exclude: frozenset[tuple[str | None, str | None]] = frozenset(),
                 ) -> Actor | None:
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
            actor = _inner_actor(token, resolver, preps, depth - 1, exclude)
        if actor is None or (actor.code, actor.sector) in exclude:
            continue
        if any(actor.code == code for code, _ in exclude) and _context_guess(token, resolver):
            continue  # "supports the protection of civilians": whose civilians, unsaid
        return actor
    return None


def _context_guess(token: Token, resolver: ActorResolver) -> bool:
    """Was the phrase's country only guessed from the article's main country ("civilians",
    "the army")? Such a guess says nothing of whom an act is aimed at."""
    base = getattr(resolver, "base", resolver)
    explain = getattr(base, "explain", None)
    resolution = explain(token) if explain is not None else None
    return resolution is not None and resolution.evidence == "context"


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
    population"), and is never found again inside a phrase ("cancelled his visit to Turkey"
    is aimed at Turkey, not at the visitor)."""
    found: list[Actor] = []
    for token in tokens:
        speakers = resolve_speakers(token, resolver)
        actor = _reflexive(token, speakers[0] if speakers else None, owner)
        if actor is None and token.pos_ == "NOUN":
            # the subject itself, not another body of its country ("the Federation Council
            # voted to back Putin's proposal" is aimed at Putin)
            own = frozenset({(owner.code, owner.sector)}) if owner is not None else frozenset()
            actor = _inner_actor(token, resolver, inner_preps, exclude=own)
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
            if noun.pos_ == "NOUN" for owner in noun_owners(noun, Roles.SV)]


ADOPTING_VERBS = frozenset({"adopt", "pass", "approve", "endorse", "support", "back"})


def _adopters(verb: Token) -> list[Token]:
    """Who speaks through a document the verb's subject is: the subject of the clause that
    adopted it ("the Assembly adopted a resolution demanding ..." -> the Assembly)."""
    found = []
    for document in syntax.logical_subjects(verb):
        head = document.head
        if (lemma_of(document) in DOCUMENT_WORDS and document.dep_ in syntax.OBJECT_DEPS
                and lemma_of(head) in ADOPTING_VERBS):
            found += syntax.logical_subjects(head)
    return found


def _verb_parties(token: Token, roles: Roles, resolver: ActorResolver,
                  request: bool = False) -> Parties:
    subjects = resolve_all(_expand(syntax.logical_subjects(token)), resolver)
    if not subjects:
        subjects = resolve_all(_expand(_instrument_owners(token)), resolver)
    if not subjects:  # "adopted a resolution demanding that X ...": the body that adopted it
        subjects = resolve_all(_expand(_adopters(token)), resolver)
    preps = GIVER_PREPS if roles is Roles.FROM else RECIPIENT_PREPS - GIVER_PREPS
    if roles is Roles.SYM:
        preps -= TOPIC_PREPS
    objects = _expand(syntax.logical_objects(token)) + syntax.coordinated_by_preposition(token)
    addressed = _expand(modality.complement_subjects(token)) if request else []
    if addressed:  # "said Libya must hand over ...", "said the arrival of X was illegal"
        objects += addressed
    else:
        objects += [g for _, g in syntax.prep_objects(token, preps)]
    inner = INNER_PREPS - TOPIC_PREPS if roles is Roles.SYM else INNER_PREPS
    others = resolve_all(objects, resolver, subjects[0] if subjects else None, inner)
    if not others and subjects:  # "called for a meeting of the Security Council" -> UN
        called_for = [g for _, g in syntax.prep_objects(token, frozenset({"for"}))]
        others = [a for a in resolve_all(_expand(called_for), resolver, subjects[0])
                  if a.code not in {s.code for s in subjects}]
    if addressed:  # "said it would face consequences": no speaker threatens or blames itself
        sides = {(a.code, a.sector) for a in subjects}
        others = [a for a in others if (a.code, a.sector) not in sides]
    if roles in (Roles.HOST, Roles.FROM):
        return Parties(tuple(others), tuple(subjects))
    return Parties(tuple(subjects), tuple(a for a in others if a not in subjects))


def _noun_parties(match: Match, resolver: ActorResolver) -> Parties:
    """Event nouns: "Russia's criticism of NATO", "NATO air strikes on Sirte", "held talks";
    a meeting or visit in a time phrase is attended by the clause's subject ("Blinken spoke
    during a visit to Morocco")."""
    token, roles = match.token, match.trigger.roles
    owners = noun_owners(token, roles, match.trigger.type in implicit.JOINT_TYPES)
    if match.trigger.type == "CONSULT" or roles is Roles.SYM:  # "Vienna talks": the venue
        owners = [o for o in owners
                  if not (o.dep_ in ("compound", "nmod") and resolver.is_city(o))]
    verb = syntax.governing_light_verb(token, light_verbs(), lemma_of)
    if verb is not None:
        owners += syntax.logical_subjects(verb)
    elif token.dep_ == "attr":  # "Russia is a critic of NATO's campaign"
        owners += syntax.logical_subjects(token.head)
    elif _state_phrase(token):  # "the army was on high alert", "troops remain on standby"
        owners += syntax.logical_subjects(token.head.head)
    actors = resolve_all(_expand(owners), resolver)
    if not actors and verb is None and match.trigger.type == "CONSULT":
        # no participant of its own ("intense negotiations"): "a meeting of the forum" is the
        # forum's; one in a time phrase is attended by the clause's subject
        attending = ([g for _, g in syntax.prep_objects(token, frozenset({"of"}))]
                     or syntax.attending_subjects(token))
        actors = resolve_all(_expand(attending), resolver)
    preps = NOUN_RECIPIENT_PREPS - GIVER_PREPS - (TOPIC_PREPS if roles is Roles.SYM else set())
    mediators = brokers(token)
    targets = [g for _, g in syntax.prep_objects(token, preps)] + mediators
    if not actors and mediators and match.trigger.type == "CONSULT":
        # "talks mediated by the AU" with no side named: the sides of the conflict the article
        # is about, with the mediator as their counterpart
        sides = resolver.context_actor()
        if sides is not None and sides.code not in {
                a.code for a in resolve_all(mediators, resolver)}:
            actors = [sides]
    if verb is not None:
        targets += [g for _, g in syntax.prep_objects(verb, preps)]
    recipients = [a for a in resolve_all(_expand(targets), resolver) if a not in actors]
    if not recipients:  # "At Washington's request, Israel agreed": the request was Israel's
        own = {a.code for a in actors}
        recipients = [a for a in resolve_all(_expand(syntax.behest_addressees(token)), resolver)
                      if a.code not in own]
    if roles is Roles.FROM:
        return Parties(tuple(recipients), tuple(actors))
    return Parties(tuple(actors), tuple(recipients))


STATE_VERBS = frozenset({"be", "remain", "stay", "go"})
STATE_PREPS = frozenset({"on", "in", "under"})


def _state_phrase(noun: Token) -> bool:
    """An event noun that is the state its clause's subject is in: "X was on high alert",
    "Y remains in talks", "Z went on strike"."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in STATE_PREPS and prep.dep_ == "prep"
            and prep.head.lemma_.lower() in STATE_VERBS)


# A vote for or against a document is aimed at the body that adopts it (ANNOTATION.md: a vote
# in favour of a resolution is SUPPORT with recipient the UN).
VOTE_TYPES = frozenset({"SUPPORT", "REJECT"})
DOCUMENT_WORDS = frozenset({"resolution", "text", "draft", "motion"})
VOTE_PREPS = frozenset({"for", "against"})


def _document_body(token: Token, actors: tuple[Actor, ...],
                   resolver: ActorResolver) -> Actor | None:
    """The body behind a document the trigger is for or against: the one its phrase names
    ("the Security Council resolution"), else the nearest governing body named before it (not
    a court or an army: they adopt no texts)."""
    voted = (g for _, g in syntax.prep_objects(token, VOTE_PREPS))  # "voted for", "against"
    objects = [*syntax.logical_objects(token), *voted]
    if token.pos_ == "NOUN":  # "a veto of the resolution"
        objects += [g for _, g in syntax.prep_objects(token, frozenset({"of", "on"}))]
    documents = [o for o in objects if o.pos_ == "NOUN" and lemma_of(o) in DOCUMENT_WORDS]
    veto = lemma_of(token) == "veto"  # a veto is always cast on a body's draft
    if not documents and not veto:
        return None
    own = {a.code for a in actors}
    named = [a for a in resolve_all(documents, resolver) if a.code not in own]
    if named:
        return named[0]
    doc = token.doc
    entities = [e for e in doc.ents if e.label_ == "ORG" and e.end <= token.i]
    if veto:  # "used its veto in a Security Council meeting": also named after it, nearest first
        sentence = sentence_at(doc, token.i)
        entities += sorted((e for e in doc.ents if e.label_ == "ORG" and e.start > token.i
                            and e.end <= sentence.end), key=lambda e: -e.start)
    for entity in reversed(entities):
        if resolver.country_mentions(entity.start, entity.end):
            continue  # "the Russian foreign ministry": a country's body, not an assembly
        body = resolver.resolve(entity.root)
        if body is not None and body.code and body.code not in own and body.sector == "GOV":
            return Actor(text="", code=body.code, sector=body.sector, name=body.name)
    return None


def parties(match: Match, resolver: ActorResolver) -> Parties:
    found = _parties(match, resolver)
    return Parties(_outside(found.actors, found.recipients), found.recipients)


def _outside(actors: tuple[Actor, ...], recipients: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A group's members less the one it acts on: "G8 leaders suspended Russia" is an act of
    the seven others (members share the group's words)."""
    targets = {a.code for a in recipients}
    phrases = [_phrase(a) for a in actors]
    kept = tuple(a for a in actors if not (phrases.count(_phrase(a)) > 1 and a.code in targets))
    return kept or actors


def _phrase(actor: Actor) -> tuple[str, str | None]:
    """The words an actor was named by, and what they were resolved from: the members of one
    group share both ("G8 leaders" / "Group of Eight"); "they" for two speakers does not."""
    return actor.text, actor.resolved_from


def _guest_first(token: Token, found: Parties, resolver: ActorResolver) -> Parties:
    """A meeting held in the country of all its actors, with guests from abroad, is the guests'
    visit to their hosts ("Lavrov met his Kyrgyz counterpart in Moscow" -> KGZ visits RUS), as
    CAMEO's visit (042) and host (043) codes put it."""
    host = implicit.place_country(token, resolver)
    if host is None or any(a.code != host for a in found.actors):
        return found
    guests = tuple(a for a in found.recipients if a.code not in (host, None))
    if not guests or len(guests) != len(found.recipients):
        return found
    return Parties(guests, found.actors)


def _parties(match: Match, resolver: ActorResolver) -> Parties:
    token, roles = match.token, match.trigger.roles
    if token.pos_ == "NOUN":
        found = _noun_parties(match, resolver)
    else:
        found = _verb_parties(token, roles, resolver, match.trigger.targets_clause)
    perpetrator = implicit.agentless_actor(match, found.actors, found.recipients, resolver)
    if perpetrator is not None:
        return Parties((perpetrator,), found.recipients)
    crowd = None if found.actors else implicit.unnamed_crowd(match, resolver)
    if crowd is not None:
        found = Parties((crowd,), found.recipients)
    if match.trigger.type == "CONSULT" and not found.recipients and found.actors:
        host = implicit.place_country(token, resolver)  # "talks in Istanbul": Turkey hosts them
        if host is not None and host not in {a.code for a in found.actors}:
            return Parties(found.actors, (Actor(text="", code=host),))
    if match.trigger.type == "CONSULT" and found.recipients and found.actors:
        found = _guest_first(token, found, resolver)
    joint = roles is Roles.SYM or match.trigger.type in implicit.JOINT_TYPES
    sides = {(a.code, a.sector) for a in found.actors}
    phrases = {_phrase(a) for a in found.actors}  # "the G8 met": one group, not each other's
    if joint and not found.recipients and len(sides) > 1 and len(phrases) > 1:
        # acting together: each is the other's party, also two sides of one country ("the
        # government and the rebels agreed")
        return Parties(found.actors, found.actors)
    if not found.recipients and found.actors and match.trigger.type in VOTE_TYPES:
        body = _document_body(token, found.actors, resolver)
        if body is not None:  # "supported the text": the body that adopts it
            return Parties(found.actors, (body,))
    if not found.recipients and found.actors and match.trigger.type in implicit.DIRECTED_TYPES:
        target = implicit.implicit_recipient(match, found.actors, resolver)
        if target is not None:
            return Parties(found.actors, (target,))
    return found
