-- Interfaces: the operator's access token for the HTTP API, the cockpit and /metrics. Only its SHA-256
-- is kept (the token is 256 random bits, so a fast hash is enough); one row per name ('operator').
-- In the database rather than a file so that several Solo processes on one PostgreSQL share it.
CREATE TABLE access_tokens (
    name          TEXT    PRIMARY KEY,
    token_sha256  TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);
