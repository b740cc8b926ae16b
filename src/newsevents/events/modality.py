"""Modality of a trigger: negated, hypothetical, planned, demanded.

The coder asks three questions of each trigger (docs/events.md, section 3): is it negated
("did not attend", "refused to"), is it only hypothetical ("could impose", "if they attack",
"hopes to visit"), and is it a stated plan ("will meet", "plans to visit", "said it would
send") - a plan is coded as types.tsv asks in its `future` column. Reported obligation ("said
Libya must hand over ...") and appeals to all sides are read here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from spacy.tokens import Token

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table
from newsevents.events import syntax

MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# "would" after a past speech verb is the future of reported speech ("said it would send"),
# not a condition - unless the clause names one ("would send ... if ...").
REPORTED_FUTURE_AUX = frozenset({"would", "'d"})
# Modals of obligation: "X must / should do Z" reported from a speaker is a demand on X.
DEONTIC_MODALS = frozenset({"must", "should", "ought"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Verbs and adjectives of intention and plan: what they embed is a stated plan, coded as
# types.tsv asks in its `future` column ("plans to visit" -> AGREE, "wants to attack" ->
# THREATEN), not a hypothesis.
PLAN_VERBS = frozenset(
    {"plan", "intend", "want", "prepare", "seek", "aim", "ready", "willing", "decide",
     "determined", "determine", "commit", "committed", "set", "schedule", "due", "about",
     "eager", "resolve", "mean"}
)
# Verbs and adjectives that leave the embedded act open: hoped for, expected by others,
# weighed. (Attempts - "tried to hack" - are acts, and offers, threats and promises are
# triggers of their own that subsume what they embed.)
OPEN_VERBS = frozenset({"hope", "expect", "consider", "wish", "likely", "unlikely", "possible"})
NEGATING_VERBS = frozenset({"fail", "refuse", "decline", "deny"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})


def is_negated(token: Token) -> bool:
    for node in syntax.clause_chain(token):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.i != token.i and node.lemma_ in NEGATING_VERBS:
            return True
    if token.pos_ == "NOUN":
        return any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in token.children)
    return False


ABILITY_MODALS = frozenset({"can", "ca"})  # spaCy splits "can't" into "ca" + "n't"


def cannot(token: Token) -> bool:
    """A plain "cannot" ("we cannot back the deal"): a refusal stated now, not a hypothesis
    (unless a condition comes with it)."""
    if _conditional(token):
        return False
    for node in syntax.clause_chain(token):
        modals = [c for c in node.children if c.dep_ == "aux" and c.lower_ in MODALS]
        if modals:
            return (all(m.lower_ in ABILITY_MODALS for m in modals)
                    and any(c.dep_ == "neg" for c in node.children))
    return False


def _has_modal(node: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in node.children)


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
               for node in syntax.clause_chain(token) for c in node.children)


def reported_clause(node: Token, speech_verbs: frozenset[str]) -> bool:
    """Is the clause (through conjuncts) the complement of a speech verb? "said it would ..."."""
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in speech_verbs


def _reported_future(node: Token, speech_verbs: frozenset[str]) -> bool:
    return _has_modal(node, REPORTED_FUTURE_AUX) and reported_clause(node, speech_verbs)


def is_hypothetical(token: Token, speech_verbs: frozenset[str] = frozenset(),
                    lemma: Callable[[Token], str] = syntax.base_lemma) -> bool:
    """Modal, conditional or merely hoped for: "could impose", "if they attack", "hopes to
    visit". "said it would send" is reported future, not a hypothesis (see is_future)."""
    if _conditional(token) or _unrealised_infinitive(token):
        return True
    for node in syntax.clause_chain(token):
        modals = MODALS - REPORTED_FUTURE_AUX if _reported_future(node, speech_verbs) else MODALS
        if _has_modal(node, modals):
            return True
    return any(_word_in(g, OPEN_VERBS, lemma) for g in governing_verbs(token))


PURPOSE_NOUNS = frozenset({"aim", "goal", "plan", "purpose", "idea", "intention", "objective",
                           "task", "mission", "priority", "hope", "ambition", "target"})


def _unrealised_infinitive(verb: Token) -> bool:
    """An infinitive that completes a noun or a copula names a purpose or plan, not a fact:
    "plans to annex", "a framework for Syria to destroy its arsenal", "a coalition to support
    the government", "the aim is to get the troops to withdraw"."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if verb.pos_ != "VERB" or not syntax.is_infinitive(node):
        return False
    if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
        return True
    if node.dep_ in ("xcomp", "ccomp", "advcl") and node.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in PURPOSE_NOUNS
                   for c in node.head.children)  # not "X is to meet Y": a plan of X's
    if node.dep_ in ("ccomp", "xcomp") and _word_in(node.head, PLAN_VERBS | OPEN_VERBS) and any(
            c.dep_ == "nsubj" for c in node.children):
        return True  # "Obama wants Putin to attack": a wish for another's act
    return node.dep_ == "xcomp" and node.head.pos_ == "VERB" and _unrealised_infinitive(node.head)


def is_future(token: Token, speech_verbs: frozenset[str] = frozenset(),
              lemma: Callable[[Token], str] = syntax.base_lemma) -> bool:
    """A stated plan: "will meet", "is to meet", "plans to visit", "is ready to sign",
    "said it would send"."""
    for node in syntax.clause_chain(token):
        if _has_modal(node, FUTURE_AUX) or _reported_future(node, speech_verbs):
            return True
    return any(g.lemma_ == "be" or _word_in(g, PLAN_VERBS, lemma) for g in governing_verbs(token))


def governing_verbs(token: Token) -> Iterator[Token]:
    """Words that embed the trigger as an open complement ("plans to visit" -> plans, "is
    ready to sign" -> ready), through coordination, but not a coordinated sibling itself
    ("prepared its forces and attacked": attacked is no plan)."""
    current = token
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        if current.dep_ == "xcomp":
            yield current.head
        current = current.head


def _word_in(token: Token, words: frozenset[str],
             lemma: Callable[[Token], str] = syntax.base_lemma) -> bool:
    return lemma(token) in words or token.lower_ in words


def complement_subjects(verb: Token) -> list[Token]:
    """The subjects of a finite complement clause, those of an obligation first: "said Libya
    must hand over ..." -> Libya; "demanded that the government resign" -> government."""
    clauses = complement_clauses(verb)
    clauses.sort(key=lambda c: not _obligation(c))
    return [s for c in clauses[:1] for s in c.children
            if s.dep_ in syntax.SUBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS]


SIDES = frozenset({"side", "party", "faction", "belligerent"})
ALL_WORDS = frozenset({"all", "both", "each", "two", "every"})


def addresses_all_sides(verb: Token) -> bool:
    """Is an appeal addressed to every side of a conflict ("urged all sides", "called on both
    parties", "said all parties should ...")? PLOVER codes such calls as AGREE."""
    addressees = [*syntax.direct(verb, syntax.OBJECT_DEPS), *complement_subjects(verb)]
    addressees += [g for _, g in syntax.prep_objects(verb, frozenset({"on", "upon"}))]
    return any(a.lemma_.lower() in SIDES and any(c.lower_ in ALL_WORDS for c in a.children)
               for a in addressees)


TERMS_PREPS = frozenset({"under", "according"})
DUTY_NOUNS = frozenset({"duty", "obligation", "responsibility"})


def _obligation(clause: Token) -> bool:
    """A clause of obligation laid on its subject by the speaker ("Syria must leave"), not the
    terms of a deal reported ("under the agreement, inspectors must be on the ground")."""
    duty = clause.lemma_ == "have" and any(  # "said Russia had a duty to influence them"
        c.dep_ == "dobj" and c.lemma_.lower() in DUTY_NOUNS for c in clause.children)
    return (_has_modal(clause, DEONTIC_MODALS) or duty) and not any(
        c.dep_ == "prep" and c.lower_ in TERMS_PREPS for c in clause.children)


def complement_kinds(verb: Token) -> set[str]:
    """Which complements the verb takes: 'to' (infinitive), 'that' (finite clause) and 'must'
    (a finite clause of obligation: "said X must leave", "insisted that Y should pay")."""
    kinds = set()
    for child in verb.children:
        infinitive = child.dep_ in ("ccomp", "advcl") and syntax.is_infinitive(child)
        if child.dep_ == "xcomp" or infinitive:
            kinds.add("to")
    for clause in complement_clauses(verb):
        kinds.add("that")
        if _obligation(clause):
            kinds.add("must")
    return kinds


def complement_clauses(verb: Token) -> list[Token]:
    """The verb's finite complement clauses, also one coordinated with another ("said the vote
    would be postponed and that the speaker should draw up a new plan")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not syntax.is_infinitive(c)]
    clauses += [g for c in clauses for g in c.children
                if g.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that"
                                            for m in g.children)]
    return clauses


JUDGED_DEPS = frozenset({"oprd", "acomp", "attr", "xcomp"})


JUDGEMENT_KINDS = frozenset({"negative", "wrongdoing", "threat", "violence"})


@lru_cache(maxsize=1)
def _judgements() -> dict[str, frozenset[str]]:
    path = DATA_DIR / "events" / "judgements.tsv"
    table = load_table(path, ("word", "kind"))
    found: dict[str, set[str]] = {kind: set() for kind in JUDGEMENT_KINDS}
    for number, row in table.rows:
        if row["kind"] not in JUDGEMENT_KINDS or not row["word"]:
            raise table.fail(number, f"kind must be one of {sorted(JUDGEMENT_KINDS)}")
        found[row["kind"]].add(row["word"].lower())
    return {kind: frozenset(words) for kind, words in found.items()}


def judgement_words(kind: str = "negative") -> frozenset[str]:
    """Words of one kind from ``data/events/judgements.tsv``: "negative" (words of negative
    political judgement), "wrongdoing" (verbs naming a wrong), "threat" (what an act will
    bring on: "consequences", "retaliation")."""
    return _judgements()[kind]


def judged_negative(verb: Token) -> bool:
    """Does the verb call something by a word of negative judgement? "called the move
    regrettable", "branded the vote a sham", "described X as illegitimate", "said the arrival
    was illegal" (a copular complement clause, not negated)."""
    heads = [c for c in verb.children if c.dep_ in JUDGED_DEPS]
    objects = syntax.direct(verb, syntax.OBJECT_DEPS)
    heads += objects[1:]  # "branded X a sham"
    heads += [c for o in objects[:1] for c in o.children if c.dep_ == "appos"]  # misparse
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
        if not any(g.dep_ == "neg" for g in clause.children):
            heads += [g for g in clause.children if g.dep_ in ("acomp", "attr")]
    return any(_judgement(h) for h in heads) or _split_word(heads)


def _split_word(heads: list[Token]) -> bool:
    """A hyphenated judgement the parser split into sibling words ("counter", "-",
    "productive")."""
    tokens = sorted(heads, key=lambda t: t.i)
    joined = "".join(t.text_with_ws for t in tokens).lower().replace(" - ", "-")
    contiguous = all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:]))
    return contiguous and len(tokens) > 1 and joined.strip() in judgement_words()


def _judgement(head: Token) -> bool:
    words = judgement_words()
    modifiers = [c for c in head.children if c.dep_ in ("amod", "compound")]
    phrase = " ".join(t.lower_ for t in sorted([head, *modifiers], key=lambda t: t.i))
    phrase = phrase.replace(" - ", "-")  # spaCy splits "counter-productive" into three words
    return (head.lemma_.lower() in words or head.lower_ in words
            or any(m.lower_ in words for m in modifiers)
            or any(w in phrase for w in words if " " in w or "-" in w))


def reports_wrongdoing(verb: Token, kind: str = "wrongdoing") -> bool:
    """Does the verb report, as a fact, that someone did wrong? "said Russia violated its
    airspace", "insisted the militants had plotted another attack": an allegation (PLOVER
    ACCUSE). Not when the wrong is denied, conditional or only possible ("said X could
    violate", "said X never breached"), nor an obligation ("said X must not violate")."""
    words = judgement_words(kind)
    for clause in complement_clauses(verb):
        for node in (clause, *(c for c in clause.children if c.dep_ == "conj")):
            if syntax.base_lemma(node) not in words and node.lower_ not in words:
                continue
            if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS)
                   for c in node.children):
                continue
            if not _conditional(node):
                return True
    return False


def warns_of_consequences(verb: Token) -> bool:
    """Does the verb's complement clause promise what an act will bring on? "warned there would
    be serious consequences", "said any attack would be met with a swift response", "warned:
    'this will have consequences'" - a threat (PLOVER THREATEN). Not when the clause denies it
    ("there would be no retaliation")."""
    words = judgement_words("threat")
    clauses = complement_clauses(verb) + [c for c in verb.children if c.dep_ == "parataxis"]
    for clause in clauses:
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        for token in clause.subtree:
            if token.pos_ in ("NOUN", "ADJ") and (
                    token.lemma_.lower() in words or token.lower_ in words):
                if not any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS
                           for c in token.children):
                    return True
    return False
