package solo.state.storage;

import java.sql.SQLException;

/** Read-only work on one connection. */
@FunctionalInterface
public interface ReadWork<T> {
    T run(Sql sql) throws SQLException;
}
