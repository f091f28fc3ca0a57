-- Execution: inbound webhook deliveries, so that a replayed delivery starts nothing new.
CREATE TABLE webhook_deliveries (
    hook         TEXT    NOT NULL,
    delivery_id  TEXT    NOT NULL,
    body_sha256  TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    PRIMARY KEY (hook, delivery_id)
);
