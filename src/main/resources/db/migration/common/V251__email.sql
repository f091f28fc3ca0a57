-- Execution: email. Outbound sends by idempotency key, every message Solo sent or read (for threads and
-- to never store one twice), and the inbound poll cursors.

-- state: sending (begun, outcome not yet recorded), sent, failed (certainly not sent).
CREATE TABLE email_sends (
    idempotency_key TEXT    PRIMARY KEY,
    message_id      TEXT    NOT NULL,
    transport       TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    digest          TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    subject         TEXT,
    artifact_id     TEXT,
    detail          TEXT,
    attempts        INTEGER NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);

CREATE TABLE email_messages (
    message_id  TEXT    PRIMARY KEY,
    thread_id   TEXT    NOT NULL,
    direction   TEXT    NOT NULL,
    artifact_id TEXT,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX email_messages_by_thread ON email_messages (thread_id, created_at);

-- IMAP: the folder's UIDVALIDITY and the highest UID stored.
CREATE TABLE email_cursors (
    source       TEXT    PRIMARY KEY,
    uid_validity BIGINT  NOT NULL,
    last_uid     BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL
);

-- Maildir: the unique names of the files already read.
CREATE TABLE email_seen_files (
    source   TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    seen_at  BIGINT  NOT NULL,
    PRIMARY KEY (source, name)
);
