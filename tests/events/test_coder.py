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
        # "X is ready to ...": the subject of the copula; a stated readiness is a plan (AGREE)
        ("Colombia is ready to restore diplomatic ties with Venezuela.",
         "AGREE", {"COL"}, {"VEN"}),
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
        # reported "would" is the future of reported speech: a plan to aid is AGREE
        ("Kenya said it would provide aid to Somalia.", "AGREE", {"KEN"}, {"SOM"}),
        # a stated intention to attack is a threat
        ("Serbia intends to attack Kosovo.", "THREATEN", {"SRB"}, {"XKX"}),
        # a reported obligation is a demand on the complement's subject
        ("Norway said Iran must release the sailors.", "REQUEST", {"NOR"}, {"IRN"}),
        # a body placed by a where-phrase takes that country
        ("Security forces in Niger arrested two Malian traders.", "COERCE", {"NER"}, {"MLI"}),
        # coordinated country modifiers: each country's activists; "staged" read as "stage"
        ("French and German activists staged a protest in Moscow.",
         "PROTEST", {"FRA", "DEU"}, {"RUS"}),
        # a passive attack takes the owner of the act it happened in
        ("Two Syrian soldiers were killed in Turkish shelling.", "ASSAULT", {"TUR"}, {"SYR"}),
        # no perpetrator named: the country where the victims were attacked
        ("Three French soldiers were killed in Mali on Sunday.", "ASSAULT", {"MLI"}, {"FRA"}),
        # a reflexive possessive binds the victims to the subject's country
        ("The Syrian army shelled its own population, Turkey said.", "ASSAULT", {"SYR"}, {"SYR"}),
        # a plural pronoun after speech refers to all the speakers
        ("Chile and Peru said they would sign a trade pact.", "AGREE", {"CHL", "PER"}, {"PER"}),
        # a list of names misparsed as an apposition with conjuncts
        ("Kenya, Uganda, and Tanzania met on Monday.", "CONSULT", {"KEN", "UGA", "TZA"}, {"KEN"}),
        # "is opposed to": a stative passive whose subject opposes
        ("Poland is opposed to the Russian proposal.", "REJECT", {"POL"}, {"RUS"}),
        # a passive raising verb passes its subject down: "is scheduled to visit"
        ("Obama is scheduled to visit Kenya next week.", "AGREE", {"USA"}, {"KEN"}),
        ("Somali gunmen engaged Kenyan troops in a firefight.", "ASSAULT", {"SOM"}, {"KEN"}),
        ("A court in Peru issued an arrest warrant for a Chilean businessman.",
         "COERCE", {"PER"}, {"CHL"}),
        # a passive conjunct shares the subject of its head verb
        ("Two Iranian soldiers were detained and later released by Kuwait.",
         "RETREAT", {"KWT"}, {"IRN"}),
        # a measure's "of" phrase names what is given
        ("Japan provided 500 tons of food to Haiti.", "AID", {"JPN"}, {"HTI"}),
        # an implicit target: the place in the trigger's own phrase, not the actor's country
        ("Kenya called for an end to the violence in Somalia.", "REQUEST", {"KEN"}, {"SOM"}),
        # ... else another country the sentence names before the actor's own again
        ("Kenya's parliament met in Nairobi on Monday. The Kenyan president reiterated Kenya's "
         "stand on the Somali crisis and pressed for a peaceful solution.",
         "REQUEST", {"KEN"}, {"SOM"}),
        # a group with no country acts where its clause places it, not in the article's country
        ("Kenya said rebel fighters attacked Mogadishu on Monday. Kenya's foreign ministry "
         "condemned the raid.", "ASSAULT", {"SOM"}, {"SOM"}),
        ("Kenya said protesters stormed the Kenyan embassy in the city of Mogadishu. Kenya "
         "condemned the riot.", "PROTEST", {"SOM"}, {"KEN"}),
        # a vote for a document is aimed at the body that adopts it
        ("Kenya voted for the Security Council resolution.", "SUPPORT", {"KEN"}, {"UNO"}),
        ("The UN Security Council met on Friday. Kenya supported the text.",
         "SUPPORT", {"KEN"}, {"UNO"}),
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


@pytest.mark.parametrize(
    ("sentence", "event_type", "cameo"),
    [
        # a stated refusal of a cooperative act is a REJECT that happened
        ("Egypt said it would not attend the summit in Rome.", "REJECT", "125"),
        # an appeal to all sides of a conflict is a call for settlement
        ("Brazil urged both sides to respect the truce.", "AGREE", "030"),
        ("The Arab League called for an immediate ceasefire in Yemen.", "AGREE", "030"),
        # a plan to protest is a threat to protest
        ("Greek farmers said they would blockade the port of Piraeus.", "THREATEN", "133"),
    ],
)
def test_coder_modality_types(nlp, sentence, event_type, cameo):
    events = [e for e in coded(nlp, sentence) if not e.negated and not e.hypothetical]
    assert (event_type, cameo) in {(e.type, e.cameo) for e in events}, \
        [(e.type, e.cameo, e.trigger) for e in coded(nlp, sentence)]


def test_coder_deal_terms_are_no_demand(nlp):
    """"under the deal, X must ..." reports an agreement's terms, not the speaker's demand."""
    text = "Kerry said that under the deal, Syria must hand over its chemical weapons."
    assert not [e for e in coded(nlp, text) if e.type == "REQUEST"]


def test_coder_topic_of_talks_is_no_party(nlp):
    events = coded(nlp, "Chilean and Peruvian diplomats held consultations on Bolivia in Lima.")
    talks = next(e for e in events if e.type == "CONSULT")
    assert "BOL" not in codes(talks.actors) | codes(talks.recipients)


def test_coder_abstract_force_is_no_military(nlp):
    """"the use of force" names no army: no military recipient of the article's country."""
    events = coded(nlp, "Kenya expressed concern over the excessive use of force.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert not [a for a in accuse.recipients if a.sector == "MIL"]
