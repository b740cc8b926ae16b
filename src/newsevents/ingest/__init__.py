"""Ingest: news files of every common shape → ``Article`` objects, bad input → ``Problem``s.

``iter_inputs`` is the entry point; ``article_id`` the content hash every stage can recompute;
``dedup`` holds the near-duplicate fingerprints.
"""

from newsevents.ingest.identity import article_id, canonical_url
from newsevents.ingest.inputs import input_bytes, iter_inputs
from newsevents.ingest.pathdate import date_from_path

__all__ = ["article_id", "canonical_url", "date_from_path", "input_bytes", "iter_inputs"]
