-- The execution layer: the ledger of model calls and the response cache. Portable SQL (SQLite and PostgreSQL).
-- Times are epoch milliseconds (UTC); money is in millionths of the price table's currency; booleans are 0/1.

-- One row per model call, cache hits and failed calls included.
CREATE TABLE model_calls (
    id            TEXT    PRIMARY KEY,
    at            BIGINT  NOT NULL,
    day           TEXT    NOT NULL,   -- yyyy-mm-dd in the company's time zone: what daily budgets sum
    run_id        TEXT,
    flow          TEXT,
    step_id       TEXT,
    agent         TEXT,
    provider      TEXT    NOT NULL,
    model         TEXT    NOT NULL,
    tier          TEXT,
    request_key   TEXT,
    input_tokens  BIGINT  NOT NULL,
    output_tokens BIGINT  NOT NULL,
    latency_ms    BIGINT  NOT NULL,
    cost_micros   BIGINT  NOT NULL,
    priced        INTEGER NOT NULL,
    cache_hit     INTEGER NOT NULL,
    outcome       TEXT    NOT NULL,
    detail        TEXT
);
CREATE INDEX model_calls_by_run ON model_calls (run_id, at);
CREATE INDEX model_calls_by_day ON model_calls (day, flow);

-- Answers by the hash of the call that produced them (provider, model, messages, parameters).
CREATE TABLE response_cache (
    cache_key     TEXT   PRIMARY KEY,
    provider      TEXT   NOT NULL,
    model         TEXT   NOT NULL,
    reply         TEXT   NOT NULL,
    input_tokens  BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    created_at    BIGINT NOT NULL
);
