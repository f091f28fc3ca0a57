package solo.execution.email;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import solo.state.audit.HashChain;
import solo.state.storage.Sql;
import solo.state.storage.WriteTx;

/**
 * Threads: every message Solo sent or stored, by Message-ID, with its thread id. A message joins the
 * thread of the first known message among its In-Reply-To and References; otherwise its thread id is made
 * from the thread's root Message-ID (the first reference), so a reply read before its original still
 * lands in the same thread.
 */
final class EmailThreads {
    private EmailThreads() {}

    static Optional<String> threadOf(Sql sql, String messageId) throws SQLException {
        return sql.queryOne("SELECT thread_id FROM email_messages WHERE message_id = ?", rs -> rs.getString(1), messageId);
    }

    static boolean known(Sql sql, String messageId) throws SQLException {
        return threadOf(sql, messageId).isPresent();
    }

    static String threadFor(Sql sql, String messageId, String inReplyTo, List<String> references) throws SQLException {
        List<String> candidates = new ArrayList<>();
        if (inReplyTo != null) {
            candidates.add(inReplyTo);
        }
        candidates.addAll(references.reversed());
        for (String ref : candidates) {
            Optional<String> thread = threadOf(sql, ref);
            if (thread.isPresent()) {
                return thread.get();
            }
        }
        String root = !references.isEmpty() ? references.getFirst() : inReplyTo != null ? inReplyTo : messageId;
        return "thread_" + HashChain.sha256(root).substring(0, 20);
    }

    static void register(WriteTx tx, String messageId, String threadId, String direction, String artifactId, long now)
            throws SQLException {
        tx.update("INSERT INTO email_messages (message_id, thread_id, direction, artifact_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", messageId, threadId, direction, artifactId, now);
    }
}
