"""The spaCy component: registration, the pipeline it refuses, and what it sets on a Doc."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.component import FACTORY, make_newsevents
from newsevents.config import Settings
from newsevents.errors import ComponentError, ModelError
from newsevents.ingest.identity import article_id
from newsevents.models import Article, DateValue, Event
from newsevents.nlp.paragraphs import add_line_breaks
from newsevents.pipeline import extract_all

TEXT = "Russia on Wednesday turned down an invitation from Turkey to join the talks."
JULY_13 = DateValue(dt.date(2011, 7, 13))


@pytest.fixture(scope="module")
def untrained() -> Language:
    """A pipeline that has a parser, entities and lemmas but no trained model: the component
    accepts it, and the tests hand it Docs parsed by hand."""
    nlp = spacy.blank("en")
    for name in ("parser", "ner", "lemmatizer"):
        nlp.add_pipe(name)
    nlp.add_pipe(FACTORY)
    return nlp


def handmade(nlp: Language) -> Doc:
    """TEXT as en_core_web_sm parses it."""
    return Doc(
        nlp.vocab,
        words=["Russia", "on", "Wednesday", "turned", "down", "an", "invitation", "from",
               "Turkey", "to", "join", "the", "talks", "."],
        spaces=[True] * 12 + [False, False],
        heads=[3, 3, 1, 3, 3, 6, 3, 6, 7, 10, 6, 12, 10, 3],
        deps=["nsubj", "prep", "pobj", "ROOT", "prt", "det", "dobj", "prep", "pobj", "aux",
              "acl", "det", "dobj", "punct"],
        pos=["PROPN", "ADP", "PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PART",
             "VERB", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "IN", "NNP", "VBD", "RP", "DT", "NN", "IN", "NNP", "TO", "VB", "DT",
              "NNS", "."],
        lemmas=["Russia", "on", "Wednesday", "turn", "down", "an", "invitation", "from",
                "Turkey", "to", "join", "the", "talk", "."],
        ents=["B-GPE", "O", "B-DATE", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "O"],
    )


def summary(event: Event) -> tuple:
    return event.type, [a.code for a in event.actors], [a.code for a in event.recipients]


def test_component_factory_registered_on_import():
    assert make_newsevents.__name__ == "make_newsevents"  # the entry point's target
    meta = Language.get_factory_meta(FACTORY)
    assert {"doc._.events", "doc._.quotes", "doc._.published"} <= set(meta.assigns)


@pytest.mark.parametrize(
    ("components", "missing"),
    [
        ((), "a dependency parser"),
        (("parser",), "named entities"),
        (("parser", "ner"), "lemmas"),
    ],
)
def test_component_refuses_pipeline_without_what_it_reads(components, missing):
    nlp = spacy.blank("en")
    for name in components:
        nlp.add_pipe(name)
    with pytest.raises(ComponentError, match=f"newsevents needs {missing}.*load en_core_web_sm"):
        nlp.add_pipe(FACTORY)


def test_component_refuses_a_date_it_cannot_read():
    nlp = spacy.blank("en")
    for name in ("parser", "ner", "lemmatizer"):
        nlp.add_pipe(name)
    with pytest.raises(ComponentError, match="'last July' is no date"):
        nlp.add_pipe(FACTORY, config={"published": "last July"})


def test_component_codes_a_doc_parsed_by_hand(untrained):
    doc = untrained.get_pipe(FACTORY)(handmade(untrained))
    assert [summary(e) for e in doc._.events] == [("REJECT", ["RUS"], ["TUR"])]
    assert doc._.quotes == ()
    assert doc._.published is None
    assert doc._.article.id == article_id(None, TEXT)  # content-derived, as ingest makes it


def test_component_takes_the_callers_article(untrained):
    doc = handmade(untrained)
    doc._.article = Article(id="a1", text=TEXT, title="Russia snubs Turkey", published=JULY_13)
    untrained.get_pipe(FACTORY)(doc)
    [event] = doc._.events
    assert (event.article_id, event.date, event.date_evidence) == ("a1", JULY_13, "on Wednesday")
    assert doc._.published == JULY_13


def test_component_refuses_an_article_of_another_text(untrained):
    doc = handmade(untrained)
    doc._.article = Article(id="a1", text="Turkey invited Russia to the talks.")
    with pytest.raises(ComponentError, match="'a1' does not match the Doc"):
        untrained.get_pipe(FACTORY)(doc)


def test_component_refuses_a_doc_without_parse(untrained):
    with pytest.raises(ComponentError, match="without a dependency parse"):
        untrained.get_pipe(FACTORY)(untrained.make_doc(TEXT))


@pytest.fixture(scope="module")
def english() -> Language:
    """The installed English model as ``spacy.load`` gives it (not ``load_model``'s cached
    pipeline, which the other tests share), with the component added."""
    names = Settings().model_names
    name = next((n for n in names if spacy.util.is_package(n)), None)
    if name is None:
        raise ModelError(names)
    nlp = add_line_breaks(spacy.load(name))
    nlp.add_pipe(FACTORY, config={"published": "2011-07-13"})
    return nlp


@pytest.mark.model
def test_component_codes_with_the_model(english):
    doc = english(TEXT)
    assert [summary(e) for e in doc._.events] == [("REJECT", ["RUS"], ["TUR"])]
    assert doc._.events[0].date == JULY_13  # "on Wednesday" of the configured date
    assert doc._.published == JULY_13
    assert doc._.quotes == ()


@pytest.mark.model
def test_component_codes_as_extract_does(english):
    """A titled article: the Doc parsed from ``text_for`` gets extract()'s very events."""
    article = Article(id="a1", text=TEXT, title="Russia Rejects Turkish Invitation",
                      published=DateValue(dt.date(2011, 7, 14)))
    doc = english.make_doc(english.get_pipe(FACTORY).text_for(article))
    doc._.article = article
    doc = english(doc)
    [expected] = extract_all([article])
    assert expected.events
    assert doc._.events == expected.events
    assert doc._.quotes == expected.quotes
    assert doc._.published == expected.article.published
