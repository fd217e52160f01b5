"""The schema's migrations: ``(version, SQL)`` in order (``schema.migrate`` applies them).

Append a migration to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

_V1_CORE = """
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL DEFAULT '[]',  -- JSON list of paths
    counts      TEXT                         -- JSON object, set when the run finishes
);

CREATE TABLE rejections (
    id     INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source TEXT NOT NULL,
    code   TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);

-- One row per version of an article; (id, version) is the natural key.
CREATE TABLE articles (
    pk                  INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL,
    version             INTEGER NOT NULL CHECK (version >= 1),
    version_of          TEXT,  -- 'ID@N' of the previous version, NULL for version 1
    content_hash        TEXT NOT NULL,
    source              TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('text', 'html')),
    url                 TEXT,
    outlet              TEXT,
    language            TEXT,
    published           TEXT,
    published_how       TEXT,
    published_precision TEXT,
    published_evidence  TEXT,
    title               TEXT,
    standfirst          TEXT,
    byline              TEXT,
    dateline            TEXT,
    text                TEXT NOT NULL DEFAULT '',
    headings            TEXT NOT NULL DEFAULT '[]',
    captions            TEXT NOT NULL DEFAULT '[]',
    removed             TEXT NOT NULL DEFAULT '[]',
    wire                TEXT NOT NULL DEFAULT '[]',
    raw                 TEXT NOT NULL,
    stored_at           TEXT NOT NULL,
    run_id              INTEGER REFERENCES runs(id),
    UNIQUE (id, version),
    UNIQUE (id, content_hash)
);
CREATE INDEX articles_run_id ON articles(run_id);
"""

# External content: the text lives once, in articles; triggers keep the index
# in step with every insert, delete and update, whoever makes it.
_V2_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='pk',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
-- Index whatever an older database already holds.
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""

# A view so that Datasette (and anyone with sqlite3) sees current articles only.
_V3_VIEWS = """
CREATE VIEW articles_latest AS
    SELECT a.* FROM articles AS a
    WHERE a.version = (SELECT max(b.version) FROM articles AS b WHERE b.id = a.id);
CREATE INDEX rejections_run_id ON rejections(run_id);
"""

# Places the geoparser found in each stored version's text (offsets into articles.text).
_V4_PLACES = """
CREATE TABLE places (
    pk           INTEGER PRIMARY KEY,
    article_pk   INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    name         TEXT NOT NULL,
    geonameid    INTEGER,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    country_code TEXT NOT NULL,
    admin1       TEXT NOT NULL,
    feature      TEXT NOT NULL,
    adjectival   INTEGER NOT NULL DEFAULT 0,
    field        TEXT NOT NULL DEFAULT 'text'  -- text, title, standfirst, caption:N
);
CREATE INDEX places_article_pk ON places(article_pk);
CREATE INDEX places_geonameid ON places(geonameid);
"""

# Time expressions found in each stored version (offsets into the named field).
_V5_TIMES = """
CREATE TABLE times (
    pk         INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT NOT NULL,
    type       TEXT NOT NULL,
    field      TEXT NOT NULL DEFAULT 'text'
);
CREATE INDEX times_article_pk ON times(article_pk);
CREATE INDEX times_value ON times(value);
"""

# Quantities found in each stored version: numbers with what they count.
_V6_QUANTITIES = """
CREATE TABLE quantities (
    pk         INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      REAL,
    low        REAL,
    high       REAL,
    approx     INTEGER NOT NULL DEFAULT 0,
    unit       TEXT,
    category   TEXT NOT NULL,
    fatality   TEXT,          -- killed | injured | casualties
    field      TEXT NOT NULL DEFAULT 'text'
);
CREATE INDEX quantities_article_pk ON quantities(article_pk);
CREATE INDEX quantities_fatality ON quantities(fatality) WHERE fatality IS NOT NULL;
"""

_V7_EVENTS = """
CREATE TABLE events (
    pk                   INTEGER PRIMARY KEY,
    article_pk           INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    rank                 INTEGER NOT NULL,   -- 0 = the article's main event, then by importance
    event_id             TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    family               TEXT NOT NULL,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    plover_type          TEXT,
    plover_mode          TEXT,
    actor1               TEXT,
    actor2               TEXT,
    place_name           TEXT,
    geonameid            INTEGER,
    lat                  REAL,
    lon                  REAL,
    country_code         TEXT,
    admin1               TEXT,
    place_precision      TEXT,
    date                 TEXT,
    date_precision       TEXT,
    modality             TEXT NOT NULL,
    fatalities           INTEGER,
    evidence_start       INTEGER,
    evidence_end         INTEGER,
    json                 TEXT NOT NULL       -- the whole EVENT, as annotate prints it
);
CREATE INDEX events_article_pk ON events(article_pk);
CREATE INDEX events_kind_date ON events(kind, date);
CREATE INDEX events_place ON events(geonameid);
"""

# Copy detection's index and verdicts. copy_keys is WITHOUT ROWID keyed on
# (key, article_pk): one b-tree serves the candidate lookup, and no second index
# is kept for deletes, which the store never does to articles.
_V8_COPIES = """
CREATE TABLE copy_keys (
    key        INTEGER NOT NULL,   -- an LSH band or long-sentence key (sitrep.copies)
    article_pk INTEGER NOT NULL,
    PRIMARY KEY (key, article_pk)
) WITHOUT ROWID;

-- Each version copy detection has seen, with its shingles (little-endian uint32
-- arrays: every paragraph's, and the paragraphs' lengths), so that verifying a
-- candidate never re-reads and re-tokenises its text.
CREATE TABLE copy_prints (
    article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    shingles   BLOB NOT NULL,
    lengths    BLOB NOT NULL
);

CREATE TABLE copies (
    article_pk        INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    copy_of_pk        INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    group_pk          INTEGER NOT NULL,  -- the copy group's first article (the star's centre)
    relation          TEXT NOT NULL CHECK (relation IN ('duplicate', 'update', 'trimmed', 'reprint')),
    containment       REAL NOT NULL,     -- share of this article's text found in copy_of
    coverage          REAL NOT NULL,     -- share of copy_of's text this article carries
    shared_paragraphs TEXT NOT NULL DEFAULT '[]',  -- this article's paragraphs carrying that copy
    same_outlet       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX copies_copy_of ON copies(copy_of_pk);
CREATE INDEX copies_group ON copies(group_pk);
"""

# Stories: incremental clustering state (sitrep.stories). A story keeps a bounded
# term centroid; story_terms is the inverted index that finds candidate stories
# for a new article; term_df holds running document frequencies for IDF.
_V9_STORIES = """
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT,                        -- the first article's title
    first_date TEXT,                        -- earliest publication date of its articles
    last_date  TEXT,
    articles   INTEGER NOT NULL DEFAULT 0,
    centroid   TEXT NOT NULL DEFAULT '{}'   -- JSON {term: summed sublinear tf}, top terms only
);
CREATE INDEX stories_last_date ON stories(last_date);

CREATE TABLE story_members (
    article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id),
    how        TEXT NOT NULL CHECK (how IN ('founded', 'similar', 'copy')),
    score      REAL                         -- the similarity that placed it, when 'similar'
);
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE story_terms (
    term     TEXT NOT NULL,
    story_id INTEGER NOT NULL,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;

CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
"""

# Consolidation (sitrep.consolidate): event mentions merged into one record per
# real-world event, the facts reports disagree on, and who holds which place when.
# family + country_code is the unit that is re-clustered when new mentions arrive.
_V10_CONSOLIDATED = """
CREATE INDEX events_block ON events(family, country_code);

CREATE TABLE consolidated_events (
    id                   TEXT PRIMARY KEY,       -- stable across re-runs
    family               TEXT NOT NULL,
    country_code         TEXT NOT NULL DEFAULT '',
    kind                 TEXT NOT NULL,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    actor1               TEXT,
    actor2               TEXT,
    place_name           TEXT,
    geonameid            INTEGER,
    lat                  REAL,
    lon                  REAL,
    admin1               TEXT,
    place_precision      TEXT,
    date                 TEXT,
    date_precision       TEXT,
    modality             TEXT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('single', 'corroborated', 'disputed')),
    independent_sources  INTEGER NOT NULL,
    articles             INTEGER NOT NULL,
    mentions             INTEGER NOT NULL,
    first_reported       TEXT,
    last_reported        TEXT,
    fatalities           INTEGER,
    json                 TEXT NOT NULL           -- the whole consolidated EVENT, as exported
);
CREATE INDEX consolidated_events_block ON consolidated_events(family, country_code);
CREATE INDEX consolidated_events_date ON consolidated_events(date);
CREATE INDEX consolidated_events_place ON consolidated_events(geonameid);

-- Which event each mention (a row of events) went to, and why it was merged there.
CREATE TABLE event_mentions (
    mention_pk INTEGER PRIMARY KEY REFERENCES events(pk) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    why        TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);

CREATE TABLE conflicts (
    id       TEXT PRIMARY KEY,
    event_id TEXT,
    fact     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('update', 'contradiction')),
    json     TEXT NOT NULL
);
CREATE INDEX conflicts_event ON conflicts(event_id);

-- Changes of control: from this day on, by this event's account, holder holds the place.
CREATE TABLE control (
    pk           INTEGER PRIMARY KEY,
    place_key    TEXT NOT NULL,
    place_name   TEXT,
    geonameid    INTEGER,
    lat          REAL,
    lon          REAL,
    country_code TEXT,
    admin1       TEXT,
    holder       TEXT,
    lost_by      TEXT,
    since        TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    modality     TEXT NOT NULL,
    json         TEXT NOT NULL
);
CREATE INDEX control_place ON control(place_key, since);
CREATE INDEX control_since ON control(since);
"""

# What the API filters on without reading every event's JSON: stories and articles per
# event, words (place, province, actors, kind, evidence sentences) in an FTS5 index keyed
# by the event's rowid, and
# coordinates for bounding boxes. Written with each block by replace_block.
EVENT_WORDS = """coalesce(place_name, '') || ' ' || coalesce(admin1, '') || ' ' || coalesce(actor1, '')
    || ' ' || coalesce(actor2, '') || ' ' || replace(kind, '.', ' ') || ' '
    || coalesce((SELECT group_concat(json_extract(j.value, '$.text'), ' ')
                 FROM json_each(consolidated_events.json, '$.evidence') AS j), '')"""
_V11_EVENT_INDEXES = """
CREATE TABLE event_stories (
    story_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (story_id, event_id)
) WITHOUT ROWID;
CREATE TABLE event_articles (
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
) WITHOUT ROWID;
CREATE INDEX event_articles_event ON event_articles(event_id);
CREATE INDEX event_stories_event ON event_stories(event_id);
-- Each event as a list shows it (no evidence, mentions or sources), apart from the wide rows.
CREATE TABLE event_summaries (
    id      TEXT PRIMARY KEY,
    summary TEXT NOT NULL
);
INSERT INTO event_summaries (id, summary)
    SELECT id, json_set(json_remove(json, '$.evidence', '$.mentions', '$.sources', '$.quantities'),
                        '$.evidence_text', json_extract(json, '$.evidence[0].text'))
    FROM consolidated_events;
CREATE VIRTUAL TABLE events_fts USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');
-- Rows carry their whole JSON, so a filter that reads them is slow: these indexes hold every
-- filtered column, so a date range or a box is answered inside the index (covering), and
-- only the page's rows are read. Actors: one index each, for SQLite's OR-by-union.
DROP INDEX consolidated_events_date;
CREATE INDEX consolidated_events_by_date ON consolidated_events(date, lat, lon, status, family,
    kind, modality, actor1, actor2, acled_event_type, acled_sub_event_type, id);
CREATE INDEX consolidated_events_by_box ON consolidated_events(lat, lon, date, status, family,
    kind, modality, actor1, actor2, acled_event_type, acled_sub_event_type, id);
CREATE INDEX consolidated_events_actor1 ON consolidated_events(actor1, date);
CREATE INDEX consolidated_events_actor2 ON consolidated_events(actor2, date);
INSERT OR IGNORE INTO event_stories (story_id, event_id)
    SELECT j.value, e.id FROM consolidated_events AS e, json_each(e.json, '$.stories') AS j;
INSERT OR IGNORE INTO event_articles (article_id, event_id)
    SELECT j.value, e.id FROM consolidated_events AS e, json_each(e.json, '$.articles') AS j;
INSERT INTO events_fts (rowid, words) SELECT rowid, {EVENT_WORDS} FROM consolidated_events;
""".replace("{EVENT_WORDS}", EVENT_WORDS)

# Copy keys written before this version came from a MinHash whose multipliers were too
# small to wrap, so all 128 "permutations" picked the same minimum shingle and texts that
# shared one footer shared every band. Keys and prints are dropped and rebuilt by the next
# run (Store.needs_linking); a print is now just the text's sorted shingles.
_V12_COPY_KEYS = """
DELETE FROM copy_keys;
DROP TABLE copy_prints;
CREATE TABLE copy_prints (
    article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,
    shingles   BLOB NOT NULL    -- the text's shingles: a sorted little-endian uint32 array
);
"""

# Each story member keeps its terms (JSON {term: sublinear tf}, the article vector's terms),
# so that a story can be split in two without re-reading its articles (sitrep.stories).
_V13_STORY_TERMS = """
ALTER TABLE story_members ADD COLUMN terms TEXT;
"""

# Attacks and armed clashes are one consolidation block (sitrep.families): their events move
# to it, so that the next pass can join one happening told as an attack and as a clash.
_V14_VIOLENCE_BLOCK = """
UPDATE consolidated_events SET family = 'violence' WHERE family IN ('attack', 'clash');
"""

# The step that set an input aside: "intake" for reading, else the stage that raised.
_V15_REJECTION_STAGE = """
ALTER TABLE rejections ADD COLUMN stage TEXT NOT NULL DEFAULT 'intake';
"""

# Stored versions consolidation has not taken in yet: written with the article, cleared in the
# transaction that consolidates them, so a run killed in between is completed by the next.
_V16_PENDING = """
CREATE TABLE pending_consolidation (article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE);
"""

# Protests and riots share a consolidation block ("unrest", sitrep.families), as V14 did for violence.
_V17_UNREST_BLOCK = """
UPDATE consolidated_events SET family = 'unrest' WHERE family IN ('protest', 'riot');
"""

# A run's outcome and the process that holds it, so that a run killed mid-way is closed as
# "interrupted" by the next one instead of staying unfinished for good.
_V18_RUN_STATUS = """
ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
UPDATE runs SET status = 'interrupted' WHERE finished_at IS NULL;
"""

# The validators of the feeds and URLs a run asked (#29), for a conditional GET next time.
_V19_FETCHED = """
CREATE TABLE fetched (
    url           TEXT PRIMARY KEY,   -- canonical form
    etag          TEXT,
    last_modified TEXT,
    fetched_at    TEXT NOT NULL
);
"""

MIGRATIONS: list[tuple[int, str]] = [
    (1, _V1_CORE),
    (2, _V2_FTS),
    (3, _V3_VIEWS),
    (4, _V4_PLACES),
    (5, _V5_TIMES),
    (6, _V6_QUANTITIES),
    (7, _V7_EVENTS),
    (8, _V8_COPIES),
    (9, _V9_STORIES),
    (10, _V10_CONSOLIDATED),
    (11, _V11_EVENT_INDEXES),
    (12, _V12_COPY_KEYS),
    (13, _V13_STORY_TERMS),
    (14, _V14_VIOLENCE_BLOCK),
    (15, _V15_REJECTION_STAGE),
    (16, _V16_PENDING),
    (17, _V17_UNREST_BLOCK),
    (18, _V18_RUN_STATUS),
    (19, _V19_FETCHED),
]

LATEST_VERSION = MIGRATIONS[-1][0]
