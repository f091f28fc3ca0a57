-- The orchestration runtime: flow versions, runs, their step log, schedules and trigger cursors.
-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds; JSON is text.

-- Every version of every flow a run was started on: a run stays on the version it started with.
CREATE TABLE flow_versions (
    flow        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    hash        TEXT    NOT NULL,
    file        TEXT    NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (flow, version)
);
CREATE UNIQUE INDEX flow_versions_by_hash ON flow_versions (flow, hash);

-- One execution of a flow. A worker owns a running run through its lease; `version` is the
-- optimistic lock for changes made by anyone else (the operator cancelling, retrying, answering).
CREATE TABLE runs (
    id            TEXT    PRIMARY KEY,
    flow          TEXT    NOT NULL,
    flow_version  INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    input         TEXT    NOT NULL,
    trigger_info  TEXT    NOT NULL,
    parent_run    TEXT,
    parent_step   TEXT,
    forked_from   TEXT,
    output        TEXT,
    error         TEXT,
    lease_owner   TEXT,
    lease_until   BIGINT,
    wake_at       BIGINT,
    version       BIGINT  NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    finished_at   BIGINT
);
CREATE INDEX runs_by_status ON runs (status, wake_at);
CREATE INDEX runs_by_flow ON runs (flow, created_at);
CREATE INDEX runs_by_owner ON runs (lease_owner, status);
CREATE INDEX runs_by_parent ON runs (parent_run);

-- The step log: one row per step (and per foreach item, "step[3]"), rewritten at each checkpoint.
CREATE TABLE run_steps (
    run_id       TEXT    NOT NULL,
    step_id      TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    input        TEXT,
    output       TEXT,
    error        TEXT,
    stack        TEXT,
    wake_at      BIGINT,
    detail       TEXT,
    started_at   BIGINT  NOT NULL,
    finished_at  BIGINT,
    PRIMARY KEY (run_id, step_id)
);
CREATE INDEX run_steps_waiting ON run_steps (status, run_id);

-- The last time each cron trigger fired: a schedule missed while Solo was down fires once.
CREATE TABLE flow_schedules (
    flow        TEXT   NOT NULL,
    trigger_key TEXT   NOT NULL,
    last_fired  BIGINT NOT NULL,
    PRIMARY KEY (flow, trigger_key)
);

-- How far entity-event triggers have read the event log.
CREATE TABLE trigger_cursors (
    name  TEXT   PRIMARY KEY,
    seq   BIGINT NOT NULL
);
