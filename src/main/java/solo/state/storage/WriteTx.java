package solo.state.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One write transaction, possibly shared by several writers' work. Besides SQL it carries small
 * per-transaction state (such as the head of the event hash chain) and actions to run just before the
 * commit; both are restored when one writer's work is rolled back to its savepoint, so state values
 * must be immutable.
 */
public final class WriteTx extends Sql {

    /** SQL to run once, just before the transaction commits. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run(WriteTx tx) throws SQLException;
    }

    record Snapshot(Map<Object, Object> state, Map<Object, BeforeCommit> beforeCommit) {}

    private Map<Object, Object> state = new HashMap<>();
    private Map<Object, BeforeCommit> beforeCommit = new LinkedHashMap<>();

    WriteTx(Connection connection, Dialect dialect, Map<String, PreparedStatement> statementCache) {
        super(connection, dialect, statementCache);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Object key) {
        return (T) state.get(key);
    }

    public void put(Object key, Object value) {
        state.put(key, value);
    }

    /** Registers an action to run before commit; a second registration under the same key is ignored. */
    public void beforeCommit(Object key, BeforeCommit action) {
        beforeCommit.putIfAbsent(key, action);
    }

    void runBeforeCommit() throws SQLException {
        for (BeforeCommit action : beforeCommit.values()) {
            action.run(this);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(new HashMap<>(state), new LinkedHashMap<>(beforeCommit));
    }

    void restore(Snapshot snapshot) {
        state = snapshot.state();
        beforeCommit = snapshot.beforeCommit();
    }
}
