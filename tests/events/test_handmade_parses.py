"""The coder's core constructions on Docs built by hand, so that no model update can break them.

Each parse is the correct one for its sentence (as en_core_web_sm 3.8 gives it, tidied where it
errs), written one token a row: word, POS, tag, dependency, head index, lemma and an optional
entity label. The other event tests run the real parser; these pin the rules themselves.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from newsevents.actors import load_knowledge_base
from newsevents.models import Article
from newsevents.pipeline import Extraction, code_article

VOCAB = spacy.blank("en").vocab


def parsed(text: str, table: str) -> Doc:
    """A Doc of ``text`` with the parse in ``table`` (see the module docstring); adjacent
    tokens with the same entity label form one entity."""
    rows = [line.split() for line in table.strip().splitlines()]
    words, spaces = get_words_and_spaces([row[0] for row in rows], text)
    assert words == [row[0] for row in rows], "the table's words are not the text's"
    labels = [row[6] if len(row) > 6 else "" for row in rows]
    ents = [_iob(label, labels[n - 1] if n else "") for n, label in enumerate(labels)]
    return Doc(VOCAB, words=words, spaces=spaces, pos=[row[1] for row in rows],
               tags=[row[2] for row in rows], deps=[row[3] for row in rows],
               heads=[int(row[4]) for row in rows], lemmas=[row[5] for row in rows], ents=ents)


def _iob(label: str, previous: str) -> str:
    if not label:
        return "O"
    return f"I-{label}" if previous == label else f"B-{label}"


def coded(text: str, table: str) -> Extraction:
    return code_article(parsed(text, table), Article(id="t", text=text), load_knowledge_base())


def codes(parties) -> set[str | None]:
    return {a.code for a in parties}


def summary(event) -> tuple:
    return event.type, codes(event.actors), codes(event.recipients)


SUBJECT_VERB_OBJECT = ("Syrian troops attacked Turkish soldiers in Iraq.", """
    Syrian    ADJ   JJ  amod  1 syrian  NORP
    troops    NOUN  NNS nsubj 2 troop
    attacked  VERB  VBD ROOT  2 attack
    Turkish   ADJ   JJ  amod  4 turkish NORP
    soldiers  NOUN  NNS dobj  2 soldier
    in        ADP   IN  prep  2 in
    Iraq      PROPN NNP pobj  5 Iraq    GPE
    .         PUNCT .   punct 2 .
""")
PASSIVE_WITH_AGENT = ("Two Turkish soldiers were killed by Syrian troops.", """
    Two       NUM   CD  nummod    2 two     CARDINAL
    Turkish   ADJ   JJ  amod      2 turkish NORP
    soldiers  NOUN  NNS nsubjpass 4 soldier
    were      AUX   VBD auxpass   4 be
    killed    VERB  VBN ROOT      4 kill
    by        ADP   IN  agent     4 by
    Syrian    ADJ   JJ  amod      7 syrian  NORP
    troops    NOUN  NNS pobj      5 troop
    .         PUNCT .   punct     4 .
""")
LED_BY_MODIFIER = ("Saudi-led air strikes hit Yemen on Monday.", """
    Saudi    PROPN NNP  npadvmod 2 Saudi  NORP
    -        PUNCT HYPH punct    2 -
    led      VERB  VBN  amod     4 lead
    air      NOUN  NN   compound 4 air
    strikes  NOUN  NNS  nsubj    5 strike
    hit      VERB  VBD  ROOT     5 hit
    Yemen    PROPN NNP  dobj     5 Yemen  GPE
    on       ADP   IN   prep     5 on
    Monday   PROPN NNP  pobj     7 Monday DATE
    .        PUNCT .    punct    5 .
""")
TALKS_BETWEEN = ("Talks between Armenia and Azerbaijan began in Moscow.", """
    Talks       NOUN  NNS nsubj 5 talk
    between     ADP   IN  prep  0 between
    Armenia     PROPN NNP pobj  1 Armenia    GPE
    and         CCONJ CC  cc    2 and
    Azerbaijan  PROPN NNP conj  2 Azerbaijan GPE
    began       VERB  VBD ROOT  5 begin
    in          ADP   IN  prep  5 in
    Moscow      PROPN NNP pobj  6 Moscow     GPE
    .           PUNCT .   punct 5 .
""")
COORDINATED_SUBJECTS = ("France and Germany condemned Russia.", """
    France     PROPN NNP nsubj 3 France  GPE
    and        CCONJ CC  cc    0 and
    Germany    PROPN NNP conj  0 Germany GPE
    condemned  VERB  VBD ROOT  3 condemn
    Russia     PROPN NNP dobj  3 Russia  GPE
    .          PUNCT .   punct 3 .
""")
POSSESSOR_OF_SUBJECT = ("Iran's army shelled Iraqi villages.", """
    Iran      PROPN NNP poss  2 Iran    GPE
    's        PART  POS case  0 's
    army      NOUN  NN  nsubj 3 army
    shelled   VERB  VBD ROOT  3 shell
    Iraqi     ADJ   JJ  amod  5 iraqi   NORP
    villages  NOUN  NNS dobj  3 village
    .         PUNCT .   punct 3 .
""")
OBJECT_CONTROL = ("Kenya asked Uganda to withdraw its troops.", """
    Kenya     PROPN NNP  nsubj 1 Kenya    GPE
    asked     VERB  VBD  ROOT  1 ask
    Uganda    PROPN NNP  dobj  1 Uganda   GPE
    to        PART  TO   aux   4 to
    withdraw  VERB  VB   xcomp 1 withdraw
    its       PRON  PRP$ poss  6 its
    troops    NOUN  NNS  dobj  4 troop
    .         PUNCT .    punct 1 .
""")
NEGATED = ("Egypt did not condemn Israel.", """
    Egypt    PROPN NNP nsubj 3 Egypt   GPE
    did      AUX   VBD aux   3 do
    not      PART  RB  neg   3 not
    condemn  VERB  VB  ROOT  3 condemn
    Israel   PROPN NNP dobj  3 Israel  GPE
    .        PUNCT .   punct 3 .
""")
AFFIRMED = ("Egypt condemned Israel.", """
    Egypt      PROPN NNP nsubj 1 Egypt   GPE
    condemned  VERB  VBD ROOT  1 condemn
    Israel     PROPN NNP dobj  1 Israel  GPE
    .          PUNCT .   punct 1 .
""")
QUOTED_SPEAKER = ('"We will impose sanctions on Belarus," the Lithuanian foreign ministry '
                  'said.', """
    "           PUNCT ``  punct 13 "
    We          PRON  PRP nsubj 3  we
    will        AUX   MD  aux   3  will
    impose      VERB  VB  ccomp 13 impose
    sanctions   NOUN  NNS dobj  3  sanction
    on          ADP   IN  prep  3  on
    Belarus     PROPN NNP pobj  5  Belarus    GPE
    ,           PUNCT ,   punct 13 ,
    "           PUNCT ''  punct 13 "
    the         DET   DT  det   12 the
    Lithuanian  ADJ   JJ  amod  12 lithuanian NORP
    foreign     ADJ   JJ  amod  12 foreign
    ministry    NOUN  NN  nsubj 13 ministry
    said        VERB  VBD ROOT  13 say
    .           PUNCT .   punct 13 .
""")


@pytest.mark.parametrize(
    ("parse", "event_type", "actors", "recipients"),
    [
        # the object is the target, not the country where it happened (the fallback)
        (SUBJECT_VERB_OBJECT, "ASSAULT", {"SYR"}, {"TUR"}),
        # the by-agent acts, the passive subject suffers
        (PASSIVE_WITH_AGENT, "ASSAULT", {"SYR"}, {"TUR"}),
        # "Saudi-led strikes": the leader of the act is its actor
        (LED_BY_MODIFIER, "ASSAULT", {"SAU"}, {"YEM"}),
        # "talks between X and Y": both sides meet
        (TALKS_BETWEEN, "CONSULT", {"ARM", "AZE"}, {"ARM", "AZE"}),
        (COORDINATED_SUBJECTS, "ACCUSE", {"FRA", "DEU"}, {"RUS"}),
        # "Iran's army": the possessor's country
        (POSSESSOR_OF_SUBJECT, "ASSAULT", {"IRN"}, {"IRQ"}),
        # "we" inside a quotation is its speaker
        (QUOTED_SPEAKER, "THREATEN", {"LTU"}, {"BLR"}),
    ],
    ids=["svo", "passive", "led-by", "talks-between", "coordination", "possessor", "quoted-we"],
)
def test_handmade_parse_parties(parse, event_type, actors, recipients):
    coded_events = [summary(e) for e in coded(*parse).events]
    found = [e for e in coded_events if e[0] == event_type]
    assert found[:1] == [(event_type, actors, recipients)], coded_events


def test_handmade_parse_object_control_is_one_request():
    """In "asked Uganda to withdraw" Uganda is asked; the withdrawal asked for is no event."""
    events = coded(*OBJECT_CONTROL).events
    assert [summary(e) for e in events] == [("REQUEST", {"KEN"}, {"UGA"})]


@pytest.mark.parametrize(("parse", "negated"), [(NEGATED, True), (AFFIRMED, False)],
                         ids=["not", "affirmed"])
def test_handmade_parse_negation(parse, negated):
    [event] = coded(*parse).events
    assert summary(event) == ("ACCUSE", {"EGY"}, {"ISR"})
    assert event.negated is negated


def test_handmade_parse_quote_speaker():
    [quote] = coded(*QUOTED_SPEAKER).quotes
    assert quote.speaker.code == "LTU"
    assert quote.text.startswith("We will impose sanctions on Belarus")
    assert quote.direct
