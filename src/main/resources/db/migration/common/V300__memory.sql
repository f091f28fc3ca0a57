-- The memory layer (V300-V399). Portable SQL (SQLite and PostgreSQL); times are epoch milliseconds.

-- Where each follower of the event log stands: 'index:<index id>' for a memory index (each machine's
-- .solo/memory has its own id, so several Solo processes on one PostgreSQL each follow at their own pace;
-- the index also records its position inside its own commits), 'summaries' for the summary refresher,
-- 'runs' for the watcher of finished runs (working memory, summaries).
CREATE TABLE memory_cursors (
    name        TEXT    PRIMARY KEY,
    seq         BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);

-- Artifacts a context pack used, and when last: a value signal that retention keeps.
CREATE TABLE memory_uses (
    artifact_id  TEXT    PRIMARY KEY,
    last_used_at BIGINT  NOT NULL,
    uses         BIGINT  NOT NULL
);
