"""Match runs of tokens against the knowledge base, the caller's known actors and the actors
learned from the article so far: exact lookups of the longest n-gram first, then a fuzzy match
for an unknown person's name ("Serdyukov" ~ "Serdiukov")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.tokens import Token

from newsevents.actors.entries import EntryKind, KBEntry
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.normalize import normalize_name
from newsevents.actors.phrase import CLOSED_POS, HYPHENS
from newsevents.nlp.paragraphs import tokens_text

MAX_NGRAM = 6
FUZZY_CUTOFF = 88.0
FUZZY_MIN_LETTERS = 5


@dataclass(frozen=True, slots=True)
class Match:
    """Tokens ``start``..``end`` (exclusive) of the doc name ``entry``."""

    entry: KBEntry
    start: int
    end: int
    text: str

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end

    def distance(self, token: Token) -> int:
        if self.covers(token):
            return 0
        return min(abs(self.start - token.i), abs(self.end - 1 - token.i))


class Matcher:
    """Lookups for one article: learned names first, then the caller's, then the KB."""

    def __init__(self, kb: KnowledgeBase, known: Mapping[str, KBEntry], on: dt.date | None):
        self.kb = kb
        self.on = on
        self.known = _normalised(known)
        self.learned: dict[str, KBEntry] = {}
        self._first_words = {key.split(" ", 1)[0] for key in self.known}  # and learned ones
        # phrases are read again and again (as a head, as a side of another head, by the
        # coreference sieve); names are only ever added, so the table's size keys the caches
        self._segments: dict[tuple[int, tuple[int, ...]], list[Match]] = {}
        self._fuzzy: dict[tuple[int, str], KBEntry | None] = {}

    def learn(self, names: Sequence[str], entry: KBEntry) -> None:
        for name in names:
            key = normalize_name(name)
            if key:
                self.learned.setdefault(key, entry)
                self._first_words.add(key.split(" ", 1)[0])

    def lookup_text(self, text: str) -> KBEntry | None:
        key = normalize_name(text)
        if not key:
            return None
        return self.learned.get(key) or self.known.get(key) or self.kb.lookup(text, self.on)

    def lookup_tokens(self, tokens: Sequence[Token]) -> KBEntry | None:
        """The entry these tokens name, trying the last word's lemma too ("ministers")."""
        if tokens[0].text in HYPHENS or tokens[-1].text in HYPHENS:
            return None
        first, last = tokens[0], tokens[-1]
        entry = self.lookup_text(tokens_text(first, last))
        inflected = last.pos_ == "NOUN" and last.lemma_ and last.lemma_.lower() != last.lower_
        if entry is None and inflected:
            before = tokens_text(first, tokens[-2]) if len(tokens) > 1 else ""
            entry = self.lookup_text(before + " " + last.lemma_)
        if entry is None or not _fits(entry, tokens):
            return None
        return entry

    def segment(self, run: Sequence[Token]) -> list[Match]:
        """Greedy longest-first matching of a run of adjacent tokens."""
        key = (len(self.learned), tuple(t.i for t in run))
        if key not in self._segments:
            self._segments[key] = self._segment(run)
        return self._segments[key]

    def _segment(self, run: Sequence[Token]) -> list[Match]:
        matches, i = [], 0
        while i < len(run):
            match = None if self.kb.is_honorific(run[i].text) else self._longest_at(run, i)
            if match is None:
                i += 1
                continue
            matches.append(match)
            i += match.end - match.start
        return self._without_partial_names(run, matches)

    def _without_partial_names(self, run: Sequence[Token], matches: list[Match]) -> list[Match]:
        """Drop a surname match after an unknown given name: "Alia Brahimi" is not Lakhdar
        Brahimi, "Saif al-Islam Gaddafi" is not Muammar (the fuzzy match may still find them)."""
        covered = {i for m in matches for i in range(m.start, m.end)}
        in_run = {t.i for t in run}

        def unknown_given_name(i: int) -> bool:
            token = run[0].doc[i]
            return (i in in_run and i not in covered and token.pos_ == "PROPN"
                    and not self.kb.is_honorific(token.text))

        return [m for m in matches
                if m.entry.kind is not EntryKind.PERSON or not unknown_given_name(m.start - 1)]

    def fuzzy(self, text: str) -> KBEntry | None:
        """A person or learned actor whose name is spelled almost like ``text``."""
        cached = (len(self.learned), text)
        if cached not in self._fuzzy:
            self._fuzzy[cached] = self._fuzzy_lookup(text)
        return self._fuzzy[cached]

    def _fuzzy_lookup(self, text: str) -> KBEntry | None:
        key = normalize_name(text)
        if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
            return None
        ours = [*self.learned, *self.known]  # before the knowledge base's: first of equals
        hit = process.extractOne(key, ours, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        person = self.kb.closest_person(key, FUZZY_CUTOFF)
        if person is not None and (hit is None or person[1] > hit[1]):
            hit = person
        if hit is None or not _spelling_variant(key, hit[0]):
            return None
        return self.lookup_text(hit[0])

    def fuzzy_head(
        self, head: Token, core: Sequence[Token], matches: Sequence[Match]
    ) -> Match | None:
        """For an unmatched proper-noun head: its name, or its last word, matched fuzzily."""
        if head.pos_ != "PROPN" or any(m.covers(head) for m in matches):
            return None
        name = name_around(head, core, matches, self.kb)
        for candidate in (name, [head]):
            entry = self.fuzzy(_text(candidate)) if candidate else None
            if entry is not None:
                return Match(entry, candidate[0].i, candidate[-1].i + 1, _text(candidate))
        return None

    def _may_start_name(self, token: Token) -> bool:
        """Can a name begin with this token? Not when neither its word nor its lemma is the
        first word of any name (a token that folds to nothing or "the" always may)."""
        for form in (token.text, token.lemma_ or token.text):
            key = normalize_name(form)
            first = key.split(" ", 1)[0]
            if not key or key == "the" or first in self._first_words:
                return True
            if first in self.kb.first_words():
                return True
        return False

    def _longest_at(self, run: Sequence[Token], i: int) -> Match | None:
        if not self._may_start_name(run[i]):
            return None
        for n in range(min(MAX_NGRAM, len(run) - i), 0, -1):
            entry = self.lookup_tokens(run[i : i + n])
            if entry is not None:
                tokens = run[i : i + n]
                return Match(entry, tokens[0].i, tokens[-1].i + 1, _text(tokens))
        return None


def name_around(
    head: Token, core: Sequence[Token], matches: Sequence[Match], kb: KnowledgeBase
) -> list[Token]:
    """The proper-noun tokens around ``head`` that no match explains, without honorifics."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    indices = {t.i for t in core}
    doc = head.doc

    def part_of_name(i: int) -> bool:
        token = doc[i]
        is_word = token.pos_ == "PROPN" or token.text in HYPHENS
        return i in indices and i not in covered and is_word and not kb.is_honorific(token.text)

    start = end = head.i
    while start - 1 >= 0 and part_of_name(start - 1):
        start -= 1
    while end + 1 < len(doc) and part_of_name(end + 1):
        end += 1
    tokens = [doc[i] for i in range(start, end + 1)]
    while tokens and tokens[0].text in HYPHENS:
        tokens.pop(0)
    return tokens


def _spelling_variant(a: str, b: str) -> bool:
    """Close spellings of one name start alike; "Saleh" is not a short "Salehi"."""
    return a[0] == b[0] and not a.startswith(b) and not b.startswith(a)


def _fits(entry: KBEntry, tokens: Sequence[Token]) -> bool:
    """Names need a capitalised word ("Turkey", not "turkey"); no entry is only function words."""
    if all(t.pos_ in CLOSED_POS for t in tokens):
        return False
    if entry.kind is EntryKind.SECTOR:
        return True
    return any(t.text[:1].isupper() for t in tokens)


def _normalised(known: Mapping[str, KBEntry]) -> dict[str, KBEntry]:
    table: dict[str, KBEntry] = {}
    for name, entry in known.items():
        for alias in (name, entry.name, *entry.aliases):
            key = normalize_name(alias)
            if key:
                table.setdefault(key, entry)
    return table


def _text(tokens: Sequence[Token]) -> str:
    return tokens_text(tokens[0], tokens[-1]) if tokens else ""
