"""Definite descriptions refer back to an earlier mention that says more ("the ministry")."""

from __future__ import annotations

import pytest

from newsevents.actors import ArticleActors, load_knowledge_base

pytestmark = pytest.mark.model


def _explain(nlp, text: str, word: str, nth: int = -1):
    doc = nlp(text)
    actors = ArticleActors.build(doc, load_knowledge_base(), {})
    return actors.explain([t for t in doc if t.text == word][nth])


def test_definite_description_takes_its_antecedents_country(nlp):
    text = ("The Peruvian interior ministry said the border would reopen.\n\n"
            '"We expect traffic to resume by Friday," the interior ministry said.')
    resolution = _explain(nlp, text, "ministry")
    assert (resolution.actor.code, resolution.actor.sector) == ("PER", "GOV")
    assert resolution.evidence == "antecedent"


def test_description_with_new_words_does_not_refer_back(nlp):
    text = ("The Peruvian interior ministry said the border would reopen. "
            "The rebel-run finance ministry said nothing.")
    resolution = _explain(nlp, text, "ministry")
    assert resolution is None or resolution.evidence != "antecedent"
