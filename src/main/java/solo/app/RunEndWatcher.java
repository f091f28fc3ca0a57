package solo.app;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.memory.Memory;
import solo.orchestration.runtime.Run;
import solo.state.Store;

/**
 * Tells memory when runs end (their working memory goes or is archived; the entities they wrote get fresh
 * summaries). It reads the runtime's {@code runs} table from a cursor in {@code memory_cursors} ({@code runs}:
 * the last finish time dealt with), because memory may not depend on orchestration and the runtime has no
 * listener for run ends; a run dealt with twice is harmless (nothing left to discard, nothing new to summarize).
 *
 * <p>Only runs that finished {@link Run#FINISH_SETTLE_MILLIS} ago are read (a finish time is taken before its
 * commit). A batch that fills up stops before its last millisecond, so that runs sharing
 * that millisecond are read together next time rather than half of them skipped.
 */
final class RunEndWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RunEndWatcher.class);
    static final String CURSOR = "runs";
    static final long SETTLE_MILLIS = Run.FINISH_SETTLE_MILLIS;
    static final int BATCH = 200;
    private final Store store;
    private final Memory memory;
    private final java.time.Clock clock;

    RunEndWatcher(Store store, Memory memory, java.time.Clock clock) {
        this.store = store;
        this.memory = memory;
        this.clock = clock;
    }

    private record Ended(String id, String status, long finishedAt) {}

    /** Sets the cursor to now on a first start, so that the runs ending from here on are all seen. */
    void begin() {
        memory.cursors().getOrStart(CURSOR, clock.millis());
    }

    /** Deals with the runs that ended since the cursor; returns how many. */
    int poll() {
        // a first start begins now: runs that ended before memory was watching are not revisited
        long now = clock.millis();
        long since = memory.cursors().getOrStart(CURSOR, now);
        long settled = now - SETTLE_MILLIS;
        List<Ended> ended = store.storage().read(sql -> sql.query("SELECT id, status, finished_at FROM runs"
                + " WHERE finished_at IS NOT NULL AND finished_at > ? AND finished_at <= ?"
                + " AND status IN ('completed', 'failed', 'cancelled') ORDER BY finished_at, id LIMIT " + BATCH,
                rs -> new Ended(rs.getString(1), rs.getString(2), rs.getLong(3)), since, settled));
        ended = wholeMilliseconds(ended);
        for (Ended e : ended) {
            try {
                memory.runEnded(e.id(), e.status());
            } catch (RuntimeException ex) {
                LOG.warn("memory could not finish run {}: {}", e.id(), ex.toString());
            }
        }
        if (!ended.isEmpty()) {
            memory.cursors().set(CURSOR, ended.getLast().finishedAt());
        }
        return ended.size();
    }

    /** A full batch without the runs of its last millisecond, unless that is all it holds. */
    private static List<Ended> wholeMilliseconds(List<Ended> batch) {
        if (batch.size() < BATCH) {
            return batch;
        }
        long last = batch.getLast().finishedAt();
        List<Ended> whole = batch.stream().filter(e -> e.finishedAt() < last).toList();
        return whole.isEmpty() ? batch : whole;
    }
}
