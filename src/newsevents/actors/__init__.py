"""Actors: the knowledge base (data/actors/*.tsv), PETRARCH import, and resolution in articles.

Importing this package loads nothing; the knowledge base is read on the first
``load_knowledge_base()`` call and cached.
"""

from newsevents.actors.entries import (
    SECTOR_CODES,
    EntryKind,
    KBEntry,
    LearnedActor,
    SectorRank,
)
from newsevents.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsevents.actors.normalize import normalize_name
from newsevents.actors.petrarch import read_petrarch_actors, write_user_tsv
from newsevents.actors.resolve import ArticleActors, Resolution

__all__ = [
    "SECTOR_CODES",
    "ArticleActors",
    "EntryKind",
    "KBEntry",
    "KnowledgeBase",
    "LearnedActor",
    "Resolution",
    "SectorRank",
    "load_knowledge_base",
    "normalize_name",
    "read_petrarch_actors",
    "write_user_tsv",
]
