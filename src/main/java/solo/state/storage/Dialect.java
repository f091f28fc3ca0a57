package solo.state.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else is portable SQL (TEXT, BIGINT,
 * ON CONFLICT, RETURNING), so both storages share one set of repositories and one set of migrations.
 */
public enum Dialect {
    /**
     * SQLite connections stay in autocommit mode and the write path issues BEGIN IMMEDIATE itself: the
     * driver's own transaction mode would keep a write transaction open between commits, locking out
     * every other process (a CLI command next to a running server).
     */
    SQLITE("", "", "group_concat(%s, ' ')") {
        @Override
        void begin(Connection c) throws SQLException {
            execute(c, "BEGIN IMMEDIATE");
        }

        @Override
        void commit(Connection c) throws SQLException {
            execute(c, "COMMIT");
        }

        @Override
        void rollback(Connection c) throws SQLException {
            if (!c.getAutoCommit()) {
                c.rollback();
            } else {
                execute(c, "ROLLBACK");
            }
        }
    },
    /** PostgreSQL's write connection runs with autocommit off, as JDBC expects. */
    POSTGRES(" FOR UPDATE", " FOR UPDATE SKIP LOCKED", "string_agg(%s, ' ')") {
        @Override
        void begin(Connection c) {
            // a transaction starts implicitly with the first statement when autocommit is off
        }

        @Override
        void commit(Connection c) throws SQLException {
            c.commit();
        }

        @Override
        void rollback(Connection c) throws SQLException {
            c.rollback();
        }
    };

    private final String forUpdate;
    private final String forUpdateSkipLocked;
    private final String joinWithSpaces;

    Dialect(String forUpdate, String forUpdateSkipLocked, String joinWithSpaces) {
        this.forUpdate = forUpdate;
        this.forUpdateSkipLocked = forUpdateSkipLocked;
        this.joinWithSpaces = joinWithSpaces;
    }

    /** An aggregate that joins a text column's values with spaces. */
    public String joinWithSpaces(String column) {
        return joinWithSpaces.formatted(column);
    }

    /**
     * Appended to a SELECT that must lock its rows until commit. SQLite needs nothing: its write
     * transactions begin IMMEDIATE and so already exclude every other writer.
     */
    public String forUpdate() {
        return forUpdate;
    }

    /** Appended to a SELECT that claims rows other workers may be claiming at the same time. */
    public String forUpdateSkipLocked() {
        return forUpdateSkipLocked;
    }

    abstract void begin(Connection c) throws SQLException;

    abstract void commit(Connection c) throws SQLException;

    abstract void rollback(Connection c) throws SQLException;

    // Savepoints run once per writer in a shared commit: through the cached statements of the write path.
    void savepoint(Sql sql) throws SQLException {
        sql.bind("SAVEPOINT unit").execute();
    }

    void releaseSavepoint(Sql sql) throws SQLException {
        sql.bind("RELEASE SAVEPOINT unit").execute();
    }

    void rollbackToSavepoint(Sql sql) throws SQLException {
        sql.bind("ROLLBACK TO SAVEPOINT unit").execute();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
