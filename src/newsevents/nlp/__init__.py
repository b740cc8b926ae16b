"""The only place that loads spaCy: builds the English pipeline once per process."""

from newsevents.nlp.model import load_model

__all__ = ["load_model"]
