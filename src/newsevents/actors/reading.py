"""How the knowledge-base matches of one noun phrase decide its actor code and sector.

Pure functions over a phrase's matches and its side phrases (possessives, appositions, of- and
where-phrases), used by ``resolve.ArticleActors``; see docs/actors.md for the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsevents.actors.entries import OFFICIAL_SECTORS, EntryKind, SectorRank
from newsevents.actors.matching import Match
from newsevents.actors.phrase import HYPHENS, NAME_LABELS, PARTITIVE_HEADS, lemma

_NAMED_KINDS = frozenset({EntryKind.COUNTRY, EntryKind.PLACE, EntryKind.ORGANIZATION})
REFERRING_DEPS = frozenset({"det", "poss", "nummod", "predet"})
# institutions are named bare ("approved by parliament", "Government says"); other body words
# read bare are mass nouns ("use of force", "firm opposition", "intelligence shows")
INSTITUTION_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What one phrase says: its code and sector and what decided them."""

    code: str | None
    sector: str | None
    own_name: str | None
    words: str
    code_from: str | None
    sector_from: str | None
    code_name: str | None = None  # the name of the entry that gave the code ("Group of Eight")


def denotes_actor(
    head: Token, entity: Span | None, head_match: Match | None, sides: list[tuple[str, Reading]]
) -> bool:
    """Whether the head names an actor: a KB name or actor word, a named entity, a quantity of
    actors ("dozens of rebels") or a noun in apposition to one. "Libya's crisis" is no actor."""
    if head_match is not None or (entity is not None and entity.label_ in NAME_LABELS):
        return True
    if head.pos_ == "NUM" or lemma(head) in PARTITIVE_HEADS:
        return any(relation == "of" for relation, _ in sides)
    return any(relation.startswith("appos") and r.code for relation, r in sides)


def mass_use(head: Token, entity: Span | None, head_match: Match | None,
             others: list[Match]) -> bool:
    """A body word used as a mass noun names no actor: "the use of force", "by force". A
    bare singular with no determiner, number, possessive or country word is read so."""
    if entity is not None or head_match is None or head_match.entry.kind is not EntryKind.SECTOR:
        return False
    entry = head_match.entry  # people and institutions: "spokesman said", "by parliament"
    if entry.sector in INSTITUTION_SECTORS or entry.rank is not SectorRank.BODY:
        return False
    if head.tag_ != "NN" or any(c.dep_ in REFERRING_DEPS for c in head.children):
        return False
    return not any(m.entry.code for m in others)


def is_body(head_match: Match | None, others: list[Match]) -> bool:
    """A kind of body with no country of its own in the phrase ("security forces", "students"),
    which a where-phrase may place ("in Guinea")."""
    if head_match is None or head_match.entry.kind is not EntryKind.SECTOR:
        return False
    if head_match.entry.rank is not SectorRank.BODY:
        return False
    return not any(m.entry.code for m in others)


def pick_code(
    head_match: Match | None, others: list[Match], sides: list[tuple[str, Reading]]
) -> tuple[str | None, str | None, str | None]:
    """(code, what gave it, the name of the entry that gave it)."""
    if head_match and head_match.entry.kind in _NAMED_KINDS and head_match.entry.code:
        return head_match.entry.code, "name", head_match.entry.name
    for relation, reading in sides:  # "its NATO ally the United States": the name says who
        if relation == "appos" and reading.code and reading.code_from == "name":
            return reading.code, "phrase", reading.code_name
    for match in others:
        if match.entry.code:
            return match.entry.code, "phrase", match.entry.name
    for _, reading in sides:
        if reading.code and reading.code_from != "context":
            return reading.code, "phrase", reading.code_name
    if head_match and head_match.entry.code:
        return head_match.entry.code, "person", None
    return None, None, None


def pick_sector(
    head_match: Match | None, others: list[Match], sides: list[tuple[str, Reading]]
) -> tuple[str | None, str | None]:
    core = ([head_match] if head_match else []) + others
    sector, source = _first_sector(core, SectorRank.BODY), "body"
    if sector is None and head_match and head_match.entry.kind is not EntryKind.SECTOR:
        sector, source = head_match.entry.sector, "name"
    if sector is None:
        head_is_role = head_match is not None and head_match.entry.rank is SectorRank.ROLE
        usable = (r for rel, r in sides if r.sector and (rel != "poss" or head_is_role))
        side = next(usable, None)
        if side is not None:  # a side phrase's role word stays a role word
            sector, source = side.sector, "role" if side.sector_from == "role" else "side"
    if sector is None:
        sector, source = _first_sector(core, SectorRank.ROLE), "role"
    former = any(m.entry.rank is SectorRank.STATUS for m in others)
    is_person = head_match is not None and head_match.entry.kind is EntryKind.PERSON
    if former and (sector in OFFICIAL_SECTORS or is_person):
        return "ELI", "status"
    return sector, source if sector else None


def _first_sector(matches: list[Match], rank: SectorRank) -> str | None:
    words = (m.entry for m in matches if m.entry.kind is EntryKind.SECTOR)
    return next((entry.sector for entry in words if entry.rank is rank), None)


ALLEGIANCE_PREFIXES = frozenset({"pro", "anti"})


def allegiance(doc: Doc, match: Match) -> bool:
    """A country named in "pro-Russian" or "anti-American" says whom a group sides with or
    against, not where it is from: "pro-Russian separatists" in Ukraine are Ukrainian."""
    i = match.start
    return (match.entry.kind is EntryKind.COUNTRY and i >= 2 and doc[i - 1].text in HYPHENS
            and doc[i - 2].lower_ in ALLEGIANCE_PREFIXES)


PLACE_PREPOSITIONS = frozenset({"to", "in", "from", "for", "at"})


def glued_place(entity: Span | None, match: Match) -> bool:
    """A country the parser glued to the front of a person's name after a preposition ("the
    US ambassador to Libya Chris Stevens", read as "[Libya Chris Stevens]"): the
    preposition's object, not the person's country."""
    if entity is None or entity.label_ != "PERSON" or match.entry.kind is not EntryKind.COUNTRY:
        return False
    if not (match.start == entity.start < match.end < entity.end or match.end == entity.start):
        return False
    return match.start > 0 and entity.doc[match.start - 1].lower_ in PLACE_PREPOSITIONS
