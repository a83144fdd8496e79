"""Tables, indexes and views, as numbered migrations shared by SQLite and PostgreSQL.

The SQL is the common subset of both dialects: plain typed columns, lists and nested records as JSON
*text* (readable in Datasette, DuckDB or psql without extensions), ``CREATE ... IF NOT EXISTS``.
Migrations are applied in order on open and recorded in ``schema_migrations``; never edit a released
migration, append a new one.
"""

from __future__ import annotations

__all__ = ["DIALECT_MIGRATIONS", "JOURNAL_TABLES", "MIGRATIONS", "TABLES"]

_ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    outlet TEXT,
    dateline TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    body_start INTEGER,
    body_end INTEGER,
    removed TEXT NOT NULL DEFAULT '[]',
    fingerprint TEXT NOT NULL,
    minhash TEXT,
    duplicate_of TEXT,
    n_events INTEGER NOT NULL DEFAULT 0
)"""

_ARTICLE_BANDS = """
CREATE TABLE IF NOT EXISTS article_bands (
    band INTEGER NOT NULL,
    bucket TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
)"""

_EVENTS = """
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    quad_class INTEGER,
    goldstein DOUBLE PRECISION,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    date TEXT,
    date_precision TEXT,
    day INTEGER,
    date_explicit INTEGER NOT NULL DEFAULT 0,
    date_basis TEXT,
    location_name TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country_code TEXT,
    admin1 TEXT,
    geonameid BIGINT,
    resolution TEXT,
    dead INTEGER, dead_min INTEGER, dead_max INTEGER,
    injured INTEGER, injured_min INTEGER, injured_max INTEGER,
    arrested INTEGER, arrested_min INTEGER, arrested_max INTEGER,
    actor TEXT NOT NULL DEFAULT '[]',
    recipient TEXT NOT NULL DEFAULT '[]',
    actor_codes TEXT NOT NULL DEFAULT '[]',
    recipient_codes TEXT NOT NULL DEFAULT '[]',
    actor_countries TEXT NOT NULL DEFAULT '[]',
    recipient_countries TEXT NOT NULL DEFAULT '[]',
    actor_text TEXT,
    modality TEXT,
    confidence DOUBLE PRECISION,
    n_mentions INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    summary TEXT,
    first_mention_id TEXT NOT NULL,
    words TEXT NOT NULL DEFAULT '[]',
    articles TEXT NOT NULL DEFAULT '[]'
)"""

_MENTIONS = """
CREATE TABLE IF NOT EXISTS event_mentions (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    published TEXT,
    extracted_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    cameo TEXT,
    date TEXT,
    date_precision TEXT,
    day INTEGER,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT,
    confidence DOUBLE PRECISION,
    modality TEXT,
    dead INTEGER,
    injured INTEGER,
    arrested INTEGER,
    country_code TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    record TEXT NOT NULL,
    seq BIGINT NOT NULL
)"""

_ACTORS = """
CREATE TABLE IF NOT EXISTS actors (
    mention_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT,
    name TEXT,
    code TEXT,
    country TEXT,
    sector TEXT,
    backer TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (mention_id, role, idx)
)"""

_PLACES = """
CREATE TABLE IF NOT EXISTS places (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    name TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country_code TEXT,
    admin1 TEXT,
    geonameid BIGINT,
    resolution TEXT,
    span_start INTEGER,
    span_end INTEGER
)"""

_QUOTES = """
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    speaker TEXT,
    speaker_code TEXT,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content_text TEXT,
    cue TEXT,
    kind TEXT,
    PRIMARY KEY (article_id, idx)
)"""

_ATTRIBUTIONS = """
CREATE TABLE IF NOT EXISTS attributions (
    mention_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    claimant TEXT,
    kind TEXT,
    cue TEXT,
    about TEXT,
    via TEXT NOT NULL DEFAULT '[]',
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (mention_id, idx)
)"""

_FAILURES = """
CREATE TABLE IF NOT EXISTS failures (
    id TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    time TEXT NOT NULL
)"""

# Views for the joins people ask for first; plain SQL so any SQLite/Postgres client can use them.
_EVENT_SOURCES = """
CREATE VIEW event_sources AS
SELECT m.event_id, e.event_type, e.date, e.location_name, e.country_code,
       m.id AS mention_id, m.article_id, a.title, m.outlet, m.url, m.published,
       m.trigger_text, m.evidence_text, m.confidence, m.modality
FROM event_mentions m
JOIN events e ON e.id = m.event_id
LEFT JOIN articles a ON a.id = m.article_id"""

_EVENT_ACTORS = """
CREATE VIEW event_actors AS
SELECT DISTINCT event_id, role, text, name, code, country, sector, backer
FROM actors"""

_INDEXES = [
    "CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint)",
    "CREATE INDEX IF NOT EXISTS events_block ON events (event_type, day)",
    "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
    "CREATE INDEX IF NOT EXISTS events_country ON events (country_code)",
    "CREATE INDEX IF NOT EXISTS events_latlon ON events (lat, lon)",
    "CREATE INDEX IF NOT EXISTS mentions_event ON event_mentions (event_id, seq)",
    "CREATE INDEX IF NOT EXISTS mentions_article ON event_mentions (article_id)",
    "CREATE INDEX IF NOT EXISTS mentions_seq ON event_mentions (seq)",
    "CREATE INDEX IF NOT EXISTS actors_event ON actors (event_id)",
    "CREATE INDEX IF NOT EXISTS attributions_event ON attributions (event_id)",
    "CREATE INDEX IF NOT EXISTS places_event ON places (event_id)",
]

# `dateline watch`: one row per followed source (feed, sitemap, folder) with what its last poll said.
_SOURCES = """
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    version TEXT,
    last_poll TEXT,
    last_status TEXT,
    last_error TEXT,
    polls INTEGER NOT NULL DEFAULT 0
)"""

# Every URL (or file) a source listed, with its state: pending (due at next_try), done (stored, with
# the id of its last article, in the article's own transaction) or failed (given up, or refused).
_FETCH_QUEUE = """
CREATE TABLE IF NOT EXISTS fetch_queue (
    source TEXT NOT NULL,
    item TEXT NOT NULL,
    seq BIGINT NOT NULL,
    version TEXT,
    payload TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try TEXT,
    last_error TEXT,
    error_code TEXT,
    article_id TEXT,
    added TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (source, item)
)"""

# The journal of linked events: one row per stored mention, "new" (it started the event) or "joined"
# (it joined an older event, which keeps its id); ``time`` is what ``--changed-since`` compares.
_CHANGES = """
CREATE TABLE IF NOT EXISTS changes (
    seq BIGINT PRIMARY KEY,
    time TEXT NOT NULL,
    kind TEXT NOT NULL,
    event_id TEXT NOT NULL,
    mention_id TEXT NOT NULL,
    article_id TEXT NOT NULL
)"""

_WATCH_STATEMENTS = [
    _SOURCES,
    _FETCH_QUEUE,
    _CHANGES,
    "CREATE INDEX IF NOT EXISTS fetch_queue_due ON fetch_queue (source, state, seq)",
    "CREATE INDEX IF NOT EXISTS changes_time ON changes (time)",
]

# (version, name, statements): applied in order, each in the transaction that records it.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "initial schema",
        [_ARTICLES, _ARTICLE_BANDS, _EVENTS, _MENTIONS, _ACTORS, _PLACES, _QUOTES, _ATTRIBUTIONS, _FAILURES,
         *_INDEXES, _EVENT_SOURCES, _EVENT_ACTORS],
    ),  # fmt: skip
    (
        2,
        "linking context: article names/figures per mention and event, folded triggers per event",
        [
            "ALTER TABLE event_mentions ADD COLUMN context TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE events ADD COLUMN context TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE events ADD COLUMN triggers TEXT NOT NULL DEFAULT '[]'",
        ],
    ),
    (
        3,
        "linking term frequencies: in how many stored articles each context term occurs",
        [
            # the row with the empty term counts the articles themselves (no context term is empty)
            "CREATE TABLE IF NOT EXISTS context_terms (term TEXT PRIMARY KEY, articles INTEGER NOT NULL)",
        ],
    ),
    (4, "watch: polled sources, their queue of URLs and files, the change journal", _WATCH_STATEMENTS),
    (5, "full-text index of the mentions' evidence sentences (the statements are the dialect's)", []),
    (
        6,
        "article text, for the event page's highlighted mentions (NULL where not kept: run --no-text)",
        ["ALTER TABLE articles ADD COLUMN text TEXT"],
    ),
]

# The `text=` search: whole words of `event_mentions.evidence_text`, case-insensitive, no stemming, accents
# kept (PostgreSQL's 'simple' configuration does neither; FTS5's unicode61 is told not to fold accents).
# SQLite: an FTS5 table of its own (not external content: the implicit rowid of `event_mentions` may change
# on VACUUM) holding each mention's sentence and event id, filled with the existing mentions and kept
# current by a trigger, in the transaction that writes the mention (mentions are never updated or deleted).
_SQLITE_TEXT_INDEX = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS mention_words USING fts5("
    "evidence_text, event_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')",
    "INSERT INTO mention_words (evidence_text, event_id) SELECT evidence_text, event_id FROM event_mentions",
    "CREATE TRIGGER IF NOT EXISTS mention_words_insert AFTER INSERT ON event_mentions BEGIN "
    "INSERT INTO mention_words (evidence_text, event_id) VALUES (new.evidence_text, new.event_id); END",
]

# PostgreSQL: a GIN index on the expression the search compares (the server keeps it current and fills it
# when it is created).
_POSTGRES_TEXT_INDEX = [
    "CREATE INDEX IF NOT EXISTS mentions_words ON event_mentions "
    "USING GIN (to_tsvector('simple', evidence_text))",
]

# version -> dialect name -> the statements that migration adds on that dialect (after its common ones).
DIALECT_MIGRATIONS: dict[int, dict[str, list[str]]] = {
    5: dict(sqlite=_SQLITE_TEXT_INDEX, postgresql=_POSTGRES_TEXT_INDEX),
}



def _created_tables(statements: list[str]) -> tuple[str, ...]:
    """The tables ``statements`` create, in creation order."""
    split = (statement.split() for statement in statements)
    # "CREATE TABLE IF NOT EXISTS name (...": the sixth word, up to its parenthesis
    return tuple(words[5].partition("(")[0] for words in split if words[:2] == ["CREATE", "TABLE"])


# The bookkeeping of `dateline watch` and the change journal: they hold times of polls and writes, so
# two stores holding the same data differ there; ``dump`` and ``counts`` leave them out.
JOURNAL_TABLES = _created_tables(_WATCH_STATEMENTS)

# The data tables, in creation order (``schema_migrations`` is the store's own).
TABLES = tuple(
    table
    for table in _created_tables([statement for _, _, statements in MIGRATIONS for statement in statements])
    if table not in JOURNAL_TABLES
)
