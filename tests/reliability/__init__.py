"""Tests of what a kill, a re-run or a read-only file system can do to a database, and what they
share: a small corpus in which actors learned early change how later articles are coded, and
every row a run writes, to compare two databases by."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsevents.config import SAMPLE_DIR
from newsevents.store import Store

# Added to the sample corpus: each teacher names an actor the knowledge base lacks, with the
# phrase that codes it; its learners (later in input order) name it alone, so they are coded
# differently when it is known. A run must code them as it would without a kill before them.
TEACHERS_AND_LEARNERS = {
    "2011-03-10_ghoga-rejects-talks.txt": (
        "Rebels reject talks\n\nBENGHAZI, March 10, 2011 (Wire) - Libyan rebel spokesman Abdel "
        "Hafiz Ghoga on Thursday rejected an offer of talks from Muammar Gaddafi's government.\n"),
    "2011-03-20_ghoga-condemns-shelling.txt": (
        "Ghoga condemns strikes\n\nBENGHAZI, March 20, 2011 (Wire) - Ghoga on Sunday condemned "
        "the shelling of Misrata by government forces.\n"),
    "2013-04-02_egyptian-opposition-meets-moussa.txt": (
        "Council meets\n\nCAIRO, April 2, 2013 (Wire) - Egyptian opposition leader Ayman Nour "
        "met Amr Moussa in Cairo on Tuesday.\n"),
    "zz_nour-meets-moussa.txt": (
        "Nour meets Moussa\n\nCAIRO, April 3, 2013 (Wire) - Nour met Moussa in Cairo on "
        "Wednesday to discuss the elections.\n"),
}
LEARNERS = ("2011-03-20_ghoga-condemns-shelling.txt", "zz_nour-meets-moussa.txt")
CORPUS_ARTICLES = 31  # the sample's 27 (one more is a near duplicate) and the four above


def make_corpus(folder: Path) -> Path:
    """The sample corpus and :data:`TEACHERS_AND_LEARNERS` in ``folder``."""
    shutil.copytree(SAMPLE_DIR, folder)
    for name, text in TEACHERS_AND_LEARNERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder

# Columns that say when a row was written, not what it holds; left out of comparisons.
CLOCK_COLUMNS = {"ingested_at", "seen_at", "extracted_at", "updated_at", "applied_at"}
TABLES = ("articles", "duplicates", "events", "event_actors", "quotes", "extractions", "actors",
          "learned_sightings", "event_clusters", "stories", "story_articles", "schema_migrations")


def store_rows(path: Path) -> dict[str, list[str]]:
    """Every row of the tables a run writes, as text, sorted; the database opened read-only."""
    with Store(path, read_only=True) as store:
        conn = store._conn  # the tables as SQLite holds them, not only what the readers show
        found = {}
        for table in TABLES:
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()
            found[table] = sorted(
                repr({key: row[key] for key in row.keys() if key not in CLOCK_COLUMNS})
                for row in rows)
        return found
