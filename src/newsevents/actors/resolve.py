"""The actor a noun phrase denotes, resolved inside one article.

``ArticleActors.build`` scans an article once: it finds the article's dominant country and
learns actors the text introduces ("rebel spokesman Abdel Hafiz Ghoga", "Libya's Government of
National Salvation (GNS)") so later mentions ("Mr Ghoga", "the GNS") resolve too. ``resolve``
then reads one phrase (see docs/actors.md for the rules):

* code: the phrase's own name if it is a country, place or organisation ("Moscow"); else the
  nearest country word in the phrase ("the *Russian* foreign ministry"); else a possessive,
  apposition or of/for phrase ("*Libya's* army", "the head *of the Pentagon*"); else a known
  person's office ("Ban Ki-moon" -> UNO); else, for a non-state group ("rebels",
  "protesters"), the country of a city its clause names ("overran *Tripoli*"); else, for a body
  word such as "rebels" or "government" with no country at all, the article's dominant
  country (lower confidence). A bare singular body word is a mass noun and no actor ("the use
  of *force*").
* sector: the body word nearest the head ("government *troops*" -> MIL, "*rebel* spokesman"
  -> REB); else the named actor's own sector (a country or capital is its government, GOV);
  else the side phrases'; else a role word ("spokesman" -> GOV); "former" makes officials ELI.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from newsevents.actors.entries import (
    EntryKind,
    KBEntry,
    LearnedActor,
    SectorRank,
)
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.learning import aliases_of, explained, learnable, name_tokens
from newsevents.actors.matching import Match, Matcher, name_around
from newsevents.actors.phrase import (
    NAME_LABELS,
    PARTITIVE_HEADS,
    PLACE_LABELS,
    core_tokens,
    is_definite,
    lemma,
    modifier_words,
    phrase_span,
    place_objects,
    runs,
    side_relations,
)
from newsevents.actors.reading import (
    Reading,
    allegiance,
    glued_place,
    denotes_actor,
    is_body,
    mass_use,
    pick_code,
    pick_sector,
)
from newsevents.models import Actor

CONFIDENCE = {"name": 0.9, "phrase": 0.85, "person": 0.8, "antecedent": 0.7, "place": 0.6,
              "context": 0.5}
ANTECEDENT_WINDOW = 400  # tokens back that a definite description may refer to
UNCODED_CONFIDENCE = 0.3
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "CVL", "LEG", "JUD", "PTY", "COP", "SPY"})
# Groups no state sends abroad: with no country of their own they belong where they act
# ("opposition fighters overran Tripoli" -> Libya), whatever country the article is about.
NON_STATE_SECTORS = frozenset({"REB", "OPP", "CVL"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj"})
MAX_SIDE_DEPTH = 3
_LEARNABLE_LABELS = frozenset({"PERSON", "ORG"})
_MENTION_LABELS = frozenset({"GPE", "NORP", "LOC"})
_NO_KNOWN: Mapping[str, KBEntry] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Resolution:
    """An actor with how sure we are and what decided its code.

    ``evidence`` is "name" (the phrase names a country, place or body), "phrase" (a country word
    or side phrase), "person" (a known person's office), "place" (a city or region the clause
    of a non-state group names), "context" (the article's dominant country) or "none" (no code).
    """

    actor: Actor
    confidence: float
    evidence: str
    source: str | None = None  # the knowledge-base name that gave the code, if one did



class ArticleActors:
    """Actor resolution for one parsed article; build with :meth:`build`."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, matcher: Matcher) -> None:
        self._doc = doc
        self._kb = kb
        self._matcher = matcher
        self._ents = tuple(doc.ents)  # Doc.ents rebuilds its spans on every access
        self._entities = {t.i: ent for ent in self._ents for t in ent}
        self._learned: list[LearnedActor] = []
        self._cache: dict[int, Resolution | None] = {}
        self._dominant: str | None = None
        self._nouns: dict[str, list[int]] | None = None
        self._places: list[tuple[int, int, int, str, str]] | None = None
        self._ranked: list[tuple[str, int]] | None = None

    @classmethod
    def build(
        cls,
        doc: Doc,
        kb: KnowledgeBase,
        known: Mapping[str, KBEntry] = _NO_KNOWN,
        on: dt.date | None = None,
    ) -> ArticleActors:
        """Scan ``doc`` once. ``known``: actors learned from earlier articles, by name;
        ``on``: the article's date, which picks the office a named person held that day."""
        actors = cls(doc, kb, Matcher(kb, known, on))
        actors._dominant = actors._dominant_country()
        for entity in actors._ents:
            if entity.label_ in _LEARNABLE_LABELS:
                actors._learn(entity)
        return actors

    @property
    def dominant_country(self) -> str | None:
        """The country the article mentions most (None on a tie or when it names none)."""
        return self._dominant

    def country_mentions(self, start: int, end: int) -> list[tuple[int, str]]:
        """(token index, country code) of every country or place named in tokens start..end,
        demonyms included ("Libyan"), in text order."""
        places = self._named_places()
        found = []
        for first, last, root, label, code in places[bisect_left(places, (start,)):]:
            if first >= end:
                break
            if last <= end and label in _MENTION_LABELS:
                found.append((root, code))
        return found

    def _named_places(self) -> list[tuple[int, int, int, str, str]]:
        """(start, end, root index, label, country code) of every entity that names a country
        or place, in text order; looked up once per article (a long page asks for them per
        sentence)."""
        if self._places is None:
            self._places = []
            for entity in self._ents:
                if entity.label_ not in _MENTION_LABELS and entity.label_ not in NAME_LABELS:
                    continue
                entry = self._kb.lookup(_entity_name(entity, self._kb))
                if entry and entry.kind in (EntryKind.COUNTRY, EntryKind.PLACE) and entry.code:
                    self._places.append((entity.start, entity.end, entity.root.i,
                                         entity.label_, entry.code))
        return self._places

    def context_actor(self) -> Actor | None:
        """The party an event leaves implicit ("the UN welcomed the truce"): the country the
        article is about, with no text of its own (see docs/events.md, implicit recipients)."""
        if self._dominant is None:
            return None
        return Actor(text="", code=self._dominant, sector=None,
                     name=self._kb.name_of(self._dominant) or self._dominant)

    def resolve(self, token: Token) -> Actor | None:
        """The actor of the noun phrase headed by ``token``; None for pronouns and non-actors."""
        resolution = self.explain(token)
        return resolution.actor if resolution else None

    def explain(self, token: Token) -> Resolution | None:
        """Like :meth:`resolve`, with the confidence and the evidence that decided the code."""
        if token.i not in self._cache:
            reading = self._read(token, depth=0, came_from=None)
            self._cache[token.i] = self._finish(token, reading) if reading else None
        return self._cache[token.i]

    def members(self, token: Token) -> list[Actor]:
        """The member states of the group the phrase names ("G7 leaders", "Western powers"),
        each with the phrase's words and sector (groups.tsv); empty for any other phrase."""
        resolution = self.explain(token)
        if resolution is None or resolution.source is None:
            return []
        actor = resolution.actor
        return [Actor(text=actor.text, code=code, sector=actor.sector,
                      name=self._kb.name_of(code) or code, resolved_from=resolution.source)
                for code in self._kb.members(resolution.source)]

    def learned(self) -> list[LearnedActor]:
        """Actors this article introduced, in order of first mention."""
        return list(self._learned)

    def place(self, token: Token) -> tuple[str, str | None] | None:
        """(place name, country code) of the GPE/LOC/FAC name ``token`` is part of."""
        text = self._place_text(token)
        entry = self._kb.lookup_place(text) if text else None
        if entry is not None:
            named = entry.kind is EntryKind.PLACE or not entry.code
            return (entry.name if named else self._kb.name_of(entry.code) or entry.name), entry.code
        entity = self._entities.get(token.i)
        if entity is not None and entity.label_ in PLACE_LABELS and text:
            return text, None
        return None

    def is_city(self, token: Token) -> bool:
        """Does ``token`` name a city or region (not a country)? "Vienna" in "Vienna talks"."""
        text = self._place_text(token)
        entry = self._kb.lookup_place(text) if text else None
        return entry is not None and entry.kind is EntryKind.PLACE

    def _place_text(self, token: Token) -> str:
        entity = self._entities.get(token.i)
        if entity is not None:
            return _entity_name(entity, self._kb)
        return token.text if token.pos_ == "PROPN" else ""

    # --- reading one phrase -------------------------------------------------------------

    def _read(self, head: Token, depth: int, came_from: int | None) -> Reading | None:
        if head.pos_ == "PRON" and lemma(head) not in PARTITIVE_HEADS:  # "some of the rebels"
            return None
        entity = self._entities.get(head.i)
        core = core_tokens(head, entity)
        matches = [m for run in runs(core) for m in self._matcher.segment(run)
                   if not allegiance(head.doc, m) and not glued_place(entity, m)]
        if any(m.entry.kind is EntryKind.SECTOR and m.entry.sector in NON_STATE_SECTORS
               for m in matches):  # "Western tribes": a direction, not the West's tribes
            matches = [m for m in matches if m.covers(head) or not self._kb.members(m.entry.name)]
        head_match = next((m for m in matches if m.covers(head)), None)
        head_match = head_match or self._matcher.fuzzy_head(head, core, matches)
        others = sorted(
            (m for m in matches if m is not head_match), key=lambda m: (m.distance(head), -m.start)
        )
        if mass_use(head, entity, head_match, others):
            return None
        sides = self._sides(head, depth, came_from)
        if not is_body(head_match, others):
            sides = [(rel, r) for rel, r in sides if rel != "where"]
        if not denotes_actor(head, entity, head_match, sides):
            return None
        code, code_from, code_name = pick_code(head_match, others, sides)
        sector, sector_from = pick_sector(head_match, others, sides)
        own = self._own_name(head, entity, head_match, core, matches, sides)
        words = " ".join(
            m.text.lower() for m in sorted(matches, key=lambda m: m.start)
            if m.entry.kind is EntryKind.SECTOR and m.entry.rank is not SectorRank.STATUS
        )
        return Reading(code, sector, own, words, code_from, sector_from, code_name)

    def _sides(
        self, head: Token, depth: int, came_from: int | None
    ) -> list[tuple[str, Reading]]:
        if depth >= MAX_SIDE_DEPTH:
            return []
        sides = []
        for relation, token in side_relations(head):
            if token.i != came_from:
                reading = self._read(token, depth + 1, came_from=head.i)
                if reading is not None:
                    sides.append((relation, reading))
        return sides

    def _own_name(
        self,
        head: Token,
        entity: Span | None,
        head_match: Match | None,
        core: list[Token],
        matches: list[Match],
        sides: list[tuple[str, Reading]],
    ) -> str | None:
        """The actor's own name when the phrase names it (not for "the foreign ministry")."""
        if head_match is not None and head_match.entry.kind is not EntryKind.SECTOR:
            entry = head_match.entry
            if entry.kind is EntryKind.PLACE and entry.sector == "GOV" and entry.code:
                return self._kb.name_of(entry.code) or entry.name  # "the Kremlin" -> Russia
            return entry.name
        if entity is not None and entity.label_ in _LEARNABLE_LABELS:
            return _entity_name(entity, self._kb) or None
        if head.pos_ == "PROPN":
            name = name_around(head, core, matches, self._kb)
            if name:
                return head.doc[name[0].i : name[-1].i + 1].text
        appositions = (r.own_name for rel, r in sides if rel.startswith("appos") and r.own_name)
        return next(appositions, None)

    def _finish(self, head: Token, reading: Reading) -> Resolution:
        code, code_from = reading.code, reading.code_from
        if code is None and reading.sector and is_definite(head):
            code = self._antecedent_code(head)
            code_from = "antecedent" if code else None
        if code is None and reading.sector in NON_STATE_SECTORS and _takes_article_country(reading):
            code = self._clause_place(head)
            code_from = "place" if code else None
        if code is None and self._dominant and _takes_article_country(reading):
            code, code_from = self._dominant, "context"
        source = reading.code_name if code == reading.code else None
        name = reading.own_name or self._composed_name(code, reading.words, source)
        actor = Actor(text=phrase_span(head).text, code=code, sector=reading.sector, name=name)
        confidence = CONFIDENCE.get(code_from or "", UNCODED_CONFIDENCE)
        return Resolution(actor, confidence, code_from or "none", source)

    def _antecedent_code(self, head: Token) -> str | None:
        """The code of the nearest earlier mention with the same head noun that has one, and
        whose words contain this description's own ("the Russian foreign ministry said … the
        foreign ministry said" -> RUS; "the Islamist-leaning government" does not refer back
        to "the UN-backed government")."""
        doc = head.doc
        description = modifier_words(head)
        earlier = [i for i in self._noun_positions().get(head.lemma_.lower(), ())
                   if head.i - ANTECEDENT_WINDOW <= i < head.i]
        for token in (doc[i] for i in reversed(earlier)):
            if not description <= {t.lower_ for t in token.subtree}:
                continue
            earlier = self.explain(token)
            if earlier is not None and earlier.actor.code and earlier.evidence != "context":
                return earlier.actor.code
        return None

    def _noun_positions(self) -> dict[str, list[int]]:
        """Token positions of every noun lemma in the article, built on first use."""
        if self._nouns is None:
            self._nouns = defaultdict(list)
            for token in self._doc:
                if token.pos_ in ("NOUN", "PROPN"):
                    self._nouns[token.lemma_.lower()].append(token.i)
        return self._nouns

    def _clause_place(self, head: Token) -> str | None:
        """The country of a city or region the clause of ``head`` names as its object or
        setting: "fighters overran *Tripoli*", "protesters gathered *in Benghazi*", "swarmed
        the consulate in the town of *Benghazi*"."""
        if head.dep_ not in ARGUMENT_DEPS or head.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = head.head
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i != head.i]
        places = objects + place_objects(verb)
        places += [p for o in objects for p in place_objects(o)]
        places += [obj for p in places for rel, obj in side_relations(p) if rel == "of"]
        for token in places:
            entity = self._entities.get(token.i)
            entry = self._kb.lookup_place(_entity_name(entity, self._kb)) if entity else None
            if entry is not None and entry.kind is EntryKind.PLACE and entry.code:
                return entry.code
        return None

    def _composed_name(self, code: str | None, words: str, source: str | None = None) -> str | None:
        """"Russia foreign ministry", "Group of Eight leaders": the name of what gave the code
        (a code such as IGO is shared by many bodies), then the phrase's actor words."""
        owner = (source or self._kb.name_of(code) or code) if code else None
        if owner and words:
            return f"{owner} {words}"
        return owner or words or None

    # --- article-level knowledge --------------------------------------------------------

    def _dominant_country(self) -> str | None:
        ranked = self.ranked_countries()[:2]
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def ranked_countries(self) -> list[tuple[str, int]]:
        """(country code, mentions) of the countries and places the article names, most
        mentioned first."""
        if self._ranked is None:
            counts = Counter(code for _, _, _, label, code in self._named_places()
                             if label in NAME_LABELS)
            self._ranked = counts.most_common()
        return list(self._ranked)

    def _learn(self, entity: Span) -> None:
        """Remember a PERSON/ORG name the KB does not know, with the actor its phrase gives."""
        tokens = name_tokens(entity, self._kb, self._matcher)
        if not learnable(tokens) or explained(tokens, self._matcher):
            return
        name = self._doc[tokens[0].i : tokens[-1].i + 1].text
        resolution = self.explain(entity.root)
        if resolution is None or resolution.actor.code is None:
            return
        kind = EntryKind.PERSON if entity.label_ == "PERSON" else EntryKind.ORGANIZATION
        aliases = aliases_of(entity, tokens, kind, self._matcher)
        actor = resolution.actor
        learned = LearnedActor(name, aliases, actor.code, actor.sector, kind, resolution.confidence)
        self._learned.append(learned)
        self._matcher.learn([name, *aliases], learned.to_entry())
        self._cache.clear()  # readings so far did not know the new name

def _takes_article_country(reading: Reading) -> bool:
    """A body word with no country ("rebels", "the government") belongs to the article's country."""
    return reading.sector in DOMESTIC_SECTORS and reading.sector_from in ("body", "side")


def _entity_name(entity: Span, kb: KnowledgeBase) -> str:
    """Entity text without a leading article or honorific and without a possessive 's."""
    tokens = [t for t in entity if t.tag_ != "POS"]
    while tokens and (tokens[0].pos_ == "DET" or kb.is_honorific(tokens[0].text)):
        tokens.pop(0)
    return entity.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ""
