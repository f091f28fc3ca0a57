package solo.memory.sync;

import java.time.Clock;
import java.util.Optional;
import solo.state.storage.Storage;

/**
 * Positions in the event log of memory's followers (table {@code memory_cursors}): each names the last
 * event it has dealt with. Several processes may share the database, so an advance says where it
 * advances from; a follower that lost the race simply reads the events again next time.
 */
public final class Cursors {
    private final Storage storage;
    private final Clock clock;

    public Cursors(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    public Optional<Long> get(String name) {
        return storage.read(sql -> sql.queryOne("SELECT seq FROM memory_cursors WHERE name = ?", rs -> rs.getLong(1), name));
    }

    /** Records a position unconditionally (the index's own, which its commit already holds). */
    public void set(String name, long seq) {
        long now = clock.millis();
        storage.write(tx -> {
            if (tx.update("UPDATE memory_cursors SET seq = ?, updated_at = ? WHERE name = ?", seq, now, name) == 0) {
                tx.update("INSERT INTO memory_cursors (name, seq, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        name, seq, now);
            }
            return null;
        });
    }

    /** Moves a cursor from {@code from} to {@code to}; false when someone else moved it first. */
    public boolean advance(String name, long from, long to) {
        long now = clock.millis();
        return storage.write(tx -> tx.update("UPDATE memory_cursors SET seq = ?, updated_at = ? WHERE name = ? AND seq = ?",
                to, now, name, from) == 1);
    }

    /** The cursor's position, starting it at {@code initial} when it has none. */
    public long getOrStart(String name, long initial) {
        Optional<Long> found = get(name);
        if (found.isPresent()) {
            return found.get();
        }
        long now = clock.millis();
        storage.write(tx -> tx.update("INSERT INTO memory_cursors (name, seq, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                name, initial, now));
        return get(name).orElse(initial);
    }

    public void delete(String name) {
        storage.write(tx -> tx.update("DELETE FROM memory_cursors WHERE name = ?", name));
    }
}
