"""Dependency-parse questions the coder asks about a trigger: who, whom, negated, hypothetical.

Pure functions over spaCy tokens (ClearNLP labels as produced by en_core_web_sm). They follow
passive voice, control and raising chains, coordination, relative clauses and light verbs, so
that the coder itself reads as a list of linguistic decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
CLAUSE_UP_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
COORDINATING_PREPS = frozenset({"along", "together", "alongside"})


def base_lemma(token: Token) -> str:
    """The model's lemma, lower-cased (the coder passes one that corrects it: lemma_fixes.tsv)."""
    return token.lemma_.lower()


def is_passive(verb: Token) -> bool:
    """Passive voice, also for a participle coordinated with a passive verb ("were detained
    and later released by Kuwait") or one with a by-agent."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ in ("auxpass", "agent") for c in verb.children):
        return True
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass"
                    for c in verb.head.children))


def expand_conjuncts(token: Token) -> list[Token]:
    """The token and its coordinated nominal siblings ("Turkey and Russia"); a token that is
    itself a later conjunct keeps only those after it."""
    heads = [token, *token.conjuncts]
    for listed in _listed_appositions(token):  # "the US, Russia, and Switzerland"
        heads += [listed, *listed.conjuncts]
    if token.dep_ == "conj":
        heads = [h for h in heads if h.i >= token.i]
    return sorted(
        (h for h in heads if h.pos_ in ("NOUN", "PROPN", "PRON") or h.ent_type_
         or (h.pos_ == "ADJ" and h.text[:1].isupper())),  # "Western", untagged at a start
        key=lambda t: t.i,
    )


def _listed_appositions(token: Token) -> list[Token]:
    """A list of names the parser read as an apposition with conjuncts ("The US, Russia, and
    Switzerland met" -> Russia appos of US, Switzerland conj of Russia): members, not a gloss."""
    if token.pos_ != "PROPN":
        return []
    return [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
            and any(g.dep_ == "conj" for g in c.children)]


def coordinated_by_preposition(verb: Token) -> list[Token]:
    """Parties joined by "along with", "together with": "invited China along with Russia"."""
    found = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in COORDINATING_PREPS:
            found.extend(g for _, g in prep_objects(child, frozenset({"with"})))
    return found


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies: "the LNA, which ..." -> LNA."""
    if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def direct(verb: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps]


def agent_of(verb: Token) -> list[Token]:
    """The by-phrase of a passive verb: "was received by Medvedev" -> Medvedev; also each of
    coordinated by-phrases ("rejected by hardliners in Tripoli and by supporters of X")."""
    phrases = [c for c in verb.children if c.dep_ == "agent"]
    phrases += [p for c in phrases for p in c.conjuncts if p.dep_ in ("agent", "prep", "conj")
                and p.lower_ == "by"]
    return [g for c in phrases for g in c.children if g.dep_ == "pobj"]


# Passive forms that state the subject's own stance: "Israel is opposed to the plan" (Israel
# opposes it), "the army is engaged in fighting", "Hanoi is committed to opening up".
STATIVE_PASSIVES = frozenset({"oppose", "commit", "engage", "involve", "dedicate", "determine"})


def stative_passive(verb: Token) -> bool:
    return (verb.lemma_.lower() in STATIVE_PASSIVES and is_passive(verb) and not agent_of(verb)
            and any(c.dep_ == "prep" and c.lower_ in ("to", "in") for c in verb.children))


def logical_subjects(verb: Token) -> list[Token]:
    """Who does what the verb says, climbing control, coordination and relative clauses."""
    if stative_passive(verb):
        return [antecedent(t) for t in direct(verb, PASSIVE_SUBJECT_DEPS)]
    if is_passive(verb):
        return agent_of(verb)
    own = [_participle_head(t) for t in direct(verb, SUBJECT_DEPS)]
    if len(own) > 1:  # "Russia's ally Syria said": a role noun split off the name after it
        own = [t for t in own if not (t.pos_ == "NOUN" and any(
            o.i == t.i + 1 and o.pos_ == "PROPN" for o in own))]
    if own:
        return [antecedent(t) for t in own]
    return _inherited_subjects(verb) or _stranded_subject(verb)


def _participle_head(subject: Token) -> Token:
    """Repair "the internationally recognised Government ... has advanced", parsed as a
    clausal subject "recognised" with object "Government": the noun is the subject."""
    if subject.dep_ == "csubj" and subject.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in subject.children):
        return next((c for c in subject.children if c.dep_ in OBJECT_DEPS), subject)
    if subject.dep_ == "nsubj" and subject.tag_ == "VBG":  # "The Red Cross operating in Iraq
        return next((c for c in subject.children if c.dep_ == "nsubj"), subject)  # said"
    return subject


STRANDED_DEPS = frozenset({"appos", "conj"})
SKIPPED_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "punct"})


def _stranded_subject(verb: Token) -> list[Token]:
    """Repair a subject the parser hung onto the previous phrase: "..., Russian President X
    today asked Y" (X parsed as an apposition) or "A called for calm and the head of the
    Pentagon Y has promised Z" (Y parsed as a conjunct of an object): the noun phrase right
    before a finite verb that has no subject is that verb's subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children):
        return []
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in SKIPPED_BEFORE_VERB and verb.doc[i].head.i == verb.i:
        i -= 1
    if i < 0 or verb.doc[i].pos_ not in ("PROPN", "NOUN"):
        return []
    node = verb.doc[i]
    for _ in range(4):  # "the head of the Pentagon Robert Gates": Gates -> of -> head
        if node.dep_ in STRANDED_DEPS:
            return [node]
        if node.dep_ not in ("compound", "pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
    return []


def _inherited_subjects(verb: Token) -> list[Token]:
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "relcl":  # "the GNA, which advanced ..." -> GNA
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "troops advancing on Sirte"
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a deal signed by the rebels"
        return agent_of(verb)
    if verb.dep_ == "xcomp" and head.dep_ == "acomp":  # "X is ready / about to sign" -> X
        return logical_subjects(head.head)
    if verb.dep_ == "xcomp" and is_passive(head):  # "X is scheduled / was asked to attend"
        return [antecedent(t) for t in direct(head, PASSIVE_SUBJECT_DEPS)]
    if verb.dep_ == "xcomp":  # object control first: "asked Ban to seek" -> Ban
        objects = direct(head, OBJECT_DEPS)
        return objects or logical_subjects(head)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return _stranded_subject(verb) or logical_subjects(head)
    if verb.dep_ == "advcl" and _participial(verb) and head.pos_ in ("VERB", "AUX"):
        return logical_subjects(head)  # "X hailed the deal, urging Y to ..." -> X
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX") \
            and not is_passive(head.head):
        return logical_subjects(head.head)  # "X struck hours after receiving approval" -> X
    return []


def _participial(verb: Token) -> bool:
    """A participle adjunct with no subject or subordinator of its own ("..., saying",
    "..., urging"); "after meeting X" and "as they clashed" have theirs."""
    return verb.tag_ == "VBG" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in verb.children) and not (
        verb.i > 0 and verb.doc[verb.i - 1].dep_ == "prep")


def logical_objects(verb: Token) -> list[Token]:
    """What the verb acts on; the passive subject when the verb is passive."""
    if stative_passive(verb):
        return []
    if is_passive(verb):
        own = [antecedent(t) for t in direct(verb, PASSIVE_SUBJECT_DEPS)]
        if not own and verb.dep_ == "conj":  # "were arrested and later released": shared
            return direct(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return own
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # reduced passive: "a deal signed by X"
        return [verb.head]
    objects = direct(verb, OBJECT_DEPS) or direct(verb, frozenset({"oprd"}))  # misparsed object
    return [antecedent(t) for t in objects]  # "X, which the US accused"


def prep_objects(token: Token, preps: frozenset[str] | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs attached to the token: "talks with Russia" -> (with, Russia)."""
    for child in token.children:
        if child.dep_ not in ("prep", "agent") or (preps is not None and child.lower_ not in preps):
            continue
        for grandchild in child.children:
            if grandchild.dep_ == "pobj":
                yield child.lower_, grandchild


PARTICLE_WORDS = frozenset({"down", "out", "off", "up", "back", "aside", "over", "away", "in", "on"})


def particles(verb: Token) -> set[str]:
    """Particles of a phrasal verb, also where the parser calls them advmod or prep:
    "stepped down", "pulled back", "pulled out of" (within three words after the verb)."""
    return {
        child.lower_
        for child in verb.children
        if child.dep_ == "prt"
        or (child.dep_ in ("advmod", "prep") and child.lower_ in PARTICLE_WORDS
            and 0 < child.i - verb.i <= 3)
    }


def clause_chain(token: Token) -> Iterator[Token]:
    """The token and the verbs above it through xcomp/conj links (same clause family)."""
    current = token
    yield current
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        current = current.head
        yield current


def governing_light_verb(
    noun: Token, light_verbs: frozenset[str], lemma: Callable[[Token], str] = base_lemma
) -> Token | None:
    """The verb that carries an event noun as its object: "held talks" -> held. ``lemma``
    reads the verb's lemma (the coder passes one that corrects the model's: "staged")."""
    head = noun.head
    if noun.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and lemma(head) in light_verbs:
        return head
    return None


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (or the sentence root)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def governs(trigger: Token, token: Token) -> bool:
    """Does the token (a time expression's head, say) belong to the trigger's own clause?

    "Russia on Wednesday turned down …": yes. "invited China to attend a meeting scheduled
    for Friday": Friday belongs to "scheduled", not to "invited".
    """
    own = {t.i for t in clause_chain(clause_head(trigger))}
    return clause_head(token).i in own


ATTENDANCE_PREPS = frozenset({"during", "after", "before", "following", "on", "at", "ahead",
                              "in"})


def attending_subjects(noun: Token) -> list[Token]:
    """Who took part in an event noun that only sets the time of another act: "Kerry spoke
    after a meeting with Lavrov" -> Kerry; "Blinken said during a visit to Morocco" -> Blinken."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ATTENDANCE_PREPS or prep.head.i == prep.i:
        return []
    # the clause above the preposition, also where the phrase hangs on a noun ("spoke at a
    # press conference after a meeting") or the parser calls the preposition a verb ("following")
    verb = clause_head(prep.head)
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return []
    return logical_subjects(verb)


BEHEST_PREPS = frozenset({"at", "on", "upon"})
BEHEST_NOUNS = frozenset({"request", "invitation", "behest", "urging", "insistence"})


def behest_addressees(noun: Token) -> list[Token]:
    """Whom a request or invitation in a circumstance phrase was made to: the subject of the
    clause it explains ("At Washington's request, Israel agreed ..." -> Israel; "NATO met at
    Turkey's request" -> NATO). Empty unless the noun is such a phrase."""
    prep = noun.head
    if (noun.dep_ != "pobj" or noun.lemma_.lower() not in BEHEST_NOUNS
            or prep.lower_ not in BEHEST_PREPS or prep.head.i == prep.i):
        return []
    verb = clause_head(prep.head)
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return logical_subjects(verb)


def reported_speaker(pronoun: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The speaker a pronoun subject of reported speech refers to: "Baku said it had seized
    ..." -> Baku; "Cairo said it would send ..." -> Cairo."""
    if pronoun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return None
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in speech_verbs:
        return None
    speakers = [s for s in logical_subjects(clause.head) if s.pos_ != "PRON"]
    return speakers[0] if speakers else None


PLURAL_PRONOUNS = frozenset({"they", "we"})


def reported_speakers(pronoun: Token, speech_verbs: frozenset[str]) -> list[Token]:
    """All speakers a plural pronoun refers to: "Obama and Putin said they will ..." -> both."""
    speaker = reported_speaker(pronoun, speech_verbs)
    if speaker is None:
        return []
    if pronoun.lower_ not in PLURAL_PRONOUNS:
        return [speaker]
    return expand_conjuncts(speaker)


DEICTIC_PLACES = frozenset({"there", "here"})


def deictic_place(token: Token) -> bool:
    """Does the trigger's clause name its place only by "there"/"here"?"""
    anchors = [token, token.head] if token.pos_ == "NOUN" else [token]
    return any(c.lower_ in DEICTIC_PLACES and c.dep_ == "advmod"
               for a in anchors for c in a.children)
