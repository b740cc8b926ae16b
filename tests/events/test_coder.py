"""The coder's party rules on real parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from newsevents.actors import load_knowledge_base
from newsevents.models import Article
from newsevents.pipeline import code_article

pytestmark = pytest.mark.model


def coded(nlp, text: str):
    return code_article(nlp(text), Article(id="t", text=text), load_knowledge_base()).events


def codes(parties) -> set[str]:
    return {a.code for a in parties}


@pytest.mark.parametrize(
    ("sentence", "event_type", "actors", "recipients"),
    [
        # reported speech: a pronoun subject is the speaker
        ("Kenya said on Monday it had arrested two Somali smugglers.", "COERCE", {"KEN"}, {"SOM"}),
        # a visit that only sets the time of another act is the subject's
        ("The Chinese foreign minister spoke to reporters during a visit to Brazil.",
         "CONSULT", {"CHN"}, {"BRA"}),
        # nominal predicate: "X is a critic of Y"
        ("Norway has long been a critic of Iran's nuclear programme.", "ACCUSE", {"NOR"}, {"IRN"}),
        # "X is ready to ...": the subject of the copula
        ("Colombia is ready to restore diplomatic ties with Venezuela.",
         "SUPPORT", {"COL"}, {"VEN"}),
        # the agent inside a condemned event noun is the target of the condemnation
        ("Ghana condemned an attack by Malian soldiers on a border post.",
         "ACCUSE", {"GHA"}, {"MLI"}),
        # a material act with no named target is aimed at the country where it happens
        ("Ethiopian troops shelled a market in Somalia on Friday.", "ASSAULT", {"ETH"}, {"SOM"}),
        # "called to" + infinitive is an appeal
        ("The Kenyan foreign minister has called to halt the Sudanese civil war.",
         "REQUEST", {"KEN"}, {"SDN"}),
        # talks in a third country: that country hosts them
        ("Armenia and Azerbaijan held talks in Moscow.", "CONSULT", {"ARM", "AZE"}, {"RUS"}),
        # a named actor inside a modifier of the object: "an African Union plan"
        ("The rebels rejected an African Union plan for Mali.", "REJECT", {"MLI"}, {"AFU"}),
    ],
)
def test_coder_parties(nlp, sentence, event_type, actors, recipients):
    events = [e for e in coded(nlp, sentence) if e.type == event_type]
    assert events, f"no {event_type} in {[(e.type, e.trigger) for e in coded(nlp, sentence)]}"
    event = events[0]
    assert codes(event.actors) == actors
    assert codes(event.recipients) & recipients


@pytest.mark.parametrize(
    "sentence",
    [
        "The internationally recognised government met in Tripoli.",  # participle, no SUPPORT
        "Diplomats welcomed and praised each other.",  # no actor with a code
    ],
)
def test_coder_codes_no_support_from_adjectival_participles(nlp, sentence):
    assert not [e for e in coded(nlp, sentence) if e.type == "SUPPORT"]


def test_coder_joint_welcome_is_not_mutual(nlp):
    """Welcoming is not reciprocal: coordinated subjects are not each other's recipients."""
    events = coded(nlp, "Chile and Peru welcomed the resumption of ties with Bolivia.")
    support = next(e for e in events if e.type == "SUPPORT")
    assert codes(support.recipients) == {"BOL"}
