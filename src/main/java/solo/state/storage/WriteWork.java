package solo.state.storage;

import java.sql.SQLException;

/**
 * Work inside a write transaction. It may run in the same transaction as other writers' work, inside
 * its own savepoint: if it throws, only its own changes are undone and the exception reaches its caller.
 * It must not block on anything but the database (no model calls, no network).
 */
@FunctionalInterface
public interface WriteWork<T> {
    T run(WriteTx tx) throws SQLException;
}
