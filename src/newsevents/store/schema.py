"""The SQL of each migration, as tuples of single statements (docs/schema.md explains every column).

Statements, not scripts: ``sqlite3.executescript`` commits before it runs, which would break the
one-transaction-per-migration rule.
"""

from __future__ import annotations

BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

ARTICLES = (
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        source TEXT,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        published_precision TEXT CHECK (published_precision IN ('day', 'week', 'month', 'year')),
        published_day TEXT,
        published_source TEXT NOT NULL DEFAULT 'none',
        path TEXT,
        language TEXT NOT NULL DEFAULT 'en',
        signature BLOB,
        ingested_at TEXT NOT NULL,
        CHECK ((published IS NULL) = (published_precision IS NULL))
    )""",
    "CREATE INDEX articles_published ON articles (published_day, id)",
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    """
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """
    CREATE TABLE article_bands (
        band_key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_bands_article ON article_bands (article_id)",
    """
    CREATE TABLE duplicates (
        id TEXT PRIMARY KEY,
        duplicate_of TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
        similarity REAL NOT NULL,
        url TEXT,
        title TEXT,
        path TEXT,
        seen_at TEXT NOT NULL
    )""",
    "CREATE INDEX duplicates_of ON duplicates (duplicate_of)",
)

EVENTS = (
    """
    CREATE TABLE event_clusters (
        cluster_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        date TEXT,
        date_precision TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
        date_day TEXT,
        actor_codes TEXT NOT NULL DEFAULT '[]',
        recipient_codes TEXT NOT NULL DEFAULT '[]',
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT
    )""",
    "CREATE INDEX event_clusters_type_date ON event_clusters (type, date_day)",
    """
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        intensity REAL NOT NULL,
        negated INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
        hypothetical INTEGER NOT NULL DEFAULT 0 CHECK (hypothetical IN (0, 1)),
        date TEXT,
        date_precision TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
        date_day TEXT,
        date_evidence TEXT,
        location_name TEXT,
        location_country TEXT,
        trigger TEXT NOT NULL,
        sentence TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        confidence REAL NOT NULL,
        contexts TEXT NOT NULL DEFAULT '[]',
        cluster_id TEXT REFERENCES event_clusters (cluster_id) ON DELETE SET NULL
    )""",
    "CREATE INDEX events_article ON events (article_id, position)",
    "CREATE INDEX events_type_date ON events (type, date_day)",
    "CREATE INDEX events_date ON events (date_day)",
    "CREATE INDEX events_cluster ON events (cluster_id)",
    """
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        code TEXT,
        sector TEXT,
        name TEXT,
        PRIMARY KEY (event_id, role, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX event_actors_code ON event_actors (code)",
    """
    CREATE TABLE quotes (
        quote_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        speaker_text TEXT NOT NULL,
        speaker_code TEXT,
        speaker_sector TEXT,
        speaker_name TEXT,
        text TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        direct INTEGER NOT NULL DEFAULT 1 CHECK (direct IN (0, 1))
    )""",
    "CREATE INDEX quotes_article ON quotes (article_id, position)",
    "CREATE INDEX quotes_speaker_code ON quotes (speaker_code)",
    """
    CREATE TABLE extractions (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        coder_version TEXT NOT NULL,
        extracted_at TEXT NOT NULL,
        num_events INTEGER NOT NULL,
        num_quotes INTEGER NOT NULL
    )""",
)

KNOWLEDGE = (
    """
    CREATE TABLE actors (
        actor_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT,
        sector TEXT,
        aliases TEXT NOT NULL DEFAULT '[]',
        first_seen TEXT,
        last_seen TEXT,
        mentions INTEGER NOT NULL DEFAULT 0,
        origin TEXT NOT NULL CHECK (origin IN ('learned', 'user', 'import'))
    )""",
    "CREATE INDEX actors_code ON actors (code)",
    """
    CREATE TABLE stories (
        story_id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        first_date TEXT,
        last_date TEXT,
        centroid BLOB,
        updated_at TEXT NOT NULL
    )""",
    """
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories (story_id) ON DELETE CASCADE
    )""",
    "CREATE INDEX story_articles_story ON story_articles (story_id)",
)

INITIAL = ARTICLES + EVENTS + KNOWLEDGE

# Migration 2. The full-text index needs a rowid that VACUUM never renumbers; ``events`` has a
# TEXT primary key (so only an implicit rowid), hence the small ``event_search_keys`` table whose
# INTEGER PRIMARY KEY is that stable rowid. The index is external-content over a view joining the
# keys to the events, so the text is stored once; triggers keep it in step in the same
# transaction as the event rows (also when an article's deletion cascades to its events).
EVENT_SEARCH = (
    """
    CREATE TABLE event_search_keys (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE REFERENCES events (event_id) ON DELETE CASCADE
    )""",
    """
    CREATE VIEW event_search AS
        SELECT k.seq AS seq, e.sentence AS sentence, e.trigger AS trigger
        FROM event_search_keys AS k JOIN events AS e ON e.event_id = k.event_id""",
    """
    CREATE VIRTUAL TABLE events_fts USING fts5 (
        sentence, trigger,
        content = 'event_search', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    """
    CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO event_search_keys (event_id) VALUES (new.event_id);
        INSERT INTO events_fts (rowid, sentence, trigger)
        VALUES ((SELECT seq FROM event_search_keys WHERE event_id = new.event_id),
                new.sentence, new.trigger);
    END""",
    """
    CREATE TRIGGER events_fts_delete BEFORE DELETE ON events BEGIN
        INSERT INTO events_fts (events_fts, rowid, sentence, trigger)
        VALUES ('delete', (SELECT seq FROM event_search_keys WHERE event_id = old.event_id),
                old.sentence, old.trigger);
    END""",
    """
    CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence, trigger ON events BEGIN
        INSERT INTO events_fts (events_fts, rowid, sentence, trigger)
        VALUES ('delete', (SELECT seq FROM event_search_keys WHERE event_id = old.event_id),
                old.sentence, old.trigger);
        INSERT INTO events_fts (rowid, sentence, trigger)
        VALUES ((SELECT seq FROM event_search_keys WHERE event_id = new.event_id),
                new.sentence, new.trigger);
    END""",
    # Back-fill the events stored under version 1, in their stored order.
    "INSERT INTO event_search_keys (event_id) SELECT event_id FROM events ORDER BY rowid",
    "INSERT INTO events_fts (events_fts) VALUES ('rebuild')",
    # Participant look-ups by code, code+sector, canonical name or span, ASCII case folded.
    "CREATE INDEX event_actors_code_nocase ON event_actors (code COLLATE NOCASE)",
    "CREATE INDEX event_actors_code_sector ON event_actors ((code || sector) COLLATE NOCASE)",
    "CREATE INDEX event_actors_name ON event_actors (name COLLATE NOCASE)",
    "CREATE INDEX event_actors_text ON event_actors (text COLLATE NOCASE)",
)

# Migration 3. An undated article keeps the range of days its text allows (office holders'
# terms), so "no date" still says between when and when.
PUBLISHED_WINDOW: tuple[str, ...] = (
    "ALTER TABLE articles ADD COLUMN published_window_start TEXT",
    "ALTER TABLE articles ADD COLUMN published_window_end TEXT",
)

# Migration 4. A participant found by coreference ("he", "the alliance") names its antecedent.
RESOLVED_FROM: tuple[str, ...] = (
    "ALTER TABLE event_actors ADD COLUMN resolved_from TEXT",
)

# Migration 5. What ingest cut from each page (reader comments, page furniture), as a JSON object
# of line counts per kind, so a user can see that a page lost its comment thread.
ARTICLE_CUT: tuple[str, ...] = (
    "ALTER TABLE articles ADD COLUMN cut TEXT",
)

# Why the coder failed on an article (NULL when it succeeded): a failed article is recorded
# under the coder version that failed on it, so it is not retried on every run, only when the
# coder changes.
EXTRACTION_ERRORS: tuple[str, ...] = (
    "ALTER TABLE extractions ADD COLUMN error TEXT",
)

# Migration 7. Actors an article teaches are staged with the article, in the transaction that
# stores its events, and become known (merged into ``actors``) only when the coding pass that
# staged them has coded every pending article: a run killed half-way leaves them staged, so the
# re-run codes the rest knowing exactly what the uninterrupted run knew, then merges them all.
LEARNED_SIGHTINGS: tuple[str, ...] = (
    """
    CREATE TABLE learned_sightings (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        code TEXT,
        sector TEXT,
        seen TEXT,
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID""",
)
