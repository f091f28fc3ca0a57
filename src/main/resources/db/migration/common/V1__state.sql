-- The state layer: entities, links, artifacts and the event log. Portable SQL, run on SQLite and PostgreSQL.
-- Times are epoch milliseconds (UTC); JSON is stored as text exactly as it was hashed; booleans are 0/1.

CREATE TABLE entities (
    id          TEXT    PRIMARY KEY,
    type        TEXT    NOT NULL,
    version     BIGINT  NOT NULL,
    body        TEXT    NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX entities_by_type ON entities (type, deleted, id);

-- A typed, directed edge of the operational graph.
CREATE TABLE links (
    from_id     TEXT   NOT NULL,
    type        TEXT   NOT NULL,
    to_id       TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (from_id, type, to_id)
);
CREATE INDEX links_by_target ON links (to_id, type, from_id);

-- Unstructured content. Text is kept for indexing; an original file's bytes live in blobs.
CREATE TABLE artifacts (
    id          TEXT    PRIMARY KEY,
    kind        TEXT    NOT NULL,
    title       TEXT,
    text        TEXT,
    file_name   TEXT,
    media_type  TEXT,
    blob_sha256 TEXT,
    size        BIGINT  NOT NULL DEFAULT 0,
    metadata    TEXT    NOT NULL,
    version     BIGINT  NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX artifacts_by_kind ON artifacts (kind, created_at);

CREATE TABLE artifact_entities (
    artifact_id TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    PRIMARY KEY (artifact_id, entity_id)
);
CREATE INDEX artifact_entities_by_entity ON artifact_entities (entity_id, artifact_id);

-- The immutable record of every change, chained by hashes: each hash covers the event and prev_hash.
CREATE TABLE events (
    seq          BIGINT PRIMARY KEY,
    at           BIGINT NOT NULL,
    actor        TEXT   NOT NULL,
    reason       TEXT,
    kind         TEXT   NOT NULL,
    subject      TEXT   NOT NULL,
    subject_type TEXT,
    object       TEXT,
    version      BIGINT,
    before_json  TEXT,
    after_json   TEXT,
    prev_hash    TEXT   NOT NULL,
    hash         TEXT   NOT NULL
);
CREATE INDEX events_by_subject ON events (subject, seq);
CREATE INDEX events_by_object ON events (object, seq);
CREATE INDEX events_by_actor ON events (actor, seq);

-- The last event's sequence number and hash: a lock for appenders, and what verification compares
-- the chain's end against (so that deleting the newest events is noticed too).
CREATE TABLE chain_head (
    id    INTEGER PRIMARY KEY,
    seq   BIGINT  NOT NULL,
    hash  TEXT    NOT NULL
);
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
