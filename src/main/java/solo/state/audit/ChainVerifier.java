package solo.state.audit;

import java.util.List;
import java.util.Map;
import solo.state.Event;
import solo.state.storage.Storage;

/**
 * Recomputes every event's hash in order and compares the end of the chain with the recorded head, so
 * that a changed, deleted, inserted or reordered event, and a truncated tail, are all found. It also
 * checks that each live entity's stored body is the one its newest event recorded.
 */
public final class ChainVerifier {
    private static final int PAGE = 5_000;
    private final Storage storage;
    private final EventPages events;

    /** Reads events in sequence order; supplied by the store so that this class needs no SQL mapping. */
    public interface EventPages {
        List<Event> after(long seq, int limit);
    }

    public ChainVerifier(Storage storage, EventPages events) {
        this.storage = storage;
        this.events = events;
    }

    public ChainReport verify() {
        String prev = HashChain.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        List<Event> page;
        long after = 0;
        do {
            page = events.after(after, PAGE);
            for (Event e : page) {
                if (e.seq() != expectedSeq) {
                    return new ChainReport(count, expectedSeq, "missing: the log jumps from event "
                            + (expectedSeq - 1) + " to " + e.seq() + " (deleted events)");
                }
                if (!e.prevHash().equals(prev)) {
                    return new ChainReport(count, e.seq(), "its previous hash does not match event "
                            + (e.seq() - 1) + " (an event was deleted, inserted or reordered)");
                }
                String recomputed = HashChain.hash(e.prevHash(), e.seq(), e.at().toEpochMilli(), e.actor().toString(),
                        e.reason(), e.kind(), e.subject(), e.subjectType(), e.object(), e.version(), e.before(), e.after());
                if (!recomputed.equals(e.hash())) {
                    return new ChainReport(count, e.seq(), "its content does not match its hash (the event was changed)");
                }
                prev = e.hash();
                expectedSeq++;
                count++;
                after = e.seq();
            }
        } while (page.size() == PAGE);
        ChainReport tail = checkHead(count, expectedSeq - 1, prev);
        return tail != null ? tail : checkEntities(count);
    }

    private ChainReport checkHead(long count, long lastSeq, String lastHash) {
        Map.Entry<Long, String> head = storage.read(sql -> sql.queryOne(
                "SELECT seq, hash FROM chain_head WHERE id = 1",
                rs -> Map.entry(rs.getLong(1), rs.getString(2))).orElse(Map.entry(0L, HashChain.GENESIS)));
        if (head.getKey() > lastSeq) {
            return new ChainReport(count, lastSeq + 1, "missing: the chain head records event " + head.getKey()
                    + " but the log ends at " + lastSeq + " (the newest events were deleted)");
        }
        if (head.getKey() == lastSeq && !head.getValue().equals(lastHash)) {
            return new ChainReport(count, lastSeq, "its hash differs from the one the chain head recorded");
        }
        return null;
    }

    /** A body edited in the table, bypassing the write path, no longer matches its newest event. */
    private ChainReport checkEntities(long count) {
        record Mismatch(String id, long seq) {}
        Mismatch m = storage.read(sql -> sql.queryOne("""
                SELECT e.id, coalesce(ev.seq, 0) FROM entities e
                LEFT JOIN events ev ON ev.subject = e.id AND ev.version = e.version AND ev.kind LIKE 'entity.%'
                WHERE e.deleted = 0 AND (ev.seq IS NULL OR ev.after_json IS NULL OR ev.after_json <> e.body)
                ORDER BY e.id LIMIT 1""", rs -> new Mismatch(rs.getString(1), rs.getLong(2))).orElse(null));
        if (m != null) {
            return new ChainReport(count, m.seq(), "entity " + m.id()
                    + " holds a body that no event recorded (changed outside Solo)");
        }
        return new ChainReport(count, 0, null);
    }
}
