-- Execution: secrets, sealed with AES-GCM. The key never enters the database: only a check value that
-- tells a wrong key from a tampered value, and the company id that names the key file.
CREATE TABLE secret_keyring (
    id          INTEGER PRIMARY KEY,
    company_id  TEXT    NOT NULL,
    key_check   TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);

-- sealed: base64 of a random 96-bit nonce followed by the ciphertext and its tag; the name is the AAD.
CREATE TABLE secrets (
    name        TEXT    PRIMARY KEY,
    sealed      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
