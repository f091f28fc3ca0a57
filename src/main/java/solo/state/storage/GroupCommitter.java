package solo.state.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single write path of one process. Writers hand in work; one thread runs all the work that is
 * waiting in one transaction, each piece inside its own savepoint, and commits once. A durable commit
 * costs an fsync, so sharing it among everyone who arrived during the previous one is what makes
 * thousands of durable writes per second possible on an ordinary disk.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** Opens the write connection; called again after the connection broke. */
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private static final class Pending<T> {
        final WriteWork<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Exception error;

        Pending(WriteWork<T> work) {
            this.work = work;
        }

        void run(WriteTx tx) throws Exception {
            result = work.run(tx);
        }

        void deliver() {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }
    }

    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final ConnectionOpener opener;
    private final Dialect dialect;
    private final int maxBatch;
    private final Thread thread;
    private final LongAdder commits = new LongAdder();
    private final LongAdder units = new LongAdder();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private volatile boolean closed;
    private Connection connection;

    public GroupCommitter(String name, ConnectionOpener opener, Dialect dialect, int maxBatch) {
        this.opener = opener;
        this.dialect = dialect;
        this.maxBatch = maxBatch;
        this.thread = Thread.ofPlatform().name("solo-write-path-" + name).daemon(true).unstarted(this::loop);
        thread.start();
    }

    public <T> CompletableFuture<T> submit(WriteWork<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("write work must not start another write (it would wait for itself)");
        }
        if (closed) {
            throw new StorageException("the store is closed");
        }
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        return pending.future;
    }

    /** Mean number of writers that shared one commit so far. */
    public double meanGroupSize() {
        long c = commits.sum();
        return c == 0 ? 0 : (double) units.sum() / c;
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.error("write path failed", e);
                batch.forEach(p -> p.future.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    private void runBatch(List<Pending<?>> batch) {
        try {
            Connection c = connection();
            WriteTx tx = new WriteTx(c, dialect, statements);
            dialect.begin(c);
            if (batch.size() == 1) {
                Pending<?> only = batch.getFirst();
                try {
                    only.run(tx);
                } catch (Exception e) {
                    only.error = e;
                    rollbackQuietly();
                    only.deliver();
                    return;
                }
            } else {
                for (Pending<?> pending : batch) {
                    runInSavepoint(pending, tx);
                }
            }
            tx.runBeforeCommit();
            dialect.commit(c);
            commits.increment();
            units.add(batch.size());
        } catch (Exception e) {
            rollbackQuietly();
            StorageException failure = new StorageException("could not commit to the database: " + e.getMessage(), e);
            batch.forEach(p -> p.future.completeExceptionally(p.error != null ? p.error : failure));
            return;
        }
        batch.forEach(Pending::deliver);
    }

    private void runInSavepoint(Pending<?> pending, WriteTx tx) throws SQLException {
        WriteTx.Snapshot snapshot = tx.snapshot();
        dialect.savepoint(tx);
        try {
            pending.run(tx);
            dialect.releaseSavepoint(tx);
        } catch (Exception e) {
            pending.error = e;
            dialect.rollbackToSavepoint(tx);
            dialect.releaseSavepoint(tx);
            tx.restore(snapshot);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            statements.clear();
            connection = opener.open();
        }
        return connection;
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                dialect.rollback(connection);
            }
        } catch (SQLException e) {
            LOG.warn("rollback failed, reopening the write connection: {}", e.getMessage());
            closeConnection();
        }
    }

    private void closeConnection() {
        new Sql(connection, dialect, statements).closeStatements();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // best effort: the connection may be broken already
        }
        connection = null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
