"""Syntax questions on real parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from newsevents.events import modality, syntax

pytestmark = pytest.mark.model


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "verb", "subjects"),
    [
        ("Egypt rejected the plan on Monday.", "rejected", ["Egypt"]),
        ("The envoy was received by the Emir in Doha.", "received", ["Emir"]),
        ("Germany and France decided to postpone the summit.", "postpone", ["Germany"]),
        ("Kenya asked Uganda to withdraw its troops.", "withdraw", ["Uganda"]),
        ("Brazil met Chile and signed a trade pact.", "signed", ["Brazil"]),
        ("The army, which attacked the town, withdrew.", "attacked", ["army"]),
    ],
)
def test_logical_subjects_follow_voice_control_and_coordination(nlp, sentence, verb, subjects):
    doc = nlp(sentence)
    assert [t.text for t in syntax.logical_subjects(token(doc, verb))] == subjects


@pytest.mark.parametrize(
    ("sentence", "verb", "objects"),
    [
        ("Egypt rejected the plan.", "rejected", ["plan"]),
        ("The plan was rejected by Egypt.", "rejected", ["plan"]),
    ],
)
def test_logical_objects_undo_the_passive(nlp, sentence, verb, objects):
    doc = nlp(sentence)
    assert [t.text for t in syntax.logical_objects(token(doc, verb))] == objects


def test_coordination_expands_both_parties(nlp):
    doc = nlp("Turkey and Russia postponed the talks.")
    assert [t.text for t in syntax.expand_conjuncts(token(doc, "Turkey"))] == ["Turkey", "Russia"]


def test_along_with_joins_a_party(nlp):
    doc = nlp("Turkey invited China along with Russia to the meeting.")
    assert [t.text for t in syntax.coordinated_by_preposition(token(doc, "invited"))] == ["Russia"]


@pytest.mark.parametrize(
    ("sentence", "verb", "negated"),
    [
        ("Egypt did not attend the meeting.", "attend", True),
        ("Egypt attended the meeting.", "attended", False),
        ("Egypt failed to attend the meeting.", "attend", True),
    ],
)
def test_negation(nlp, sentence, verb, negated):
    assert modality.is_negated(token(nlp(sentence), verb)) is negated


@pytest.mark.parametrize(
    ("sentence", "verb", "hypothetical"),
    [
        ("The council could impose sanctions.", "impose", True),
        ("If the rebels attack the city, the army will respond.", "attack", True),
        ("Ghana plans to recognise the new government.", "recognise", False),  # a plan: future
        ("Ghana is expected to recognise the new government.", "recognise", True),
        ("The council imposed sanctions.", "imposed", False),
    ],
)
def test_hypothetical(nlp, sentence, verb, hypothetical):
    assert modality.is_hypothetical(token(nlp(sentence), verb)) is hypothetical


@pytest.mark.parametrize(
    ("sentence", "verb", "future"),
    [
        ("The president will meet the envoy.", "meet", True),
        ("The president is to meet the envoy.", "meet", True),
        ("The president met the envoy.", "met", False),
    ],
)
def test_future(nlp, sentence, verb, future):
    assert modality.is_future(token(nlp(sentence), verb)) is future


def test_light_verb_carries_event_noun(nlp):
    doc = nlp("Iran held talks with Oman.")
    verb = syntax.governing_light_verb(token(doc, "talks"), frozenset({"hold"}))
    assert verb is not None and verb.text == "held"
