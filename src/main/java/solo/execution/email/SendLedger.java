package solo.execution.email;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import solo.state.storage.Sql;
import solo.state.storage.WriteTx;

/**
 * The {@code email_sends} table: each idempotency key with what became of it. A row is {@code sending}
 * from before the message is handed over until its outcome is recorded, so a crash in between is seen.
 */
final class SendLedger {
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    record Row(String key, String messageId, String transport, String state, String digest, String artifactId,
            String detail, int attempts, Instant updatedAt) {}

    private SendLedger() {}

    /** The row; {@code lock} inside a write transaction, so that two senders of one key take turns. */
    static Optional<Row> find(Sql sql, String key, boolean lock) throws SQLException {
        return sql.queryOne("SELECT idempotency_key, message_id, transport, state, digest, artifact_id, detail, attempts,"
                + " updated_at FROM email_sends WHERE idempotency_key = ?" + (lock ? sql.dialect().forUpdate() : ""),
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9))), key);
    }

    static void begin(WriteTx tx, String key, String messageId, String transport, String digest, String recipients,
            String subject, long now) throws SQLException {
        tx.update("INSERT INTO email_sends (idempotency_key, message_id, transport, state, digest, recipients, subject,"
                + " attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                key, messageId, transport, SENDING, digest, recipients, subject, now, now);
    }

    static void retry(WriteTx tx, String key, String transport, long now) throws SQLException {
        tx.update("UPDATE email_sends SET state = ?, transport = ?, detail = NULL, attempts = attempts + 1,"
                + " updated_at = ? WHERE idempotency_key = ?", SENDING, transport, now, key);
    }

    static void sent(WriteTx tx, String key, String artifactId, String detail, long now) throws SQLException {
        tx.update("UPDATE email_sends SET state = ?, artifact_id = ?, detail = ?, updated_at = ? WHERE idempotency_key = ?",
                SENT, artifactId, detail, now, key);
    }

    static void failed(WriteTx tx, String key, String reason, long now) throws SQLException {
        tx.update("UPDATE email_sends SET state = ?, detail = ?, updated_at = ? WHERE idempotency_key = ?",
                FAILED, reason, now, key);
    }

    /** Keeps the reason an outcome is unknown, for the operator; the row stays {@code sending}. */
    static void unknown(WriteTx tx, String key, String reason, long now) throws SQLException {
        tx.update("UPDATE email_sends SET detail = ?, updated_at = ? WHERE idempotency_key = ? AND state = ?",
                "outcome unknown: " + reason, now, key, SENDING);
    }
}
