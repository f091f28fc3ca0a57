package solo.state.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import solo.state.storage.Dialect;
import solo.state.storage.GroupCommitter;
import solo.state.storage.ReadWork;
import solo.state.storage.Sql;
import solo.state.storage.Storage;
import solo.state.storage.StorageException;
import solo.state.storage.WriteWork;
import solo.support.SoloException;

/** What SQLite and PostgreSQL share: pooled reads and one group-committed write path. */
public abstract class JdbcStorage implements Storage {
    private final DataSource readers;
    private final GroupCommitter writePath;
    private final Dialect dialect;

    protected JdbcStorage(DataSource readers, GroupCommitter writePath, Dialect dialect) {
        this.readers = readers;
        this.writePath = writePath;
        this.dialect = dialect;
    }

    @Override
    public <T> T read(ReadWork<T> work) {
        try (Connection c = readers.getConnection()) {
            Sql sql = new Sql(c, dialect);
            try {
                return work.run(sql);
            } finally {
                sql.closeStatements();
            }
        } catch (SQLException e) {
            throw new StorageException(kind() + ": read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T write(WriteWork<T> work) {
        try {
            return writePath.submit(work).join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    @Override
    public <T> CompletableFuture<T> writeAsync(WriteWork<T> work) {
        return writePath.submit(work);
    }

    /** Mean number of writers that shared one commit since the storage opened. */
    public double meanGroupSize() {
        return writePath.meanGroupSize();
    }

    protected void closeWritePath() {
        writePath.close();
    }

    private RuntimeException unwrap(Throwable cause) {
        if (cause instanceof SoloException | cause instanceof IllegalArgumentException
                | cause instanceof IllegalStateException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof SQLException sql) {
            return new StorageException(kind() + ": write failed: " + sql.getMessage(), sql);
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new StorageException(kind() + ": write failed: " + cause, cause);
    }
}
