package solo.state.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import solo.state.Actor;
import solo.state.Event;
import solo.state.audit.HashChain;
import solo.state.storage.Sql;
import solo.state.storage.WriteTx;

/**
 * Appends events to the hash chain. The chain head is read (and, on PostgreSQL, locked) once per
 * transaction, advanced in memory by every event, and written back just before the commit.
 */
final class EventLog {
    private static final Object HEAD = new Object();

    private record Head(long seq, String hash) {}

    static final String COLUMNS =
            "seq, at, actor, reason, kind, subject, subject_type, object, version, before_json, after_json, prev_hash, hash";

    Event append(WriteTx tx, Instant at, Actor actor, String reason, String kind, String subject, String subjectType,
            String object, Long version, String before, String after) throws SQLException {
        Head head = head(tx);
        long seq = head.seq() + 1;
        long millis = at.toEpochMilli();
        String actorText = actor.toString();
        String hash = HashChain.hash(head.hash(), seq, millis, actorText, reason, kind, subject, subjectType, object,
                version, before, after);
        String runId = actor instanceof Actor.Step step ? step.runId() : null;
        tx.update("INSERT INTO events (" + COLUMNS + ", run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, millis, actorText, reason, kind, subject, subjectType, object, version, before, after,
                head.hash(), hash, runId);
        tx.put(HEAD, new Head(seq, hash));
        return new Event(seq, Instant.ofEpochMilli(millis), actor, reason, kind, subject, subjectType, object,
                version, before, after, head.hash(), hash);
    }

    private Head head(WriteTx tx) throws SQLException {
        Head head = tx.get(HEAD);
        if (head == null) {
            head = tx.queryOne("SELECT seq, hash FROM chain_head WHERE id = 1" + tx.dialect().forUpdate(),
                    rs -> new Head(rs.getLong(1), rs.getString(2))).orElseThrow();
            tx.put(HEAD, head);
            tx.beforeCommit(HEAD, t -> {
                Head last = t.get(HEAD);
                t.update("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", last.seq(), last.hash());
            });
        }
        return head;
    }

    static List<Event> after(Sql sql, long afterSeq, int limit) throws SQLException {
        return sql.query("SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
                Rows::event, afterSeq, limit);
    }
}
