"""One spaCy pipeline per test session for the event tests that need real parses."""

from __future__ import annotations

import pytest

from newsevents.nlp import load_model


@pytest.fixture(scope="session")
def nlp():
    return load_model()
