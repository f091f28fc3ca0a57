package solo.memory.pack;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.state.storage.Storage;

/**
 * Records which artifacts context packs used, and when (table {@code memory_uses}): a value signal for
 * retention. Written without waiting (the pack is a read; its caller should not pay for a commit).
 */
public final class PackUses {
    private static final Logger LOG = LoggerFactory.getLogger(PackUses.class);
    private final Storage storage;
    private final Clock clock;

    public PackUses(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    public void record(List<String> artifactIds) {
        long now = clock.millis();
        storage.writeAsync(tx -> {
            for (String id : artifactIds) {
                if (tx.update("UPDATE memory_uses SET last_used_at = ?, uses = uses + 1 WHERE artifact_id = ?", now, id) == 0) {
                    tx.update("INSERT INTO memory_uses (artifact_id, last_used_at, uses) VALUES (?, ?, 1) ON CONFLICT DO NOTHING",
                            id, now);
                }
            }
            return null;
        }).exceptionally(e -> {
            LOG.debug("could not record context pack uses: {}", e.toString());
            return null;
        });
    }
}
