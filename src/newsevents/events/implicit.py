"""Parties the text leaves unsaid, from where the event happens and what the article is about.

A directed event with no named target ("the UN welcomed the truce") is aimed at the country
where it happens, else at a country its sentence names, else at the country the article is
about; an attack or arrest with a named victim and no named perpetrator is coded with the
country where it happened, as PLOVER coders do. See docs/events.md, implicit recipients.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsevents.events import syntax
from newsevents.events.lexicon import Roles
from newsevents.events.triggers import Match, lemma_of, light_verbs
from newsevents.models import Actor
from newsevents.nlp.paragraphs import sentence_at

if TYPE_CHECKING:
    from newsevents.events.parties import ActorResolver

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})
CLAUSE_DEPS = frozenset({"conj", "cc", "advcl", "relcl", "parataxis", "acl", "ccomp", "nsubj"})
# Types where coordinated subjects ("Turkey and Russia agreed") act towards each other; other
# reciprocal triggers ("signed a deal", "postponed talks") say so with roles=sym in the lexicon.
# A place named with them is the venue, never the target.
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


def trigger_places(token: Token, resolver: ActorResolver, *,
                   with_objects: bool = False) -> Iterator[tuple[str, str | None]]:
    """(name, country) of places named around the trigger: its own in/at/near phrases, its
    light verb's, and with ``with_objects`` its objects' ("hit a depot in western Ukraine")."""
    anchors = [token, *(syntax.logical_objects(token) if with_objects else ())]
    verb = syntax.governing_light_verb(token, light_verbs(), lemma_of)
    if token.pos_ == "NOUN" and verb is not None:
        anchors.append(verb)
    for anchor in anchors:
        for _, place_token in syntax.prep_objects(anchor, PLACE_PREPS):
            place = resolver.place(place_token)
            if place is not None:
                yield place


def place_country(token: Token, resolver: ActorResolver) -> str | None:
    """The country of the first place around the trigger or its objects that has one."""
    return next((country for _, country in trigger_places(token, resolver, with_objects=True)
                 if country), None)


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


def implicit_recipient(match: Match, actors: tuple[Actor, ...],
                       resolver: ActorResolver) -> Actor | None:
    """The target a directed event leaves unsaid: for a material act or a visit, the country
    where it happens; else another country the trigger's phrase names as a party; else, but
    for a venue, a place in that phrase; else the country the article is about. None of these
    may repeat an actor's own country, except the article's country, which a government gives
    up for another country its sentence names (domestic events keep it, as the dev gold does)."""
    token, own = match.token, {a.code for a in actors}
    code = place_country(token, resolver) if match.trigger.type in PLACE_TARGET_TYPES else None
    code = code if code not in own else None
    code = code or _other_country(token, actors, resolver)
    venue = match.trigger.type in JOINT_TYPES or match.trigger.roles is Roles.SYM
    if code is None and not venue:  # where an agreement is signed is no party to it
        code = _phrase_place(token, own, resolver)
    if code is not None:
        return Actor(text="", code=code)
    if syntax.deictic_place(token):  # "launched an operation there": a place we cannot read
        return None
    context = resolver.context_actor()
    if context is None:  # an article about two countries as much: one acts on the other
        code = _tied_other(own, resolver)
        return Actor(text="", code=code) if code else None
    if context.code in own and _foreign_policy(actors):
        # several countries acting together settle it between them, not with the venue
        code = _sentence_country(token, own, resolver, places=not venue and len(own) == 1)
        code = code or _counterpart(own, resolver)
        return Actor(text="", code=code) if code else context
    return context


COUNTERPART_SHARE = 0.5  # of the article's main country's mentions


def _counterpart(own: set[str | None], resolver: ActorResolver) -> str | None:
    """The other country an article about two countries is about ("Mexican officials
    agreed to take measures" in a story of a US-Mexico deal -> USA): the most mentioned
    country that is none of the actors', when it is named at least half as often as the
    article's main country."""
    ranked = resolver.ranked_countries()
    if not ranked:
        return None
    others = [(code, n) for code, n in ranked if code not in own]
    if others and others[0][1] >= COUNTERPART_SHARE * ranked[0][1]:
        return others[0][0]
    return None


def _tied_other(own: set[str | None], resolver: ActorResolver) -> str | None:
    """In an article that names two countries equally often (so is about neither alone), the
    one of them that is not the actor's ("a request by the Syrian president" in a story of
    Russia and Syria -> Russia)."""
    ranked = resolver.ranked_countries()[:2]
    if len(ranked) < 2 or ranked[0][1] != ranked[1][1]:
        return None
    top = [code for code, _ in ranked]
    others = [code for code in top if code not in own]
    return others[0] if len(others) == 1 else None


def _foreign_policy(actors: tuple[Actor, ...]) -> bool:
    """Governments acting at home are as often aimed abroad ("pressed for a solution" on the
    Libyan issue); armed groups, parties and civilians act on their own country."""
    return all(a.sector in (None, "GOV") for a in actors)


def _phrase_place(token: Token, own: set[str | None], resolver: ActorResolver) -> str | None:
    """The country of a place inside the trigger's own phrase that is none of the actors'
    ("called to refrain from violence in Libya" -> Libya), nearest the trigger first."""
    phrase = _own_phrase(token)
    places = [(abs(i - token.i), code)
              for i, code in resolver.country_mentions(min(phrase), max(phrase) + 1)
              if i in phrase and code not in own and _is_place_phrase(token.doc[i])]
    return min(places)[1] if places else None


def _sentence_country(token: Token, own: set[str | None], resolver: ActorResolver,
                      places: bool) -> str | None:
    """Another country the trigger's sentence names, nearest the trigger: a party first
    ("reiterated Moscow's stand on the Libyan issue and pressed for a solution" -> Libya), then,
    unless ``places`` is false, a place ("the operation in Libya")."""
    sentence = sentence_at(token.doc, token.i)
    others = [(_is_place_phrase(token.doc[i]), abs(i - token.i), code)
              for i, code in resolver.country_mentions(sentence.start, sentence.end)
              if code not in own and (places or not _is_place_phrase(token.doc[i]))]
    return min(others)[2] if others else None


# Acts whose unnamed perpetrator is coded by the place they happen in, as PLOVER coders do:
# "three soldiers were killed by a roadside bomb near Samarra" -> Iraq (unknown attackers
# operating there) -> the soldiers; "two reporters were arrested in Cairo" -> Egypt.
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE"})


def agentless_actor(match: Match, actors: tuple[Actor, ...], recipients: tuple[Actor, ...],
                    resolver: ActorResolver) -> Actor | None:
    """The implicit perpetrator of a passive attack or arrest with a named victim: the country
    where it happened, else the country the article is about."""
    if actors or not recipients or match.trigger.type not in AGENTLESS_TYPES:
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
    victims = {a.code for a in recipients}
    return context if context is not None and context.code not in victims else None


def _sentence_place(token: Token, resolver: ActorResolver) -> str | None:
    """The country of the place phrase nearest the trigger in its sentence ("... was killed
    after protesters swarmed the consulate in Benghazi" -> Libya)."""
    sentence = sentence_at(token.doc, token.i)
    places = [(abs(i - token.i), code)
              for i, code in resolver.country_mentions(sentence.start, sentence.end)
              if _is_place_phrase(token.doc[i])]
    return min(places)[1] if places else None


def unnamed_crowd(match: Match, resolver: ActorResolver) -> Actor | None:
    """The implicit organiser of a protest noun that names none ("months of mass protests",
    "a rally outside the base"): civilians of the country where it happens, else of the
    nearest place its sentence names, else of the article's country - the convention the
    coder follows for attacks with no named attacker. A protest noun that only describes
    something ("called the advance a victorious march") is none."""
    token = match.token
    if match.trigger.type != "PROTEST" or token.pos_ != "NOUN" or _predicative(token):
        return None
    if syntax.deictic_place(token):
        return None
    code = place_country(token, resolver) or _sentence_place(token, resolver)
    context = resolver.context_actor()
    code = code or (context.code if context is not None else None)
    return Actor(text="", code=code, sector="CVL") if code else None


def _predicative(token: Token) -> bool:
    return token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as")
