"""Coreference by rule within one article: who "he", "we", "the alliance", "the two leaders" are.

A deterministic sieve in the manner of Lee et al. (2013), most precise pass first, adapted to
event actors (see ../shared/guides/LINKING.md and docs/events.md, "Coreference"):

1. speaker: I / we / our / us inside a quotation are its speaker;
2. descriptions: "the alliance", "the bloc", "the council", "the group" are the nearest earlier
   actor of that kind (``data/actors/coreference.tsv``); "the two leaders", "both sides" are the
   last two parties named together;
3. pronouns: he / she / it / they and their possessives take the most salient earlier actor
   that agrees in number and kind (person or not) in the same sentence or the two before -
   subjects over objects over the rest, recent over distant (Lappin and Leass 1994) - and only
   when one candidate clearly wins. A pronoun never looks across a quotation boundary.

``Coreference`` wraps the article's actor resolver and answers the same questions; a resolved
actor keeps the words of the sentence as ``text`` and names its antecedent in ``resolved_from``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc, Token

from newsevents.config import DATA_DIR, Settings
from newsevents.datafiles import load_table
from newsevents.events import syntax
from newsevents.models import Actor
from newsevents.nlp.paragraphs import doc_text
from newsevents.nlp.paragraphs import sentences as sentences_of

QUOTE_RE = re.compile(r"[\"“„«]([^\"“”„«»]{10,}?)[\"”»]")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
MENTION_DEPS = frozenset({
    "nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "ROOT",
    "npadvmod", "agent", "oprd",
})
ROLE_SALIENCE = {"nsubj": 80, "nsubjpass": 70, "dobj": 50, "dative": 50, "poss": 40}
OTHER_ROLE_SALIENCE = 40
SENTENCE_DECAY = (100, 50, 25)  # same sentence, one before, two before
CLEAR_MARGIN = 1.3  # the winner's score must beat the runner-up's (another code) by this factor
DESCRIPTION_WINDOW = 6  # sentences back that "the alliance" may refer to
GUESSED_WINDOW = 1  # "the government": another country's, if the sentence before names one
SETTING_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})
PAIR_WINDOW = 3  # sentences back that "the two leaders" may refer to
PAIR_WORDS = frozenset({"two", "both"})
CAPITAL_WORDS = frozenset({"capital"})


class BaseResolver(Protocol):
    """The article's actor resolver (``newsevents.actors.ArticleActors``)."""

    def resolve(self, token: Token) -> Actor | None: ...

    def place(self, token: Token) -> tuple[str, str | None] | None: ...

    def context_actor(self) -> Actor | None: ...

    def country_mentions(self, start: int, end: int) -> list[tuple[int, str]]: ...

    def ranked_countries(self) -> list[tuple[str, int]]: ...

    def is_city(self, token: Token) -> bool: ...


@dataclass(frozen=True, slots=True)
class Description:
    """A word that refers back to an actor of a kind: "alliance" -> codes NATO; "council" ->
    any actor whose name contains the word; "president" -> a person ("he", "she")."""

    word: str
    kind: str  # "person", "body" or "pair"
    codes: frozenset[str]
    sectors: frozenset[str]
    states: bool = False  # the antecedent must be a state named as such ("the country")


STATE = "state"  # antecedent value: a country named as one


@lru_cache(maxsize=1)
def descriptions() -> dict[str, tuple[Description, ...]]:
    """``data/actors/coreference.tsv``: word, kind, codes and sectors an antecedent may have."""
    path = DATA_DIR / "actors" / "coreference.tsv"
    table = load_table(path, ("word", "kind"))
    found: dict[str, tuple[Description, ...]] = {}
    for _, row in table.rows:
        values = [v for v in row["antecedent"].split("|") if v]
        sectors = frozenset(v.split(":", 1)[1] for v in values if v.startswith("sector:"))
        codes = frozenset(v for v in values if not v.startswith("sector:") and v != STATE)
        entry = Description(row["word"], row["kind"], codes, sectors, STATE in values)
        found[row["word"]] = (*found.get(row["word"], ()), entry)
    return found


@dataclass(frozen=True, slots=True)
class Mention:
    token: Token
    actor: Actor
    sentence: int
    quote: int  # index of the quotation it stands in, -1 outside quotations
    person: bool
    plural: bool


PASSES = Settings().coref_passes  # speaker, description, pair, pronoun


class Coreference:
    """Actor resolution with the article's coreference: wraps the base resolver. ``passes``
    chooses the sieve's passes (all by default; the benchmarks measure each one)."""

    def __init__(self, doc: Doc, base: BaseResolver, passes: frozenset[str] = PASSES) -> None:
        self.doc = doc
        self.base = base
        self.passes = passes
        text = doc_text(doc)
        self._quotes = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
        self._speakers: list[Actor | None] = [None] * len(self._quotes)
        self._starts = [s.start for s in sentences_of(doc)]
        self._mentions: dict[int, list[Mention]] = {}
        self._cache: dict[int, list[Actor]] = {}

    # --- the resolver protocol ------------------------------------------------------------

    def resolve(self, token: Token) -> Actor | None:
        found = self.group(token)
        return found[0] if found else None

    def place(self, token: Token) -> tuple[str, str | None] | None:
        """The base resolver's place; "the capital" is the capital of the country the
        sentence or the one before names last, else of the article's country."""
        found = self.base.place(token)
        if found is not None or token.lemma_.lower() not in CAPITAL_WORDS or not _definite(token):
            return found
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return None  # "the capital of Chad" is read by the base resolver, or not at all
        sentence = self.sentence_of(token.i)
        start = self._starts[max(0, sentence - 1)]
        countries = self.base.country_mentions(start, token.i)
        code = countries[-1][1] if countries else None
        context = self.base.context_actor()
        code = code or (context.code if context is not None else None)
        return (token.text, code) if code else None

    def context_actor(self) -> Actor | None:
        return self.base.context_actor()

    def country_mentions(self, start: int, end: int) -> list[tuple[int, str]]:
        return self.base.country_mentions(start, end)

    def ranked_countries(self) -> list[tuple[str, int]]:
        return self.base.ranked_countries()

    def is_city(self, token: Token) -> bool:
        return self.base.is_city(token)

    def set_speakers(self, speakers: Sequence[tuple[int, Actor]]) -> None:
        """Speakers of direct quotations, as (quotation start offset, actor), for pass 1."""
        for start, actor in speakers:
            index = self.quote_at(start)
            if index >= 0:
                self._speakers[index] = actor
        self._cache.clear()

    # --- the sieve ------------------------------------------------------------------------

    def group(self, token: Token) -> list[Actor]:
        """Every actor the phrase headed by ``token`` refers to: one, two ("the two
        leaders") or none."""
        if token.i not in self._cache:
            self._cache[token.i] = self._group(token)
        return self._cache[token.i]

    def _group(self, token: Token) -> list[Actor]:
        own = self.base.resolve(token)
        if own is not None and own.code and not self._guessed(token):
            members = getattr(self.base, "members", None)  # a group of states: each member
            return (members(token) if members is not None else []) or [own]
        lower = token.lower_
        if lower in FIRST_PERSON:
            return self._speaker(token) if "speaker" in self.passes else []
        if lower in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            found = self._pronoun(token) if "pronoun" in self.passes else None
            return [found] if found else []
        if token.pos_ == "NOUN" and _definite(token):
            return self._description(token, own)
        return [own] if own is not None else []

    def _guessed(self, token: Token) -> bool:
        """Did the base resolver only guess the code from the article's main country ("the
        government", "the army")? Then an antecedent named nearby wins."""
        explain = getattr(self.base, "explain", None)
        resolution = explain(token) if explain is not None else None
        return (resolution is not None and resolution.evidence == "context"
                and "description" in self.passes and token.pos_ == "NOUN" and _definite(token))

    def _speaker(self, token: Token) -> list[Actor]:
        quote = self.quote_at(token.idx)
        speaker = self._speakers[quote] if quote >= 0 else None
        return [_as(token, speaker)] if speaker is not None else []

    def _pronoun(self, token: Token) -> Actor | None:
        lower = token.lower_
        person, plural = lower in PERSON_PRONOUNS, lower in PLURAL_PRONOUNS
        quote, sentence = self.quote_at(token.idx), self.sentence_of(token.i)
        ahead = self._cataphor(token, person, plural)
        if ahead is not None:
            return _as(token, ahead.actor)
        scored: dict[str | None, tuple[int, Mention]] = {}
        for mention in self.mentions(token, len(SENTENCE_DECAY) - 1):
            distance = sentence - mention.sentence
            if mention.token.i >= token.i or distance >= len(SENTENCE_DECAY):
                continue
            if mention.quote != quote or mention.person != person or mention.plural != plural:
                continue
            if _setting(mention.token):
                continue  # "Outside Benghazi, the advance was stopped in its tracks"
            if mention.token.i in {t.i for t in token.head.subtree} and token.dep_ == "poss":
                continue  # "its forces" never refers to "forces"
            if token.dep_ != "poss" and _clause_mates(mention.token, token):
                continue  # "Russia opposed it": a pronoun is free in its own clause
            score = SENTENCE_DECAY[distance] + ROLE_SALIENCE.get(
                mention.token.dep_, OTHER_ROLE_SALIENCE)
            best = scored.get(mention.actor.code)
            if best is None or score >= best[0]:
                scored[mention.actor.code] = (score, mention)
        ranked = sorted(scored.values(), key=lambda pair: (-pair[0], -pair[1].token.i))
        if not ranked or (len(ranked) > 1 and ranked[0][0] < CLEAR_MARGIN * ranked[1][0]):
            return None
        return _as(token, ranked[0][1].actor)

    def _cataphor(self, token: Token, person: bool, plural: bool) -> Mention | None:
        """A possessive in a phrase fronted before its clause's subject refers to that
        subject: "During his visit, Ban asked ..." -> Ban."""
        if token.dep_ != "poss":
            return None
        verb = syntax.clause_head(token)
        subjects = {s.i for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")}
        if not subjects or min(subjects) < token.i:
            return None
        return next((m for m in self.mentions(token) if m.token.i in subjects
                     and m.person == person and m.plural == plural), None)

    def _description(self, token: Token, own: Actor | None) -> list[Actor]:
        kinds = {d.kind: d for d in descriptions().get(token.lemma_.lower(), ())}
        if "pair" in kinds and "pair" in self.passes and any(
                c.lower_ in PAIR_WORDS for c in token.children):
            pair = self._last_pair(token)
            return [_as(token, a, own) for a in pair] if pair else ([own] if own else [])
        entry = kinds.get("body")
        if entry is None or "description" not in self.passes or token.tag_ == "NNS":
            # "the bloc" is one body; "the countries" are no single antecedent
            return [own] if own is not None else []
        sentence = self.sentence_of(token.i)
        window = GUESSED_WINDOW if own is not None and own.code else DESCRIPTION_WINDOW
        for mention in reversed(self.mentions(token, window)):
            if mention.token.i >= token.i or sentence - mention.sentence > window:
                continue
            if not _fits(entry, mention.actor) or _setting(mention.token):
                continue
            if entry.states and not self.base.country_mentions(mention.token.i,
                                                               mention.token.i + 1):
                continue  # "the country": a state named as one, not a body of several
            return [_as(token, mention.actor, own)]
        return [own] if own is not None else []

    def _last_pair(self, token: Token) -> list[Actor] | None:
        """The last two parties named together ("X and Y", "X ... with Y"), subjects first:
        in "X and Y postponed talks on Libya and Syria, where the two countries ..." they are
        X and Y. Places named as settings or topics are no pair."""
        sentence = self.sentence_of(token.i)
        pairs: list[tuple[bool, list[Actor]]] = []
        for mention in reversed(self.mentions(token, PAIR_WINDOW)):
            if mention.token.i >= token.i or sentence - mention.sentence > PAIR_WINDOW:
                continue
            if mention.token.dep_ == "pobj":
                continue
            partners = [c for c in mention.token.children if c.dep_ == "conj"]
            partners += [g for c in mention.token.head.children if c.lower_ == "with"
                         and mention.token.dep_ == "nsubj" for g in c.children if g.dep_ == "pobj"]
            for partner in partners:
                other = self.base.resolve(partner)
                if other is not None and other.code and other.code != mention.actor.code:
                    subject = mention.token.dep_ in ("nsubj", "nsubjpass")
                    pairs.append((subject, [mention.actor, other]))
        subjects = [pair for subject, pair in pairs if subject]
        return (subjects or [pair for _, pair in pairs] or [None])[0]

    # --- the article's mentions -----------------------------------------------------------

    def mentions(self, token: Token | None = None, window: int = 0) -> list[Mention]:
        """Coded actor phrases in text order: those of ``token``'s sentence and the
        ``window`` sentences before it, or of the whole article. Each sentence's mentions are
        resolved once, when first asked for (most sentences never are)."""
        last = self.sentence_of(token.i) if token is not None else len(self._starts) - 1
        first = max(0, last - window) if token is not None else 0
        return [m for n in range(first, last + 1) for m in self._sentence_mentions(n)]

    def _sentence_mentions(self, n: int) -> list[Mention]:
        if n not in self._mentions:
            end = self._starts[n + 1] if n + 1 < len(self._starts) else len(self.doc)
            found = []
            for token in self.doc[self._starts[n]:end]:
                if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in MENTION_DEPS:
                    continue
                actor = self.base.resolve(token)
                if actor is None or not actor.code:
                    continue
                person = _is_person(token) and self.base.place(token) is None  # "Luhansk"
                found.append(Mention(token, actor, n, self.quote_at(token.idx), person,
                                     _is_plural(token)))
            self._mentions[n] = found
        return self._mentions[n]

    def sentence_of(self, i: int) -> int:
        return bisect_right(self._starts, i) - 1

    def quote_at(self, offset: int) -> int:
        """Index of the quotation that contains the character offset, else -1."""
        return next((n for n, (start, end) in enumerate(self._quotes)
                     if start <= offset < end), -1)


def _clause_mates(mention: Token, pronoun: Token) -> bool:
    """Are both arguments of one verb (Binding Principle B: "X opposed it" is not X)?"""
    def verb_of(token: Token) -> Token:
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return syntax.clause_head(token)
    return verb_of(mention).i == verb_of(pronoun).i


def _setting(token: Token) -> bool:
    """A place named as a setting ("met in Cairo") is no antecedent for "the government"."""
    return token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPS


def _definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "predet", "nummod") and c.lower_ in ("the", "this", "both", "two")
               for c in token.children)


def _fits(entry: Description, actor: Actor) -> bool:
    if entry.states:
        return actor.code is not None  # whether it was named as a state is checked by the caller
    if entry.codes or entry.sectors:
        return actor.code in entry.codes or actor.sector in entry.sectors
    names = f"{actor.name or ''} {actor.text}".lower()
    return entry.word in names


def _is_person(token: Token) -> bool:
    if token.ent_type_ == "PERSON":
        return True
    kinds = {d.kind for d in descriptions().get(token.lemma_.lower(), ())}
    return token.pos_ == "NOUN" and "person" in kinds and not _is_plural(token)


def _is_plural(token: Token) -> bool:
    return "Plur" in token.morph.get("Number") or any(c.dep_ == "conj" for c in token.children)


def _as(token: Token, antecedent: Actor, own: Actor | None = None) -> Actor:
    """The antecedent's codes under the words of this sentence; a description's own sector
    ("the alliance's forces") wins over the antecedent's."""
    sector = own.sector if own is not None and own.sector else antecedent.sector
    phrase = token.doc[token.left_edge.i : token.i + 1].text  # "the alliance", "the two leaders"
    text = token.text if token.pos_ == "PRON" else (own.text if own else phrase)
    return replace(antecedent, text=text, sector=sector,
                   resolved_from=antecedent.resolved_from or antecedent.text)
