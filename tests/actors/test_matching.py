"""The matcher's shortcuts must not change what it matches: a phrase is skipped only when its
first word begins no name, and names learned or known later open their first words."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsevents.actors import KnowledgeBase
from newsevents.actors.entries import EntryKind, KBEntry
from newsevents.actors.matching import Matcher

Parse = Callable[[str], Doc]
PHRASE = "the/DET/det/3 Qarabuli/PROPN/compound/2 Brigade/PROPN/compound/3 fighters/NOUN/ROOT/3"


def _entry(name: str) -> KBEntry:
    return KBEntry(name=name, kind=EntryKind.ORGANIZATION, code="LBY", sector="REB")


def test_a_word_that_begins_no_name_is_skipped_without_changing_matches(
    parsed: Parse, kb: KnowledgeBase
) -> None:
    doc = parsed(PHRASE)
    matcher = Matcher(kb, {}, None)
    assert "qarabuli" not in kb.first_words()
    assert not matcher._may_start_name(doc[1])
    found = [(m.start, m.end, m.entry.name) for m in matcher.segment(list(doc))]
    unhurried = Matcher(kb, {}, None)
    unhurried._may_start_name = lambda token: True  # type: ignore[method-assign]
    assert found == [(m.start, m.end, m.entry.name) for m in unhurried.segment(list(doc))]
    assert [start for start, _, _ in found] == [2, 3]  # "Brigade", "fighters"


def test_a_learned_name_opens_its_first_word(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(PHRASE)
    matcher = Matcher(kb, {}, None)
    matcher.segment(list(doc))
    matcher.learn(["Qarabuli Brigade"], _entry("Qarabuli Brigade"))
    assert [(m.start, m.end, m.entry.name) for m in matcher.segment(list(doc))] == [
        (0, 3, "Qarabuli Brigade"), (3, 4, "fighters")]  # "the" folds into the name


def test_a_known_actor_opens_its_first_word(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed(PHRASE)
    matcher = Matcher(kb, {"Qarabuli Brigade": _entry("Qarabuli Brigade")}, None)
    assert matcher.segment(list(doc))[0].entry.name == "Qarabuli Brigade"


def test_the_lemma_opens_a_word_too(parsed: Parse, kb: KnowledgeBase) -> None:
    doc = parsed("rebels/NOUN/ROOT/0")
    assert Matcher(kb, {}, None).segment(list(doc))[0].entry.kind is EntryKind.SECTOR
