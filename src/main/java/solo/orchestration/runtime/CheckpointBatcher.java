package solo.orchestration.runtime;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import solo.state.storage.Dialect;
import solo.state.storage.StorageException;
import solo.state.storage.WriteTx;
import tools.jackson.databind.JsonNode;

/**
 * Writes the plain checkpoints of many runs (a step's row, and maybe the run's end) as one unit of the
 * group-committed write path, with JDBC batches: a few round trips to the database for a hundred steps
 * instead of four for each. Checkpoints with their own state writes go through {@link Checkpointer}
 * one by one, in their own savepoint.
 */
final class CheckpointBatcher {
    private static final int MAX_BATCH = 2048;

    /** One checkpoint: the step's row, and the run's end (null: the run goes on) with its output. */
    record Item(StepRecord step, RunEnd end, JsonNode runOutput, CompletableFuture<Void> done) {}

    private final Engine e;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean stopped;
    /** One batch committing and one waiting: checkpoints arriving meanwhile gather into the next batch. */
    private final Semaphore inFlight = new Semaphore(2);
    private final LongAdder batches = new LongAdder();
    private final LongAdder items = new LongAdder();

    CheckpointBatcher(Engine e) {
        this.e = e;
    }

    /** Commits the checkpoint with others waiting at the same time; returns once it is durable. */
    void commit(StepRecord step, RunEnd end, JsonNode runOutput) {
        if (stopped) {
            throw new StorageException("the runtime is closed");
        }
        start();
        Item item = new Item(step, end, runOutput, new CompletableFuture<>());
        queue.add(item);
        try {
            item.done().join();
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw ex;
        }
    }

    /** Stops the batching thread (the write path is closing). */
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Mean number of checkpoints written per batch so far. */
    double meanBatch() {
        long b = batches.sum();
        return b == 0 ? 0 : (double) items.sum() / b;
    }

    private void start() {
        if (thread == null) {
            synchronized (this) {
                if (thread == null) {
                    thread = Thread.ofVirtual().name("solo-checkpoints").start(this::loop);
                }
            }
        }
    }

    private void loop() {
        while (true) {
            List<Item> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                inFlight.acquire();
            } catch (InterruptedException ie) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            batches.increment();
            items.add(batch.size());
            List<Item> lost = new ArrayList<>();
            try {
                e.storage.writeAsync(tx -> {
                    lost.clear();
                    lost.addAll(write(tx, batch));
                    return null;
                }).whenComplete((ok, failure) -> {
                    inFlight.release();
                    deliver(batch, lost, failure);
                });
            } catch (RuntimeException failure) {
                inFlight.release();
                deliver(batch, List.of(), failure);
            }
        }
    }

    private static void deliver(List<Item> batch, List<Item> lost, Throwable failure) {
        for (Item item : batch) {
            if (failure != null) {
                item.done().completeExceptionally(failure instanceof CompletionException c ? c.getCause() : failure);
            } else if (lost.contains(item)) {
                item.done().completeExceptionally(new LostRunException(item.step().runId()));
            } else {
                item.done().complete(null);
            }
        }
    }

    /** Writes the batch; returns the items whose run this worker no longer owns (nothing of theirs is written). */
    private List<Item> write(WriteTx tx, List<Item> batch) throws SQLException {
        Instant now = e.now();
        List<Item> owned = new ArrayList<>(batch.size());
        List<Item> lost = new ArrayList<>();
        if (tx.dialect() == Dialect.SQLITE) {
            // one exclusive transaction: the lease check goes inside the insert itself
            int[] counts = batch(tx, RunRepository.GUARDED_STEP, batch, i -> RunRepository.stepParams(i.step(),
                    i.step().runId(), e.owner));
            split(batch, counts, owned, lost);
        } else {
            // lock the runs' rows first, in one statement: a worker taking one over skips it until this commit
            Array ids = tx.connection().createArrayOf("text", batch.stream().map(i -> i.step().runId()).distinct()
                    .toArray());
            Set<String> mine = new HashSet<>(tx.query("SELECT id FROM runs WHERE id = ANY(?)"
                    + " AND lease_owner = ? AND status = 'running' FOR UPDATE", rs -> rs.getString(1), ids, e.owner));
            for (Item item : batch) {
                (mine.contains(item.step().runId()) ? owned : lost).add(item);
            }
            batch(tx, RunRepository.STEP, owned, i -> RunRepository.stepParams(i.step()));
        }
        for (Item item : owned) {
            // rare (a step that starts waiting for the operator, a run that fails): the inbox's row in the same commit
            if (OperatorQueue.waitsForOperator(item.step())) {
                e.queue.waiting(tx, item.step(), now);
            }
            if (item.end() instanceof RunEnd.Fail f && !f.decided()) {
                e.queue.failed(tx, item.step().runId(), f.error(), now); // only top-level runs come through here
            }
        }
        List<Item> ending = owned.stream().filter(i -> i.end() != null).toList();
        int[] ended = batch(tx, RunRepository.END, ending, i -> RunRepository.endParams(i.step().runId(), e.owner,
                status(i.end()), wakeAt(i.end()), i.runOutput(), error(i.end()), now));
        for (int k = 0; k < ended.length; k++) {
            if (ended[k] == 0) {
                throw new LostRunException(ending.get(k).step().runId()); // cannot happen: the row was checked above
            }
        }
        return lost;
    }

    private interface Params {
        Object[] of(Item item);
    }

    private static int[] batch(WriteTx tx, String sql, List<Item> items, Params params) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        PreparedStatement ps = null;
        for (Item item : items) {
            ps = tx.bind(sql, params.of(item));
            ps.addBatch();
        }
        return ps.executeBatch();
    }

    private static void split(List<Item> batch, int[] counts, List<Item> owned, List<Item> lost) {
        for (int k = 0; k < counts.length; k++) {
            (counts[k] == 0 ? lost : owned).add(batch.get(k));
        }
    }

    private static RunStatus status(RunEnd end) {
        return switch (end) {
            case RunEnd.Park p -> RunStatus.WAITING;
            case RunEnd.Complete c -> RunStatus.COMPLETED;
            case RunEnd.Fail f -> RunStatus.FAILED;
        };
    }

    private static Instant wakeAt(RunEnd end) {
        return end instanceof RunEnd.Park p ? p.wakeAt() : null;
    }

    private static String error(RunEnd end) {
        return end instanceof RunEnd.Fail f ? f.error() : null;
    }

}
