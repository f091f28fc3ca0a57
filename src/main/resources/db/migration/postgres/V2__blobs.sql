-- Original files' bytes, addressed by their SHA-256.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    bytes  BYTEA NOT NULL
);
