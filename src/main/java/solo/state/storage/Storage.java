package solo.state.storage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where the company's data lives: SQLite embedded in the company folder by default, PostgreSQL when the
 * company outgrows one machine. Both run the same migrations and pass the same contract tests.
 *
 * <p>Reads run on pooled connections and see committed data. Writes run in the single write path: each
 * {@link WriteWork} runs inside a transaction together with other writers' work that arrived meanwhile,
 * and returns only once the commit is durable (group commit: one fsync for many writers).
 */
public interface Storage extends AutoCloseable {

    /** {@code sqlite} or {@code postgres}. */
    String kind();

    /** The durability settings in effect, as the database reports them (for benchmarks and docs). */
    Map<String, String> durability();

    /** Runs read-only work on a pooled connection. */
    <T> T read(ReadWork<T> work);

    /** Runs work in a group-committed write transaction and waits until its commit is durable. */
    <T> T write(WriteWork<T> work);

    /** Like {@link #write} but returns at once; the future completes after the commit. */
    <T> CompletableFuture<T> writeAsync(WriteWork<T> work);

    /** Bytes the database occupies on disk (data, indexes and logs). */
    long sizeOnDisk();

    @Override
    void close();
}
