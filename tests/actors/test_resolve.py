"""ArticleActors on hand-built Docs: codes, sectors, names, learning and places, no model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from newsevents.actors import ArticleActors, EntryKind, KBEntry, KnowledgeBase, LearnedActor
from newsevents.models import Actor

from tests.actors.conftest import token_of

Parse = Callable[[str], Doc]

RUSSIAN_MINISTRY = (
    "The/DET/det/3 Russian/ADJ/amod/3/NORP foreign/ADJ/amod/3 ministry/NOUN/nsubj/4 "
    "said/VERB/ROOT/4 Moscow/PROPN/nsubj/6/GPE opposed/VERB/ccomp/4 the/DET/det/8 "
    "strikes/NOUN/dobj/6 ./PUNCT/punct/4"
)
LIBYA = "Libya/PROPN/nsubj/1/GPE burned/VERB/ROOT/1"

CASES = [
    # (hand-built sentence(s), head word, expected code, expected sector)
    (RUSSIAN_MINISTRY, "ministry", "RUS", "GOV"),
    (RUSSIAN_MINISTRY, "Moscow", "RUS", "GOV"),
    ("Russia/PROPN/nsubj/1/GPE objected/VERB/ROOT/1", "Russia", "RUS", "GOV"),
    ("Top/ADJ/amod/2 Libyan/ADJ/amod/2/NORP rebels/NOUN/nsubj/3 met/VERB/ROOT/3",
     "rebels", "LBY", "REB"),
    ("the/DET/det/1 head/NOUN/nsubj/5 of/ADP/prep/1 the/DET/det/4 Pentagon/PROPN/pobj/2/FAC "
     "said/VERB/ROOT/5", "head", "USA", "GOV"),
    ("US/PROPN/compound/1/GPE President/PROPN/compound/3 Barack/PROPN/compound/3/PERSON "
     "Obama/PROPN/nsubj/4/PERSON called/VERB/ROOT/4", "Obama", "USA", "GOV"),
    ("Obama/PROPN/nsubj/1/PERSON called/VERB/ROOT/1 his/PRON/poss/4 Russian/ADJ/amod/4/NORP "
     "counterpart/NOUN/dobj/1 Dmitry/PROPN/compound/6/PERSON Medvedev/PROPN/appos/4/PERSON",
     "counterpart", "RUS", "GOV"),
    ("Ban/PROPN/compound/3/PERSON Ki/PROPN/compound/3/PERSON -/PUNCT/punct/3/PERSON "
     "moon/PROPN/nsubj/4/PERSON urged/VERB/ROOT/4", "moon", "UNO", "GOV"),
    ("Ban/PROPN/nsubj/1/PERSON urged/VERB/ROOT/1", "Ban", "UNO", "GOV"),
    ("government/NOUN/compound/1 troops/NOUN/nsubj/5 loyal/ADJ/amod/1 to/ADP/prep/2 "
     "Gaddafi/PROPN/pobj/3/PERSON attacked/VERB/ROOT/5", "troops", "LBY", "MIL"),
    ("Former/ADJ/amod/1 president/NOUN/compound/3 Jacques/PROPN/compound/3/PERSON "
     "Chirac/PROPN/nsubj/4/PERSON spoke/VERB/ROOT/4", "Chirac", "FRA", "ELI"),
    ("NATO/PROPN/compound/1/ORG warplanes/NOUN/nsubj/2 struck/VERB/ROOT/2",
     "warplanes", "NATO", "MIL"),
    ("the/DET/det/1 Kremlin/PROPN/nsubj/2/FAC denied/VERB/ROOT/2", "Kremlin", "RUS", "GOV"),
    ("Russians/PROPN/nsubj/1/NORP voted/VERB/ROOT/1", "Russians", "RUS", None),
    ("Haftar/PROPN/poss/2/PERSON 's/PART/case/0 spokesman/NOUN/nsubj/3 said/VERB/ROOT/3",
     "spokesman", "LBY", "MIL"),
    ("the/DET/det/4 UN/PROPN/npadvmod/3/ORG -/PUNCT/punct/3 backed/VERB/amod/4 "
     f"government/NOUN/nsubj/5 said/VERB/ROOT/5 || {LIBYA}", "government", "LBY", "GOV"),
    (f"dozens/NOUN/nsubj/3 of/ADP/prep/0 protesters/NOUN/pobj/1 gathered/VERB/ROOT/3 || {LIBYA}",
     "dozens", "LBY", "CVL"),
    (f"a/DET/det/1 spokesman/NOUN/nsubj/2 said/VERB/ROOT/2 || {LIBYA}", "spokesman", None, "GOV"),
    ("Brussels/PROPN/nsubj/1/GPE warned/VERB/ROOT/1", "Brussels", "EUR", "GOV"),
    ("Reuters/PROPN/nsubj/1/ORG reported/VERB/ROOT/1", "Reuters", None, None),
]


@pytest.mark.parametrize(("spec", "word", "code", "sector"), CASES)
def test_resolve_codes_phrase(
    parsed: Parse, kb: KnowledgeBase, spec: str, word: str, code: str | None, sector: str | None
) -> None:
    doc = parsed(spec)
    actor = ArticleActors.build(doc, kb).resolve(token_of(doc, word))
    assert actor is not None
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize(
    ("spec", "word"),
    [
        ("He/PRON/nsubj/1 said/VERB/ROOT/1", "He"),
        ("Libya/PROPN/poss/2/GPE 's/PART/case/0 crisis/NOUN/nsubj/3 deepened/VERB/ROOT/3",
         "crisis"),
        ("the/DET/det/1 move/NOUN/nsubj/2 failed/VERB/ROOT/2", "move"),
        ("Monday/PROPN/npadvmod/1/DATE passed/VERB/ROOT/1", "Monday"),
    ],
)
def test_resolve_non_actors_is_none(parsed: Parse, kb: KnowledgeBase, spec: str, word: str) -> None:
    doc = parsed(spec)
    assert ArticleActors.build(doc, kb).resolve(token_of(doc, word)) is None


def test_resolve_gives_phrase_text_and_canonical_name(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(RUSSIAN_MINISTRY)
    actors = ArticleActors.build(doc, kb)
    assert actors.resolve(token_of(doc, "ministry")) == Actor(
        "The Russian foreign ministry", "RUS", "GOV", "Russia foreign ministry"
    )
    assert actors.resolve(token_of(doc, "Moscow")) == Actor("Moscow", "RUS", "GOV", "Russia")


def test_explain_rates_article_country_fallback_lower(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(f"rebels/NOUN/nsubj/1 advanced/VERB/ROOT/1 || {LIBYA} || "
                 "Libyan/ADJ/amod/1/NORP rebels/NOUN/nsubj/2 advanced/VERB/ROOT/2")
    actors = ArticleActors.build(doc, kb)
    bare = actors.explain(token_of(doc, "rebels"))
    named = actors.explain(token_of(doc, "rebels", 1))
    assert bare is not None and named is not None
    assert (bare.actor.code, bare.evidence) == ("LBY", "context")
    assert (named.actor.code, named.evidence) == ("LBY", "phrase")
    assert bare.confidence < named.confidence


def test_dominant_country_needs_a_plurality(parsed: Parse, kb: KnowledgeBase) -> None:
    tie = parsed(f"{LIBYA} || Russia/PROPN/nsubj/1/GPE burned/VERB/ROOT/1")
    assert ArticleActors.build(tie, kb).dominant_country is None
    lead = parsed(f"{LIBYA} || Tripoli/PROPN/nsubj/1/GPE burned/VERB/ROOT/1 || "
                  "Russia/PROPN/nsubj/1/GPE burned/VERB/ROOT/1")
    assert ArticleActors.build(lead, kb).dominant_country == "LBY"


GHOGA = (
    "Libyan/ADJ/amod/1/NORP rebels/NOUN/nsubj/2 advanced/VERB/ROOT/2 || "
    "Rebel/NOUN/compound/1 spokesman/NOUN/compound/4 Abdel/PROPN/compound/4/PERSON "
    "Hafiz/PROPN/compound/4/PERSON Ghoga/PROPN/nsubj/5/PERSON said/VERB/ROOT/5 || "
    "Mr/PROPN/compound/1 Ghoga/PROPN/nsubj/2/PERSON left/VERB/ROOT/2 || "
    "Ghouga/PROPN/nsubj/1/PERSON returned/VERB/ROOT/1"
)


def test_build_learns_a_person_from_context(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(GHOGA)
    actors = ArticleActors.build(doc, kb)
    assert actors.learned() == [
        LearnedActor("Abdel Hafiz Ghoga", ("Ghoga",), "LBY", "REB", EntryKind.PERSON, 0.5)
    ]


@pytest.mark.parametrize(("word", "nth"), [("Ghoga", 0), ("Ghoga", 1), ("Ghouga", 0)])
def test_resolve_uses_learned_names_and_variants(
    parsed: Parse, kb: KnowledgeBase, word: str, nth: int
) -> None:
    doc = parsed(GHOGA)
    actor = ArticleActors.build(doc, kb).resolve(token_of(doc, word, nth))
    assert actor is not None
    assert (actor.code, actor.sector, actor.name) == ("LBY", "REB", "Abdel Hafiz Ghoga")


def test_build_learns_an_organisation_and_its_acronym(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(
        "Libya/PROPN/poss/3/GPE 's/PART/case/0 new/ADJ/amod/3 Government/PROPN/nsubj/10/ORG "
        "of/ADP/prep/3/ORG National/PROPN/compound/6/ORG Salvation/PROPN/pobj/4/ORG "
        "(/PUNCT/punct/6 GNS/PROPN/appos/6/ORG )/PUNCT/punct/6 met/VERB/ROOT/10 "
        "rivals/NOUN/dobj/10 || The/DET/det/1 GNS/PROPN/nsubj/2/ORG agreed/VERB/ROOT/2"
    )
    actors = ArticleActors.build(doc, kb)
    learned = actors.learned()
    assert [(a.name, a.aliases, a.code, a.sector) for a in learned] == [
        ("Government of National Salvation", ("GNS",), "LBY", "GOV")
    ]
    later = actors.resolve(token_of(doc, "GNS", 1))
    assert later is not None and (later.code, later.sector) == ("LBY", "GOV")


def test_build_takes_known_actors_from_earlier_articles(parsed: Parse, kb: KnowledgeBase) -> None:
    earlier = LearnedActor("Abdel Hafiz Ghoga", ("Ghoga",), "LBY", "REB")
    doc = parsed("Mr/PROPN/compound/1 Ghoga/PROPN/nsubj/2/PERSON said/VERB/ROOT/2")
    actors = ArticleActors.build(doc, kb, known={earlier.name: earlier.to_entry()})
    actor = actors.resolve(token_of(doc, "Ghoga"))
    assert actor is not None and (actor.code, actor.sector) == ("LBY", "REB")
    assert actors.learned() == []


@pytest.mark.parametrize(
    ("day", "sector"), [(dt.date(2010, 1, 1), "GOV"), (dt.date(2024, 1, 1), "ELI")]
)
def test_build_on_a_date_uses_that_days_office(
    parsed: Parse, kb: KnowledgeBase, day: dt.date, sector: str
) -> None:
    doc = parsed("Medvedev/PROPN/nsubj/1/PERSON said/VERB/ROOT/1")
    actor = ArticleActors.build(doc, kb, on=day).resolve(token_of(doc, "Medvedev"))
    assert actor is not None and (actor.code, actor.sector) == ("RUS", sector)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Serdjukov", "Anatoly Serdyukov"), ("Kadhaffi", "Muammar Gaddafi")],
)
def test_resolve_matches_spelling_variants_of_known_people(
    parsed: Parse, kb: KnowledgeBase, word: str, expected: str
) -> None:
    doc = parsed(f"{word}/PROPN/nsubj/1/PERSON said/VERB/ROOT/1")
    actor = ArticleActors.build(doc, kb).resolve(doc[0])
    assert actor is not None and actor.name == expected


def test_resolve_does_not_take_a_namesakes_office(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed("Alia/PROPN/compound/1/PERSON Brahimi/PROPN/nsubj/2/PERSON said/VERB/ROOT/2")
    actor = ArticleActors.build(doc, kb).resolve(token_of(doc, "Brahimi"))
    assert actor is not None and actor.code is None


@pytest.mark.parametrize(
    ("spec", "word", "expected"),
    [
        ("Clashes/NOUN/nsubj/1 erupted/VERB/ROOT/1 in/ADP/prep/1 Benghazi/PROPN/pobj/2/GPE",
         "Benghazi", ("Benghazi", "LBY")),
        ("talks/NOUN/nsubj/1 began/VERB/ROOT/1 in/ADP/prep/1 Brussels/PROPN/pobj/2/GPE",
         "Brussels", ("Brussels", "BEL")),
        ("talks/NOUN/nsubj/1 began/VERB/ROOT/1 in/ADP/prep/1 the/DET/det/4/GPE "
         "Libya/PROPN/pobj/2/GPE",
         "Libya", ("Libya", "LBY")),
        ("fighting/NOUN/nsubj/1 raged/VERB/ROOT/1 in/ADP/prep/1 Misrata/PROPN/pobj/2/ORG",
         "Misrata", ("Misrata", "LBY")),
        ("fighting/NOUN/nsubj/1 raged/VERB/ROOT/1 in/ADP/prep/1 Gotham/PROPN/pobj/2/GPE",
         "Gotham", ("Gotham", None)),
        ("fighting/NOUN/nsubj/1 raged/VERB/ROOT/1 in/ADP/prep/1 the/DET/det/4 "
         "Sahel/PROPN/pobj/2/LOC",
         "Sahel", ("Sahel", None)),
        ("Clashes/NOUN/nsubj/1 erupted/VERB/ROOT/1", "Clashes", None),
    ],
)
def test_place_gives_name_and_country(
    parsed: Parse, kb: KnowledgeBase, spec: str, word: str, expected: tuple | None
) -> None:
    doc = parsed(spec)
    assert ArticleActors.build(doc, kb).place(token_of(doc, word)) == expected


def test_resolve_caches_per_token(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(RUSSIAN_MINISTRY)
    actors = ArticleActors.build(doc, kb)
    token = token_of(doc, "ministry")
    assert actors.explain(token) is actors.explain(token)


def test_known_entry_kinds_round_trip(kb: KnowledgeBase) -> None:
    learned = LearnedActor("Government of National Salvation", ("GNS",), "LBY", "GOV",
                           EntryKind.ORGANIZATION)
    assert learned.to_entry() == KBEntry("LBY", "GOV", "Government of National Salvation",
                                         EntryKind.ORGANIZATION, aliases=("GNS",))
