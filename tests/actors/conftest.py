"""Fixtures for the actor tests: the bundled knowledge base, hand-built Docs, one real parser."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.actors import KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English pipeline, loaded once; tests using it are marked ``model``."""
    from newsevents.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def parsed() -> Callable[[str], Doc]:
    """``parsed("US/PROPN/compound/1/GPE President/PROPN/ROOT/1")``: a Doc built by hand.

    Each token is ``word/POS/dep/head[/ENTITY]``; adjacent tokens with the same entity label
    form one entity; sentences in one string are separated by `` || ``.
    """
    vocab = spacy.blank("en").vocab

    def build(spec: str) -> Doc:
        words, pos, deps, heads, ents, tags = [], [], [], [], [], []
        for offset, sentence in _sentences(spec):
            for token in sentence.split():
                word, tag, dep, head, *label = token.split("/")
                words.append(word)
                pos.append(tag)
                deps.append(dep)
                heads.append(offset + int(head))
                tags.append("POS" if word in ("'s", "'") and tag == "PART" else "")
                ents.append(_iob(label[0] if label else "", ents[-1] if ents else "O"))
        return Doc(vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents, tags=tags)

    return build


def _sentences(spec: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for sentence in spec.split(" || "):
        out.append((offset, sentence))
        offset += len(sentence.split())
    return out


def _iob(label: str, previous: str) -> str:
    if not label:
        return "O"
    return f"I-{label}" if previous.endswith(f"-{label}") else f"B-{label}"


def token_of(doc: Doc, word: str, nth: int = 0) -> spacy.tokens.Token:
    """The ``nth`` token (0-based) whose text is ``word``."""
    return [t for t in doc if t.text == word][nth]
