package solo.orchestration.runtime;

import java.time.Clock;
import java.time.Instant;
import solo.orchestration.step.StepKinds;
import solo.state.Store;
import solo.state.storage.Storage;

/** What every part of one process's runtime shares: where runs live, the kinds, the clock, who we are. */
public final class Engine {
    final Store store;
    final Storage storage;
    final RunRepository runs = new RunRepository();
    final FlowCatalog catalog;
    final StepKinds kinds;
    final Clock clock;
    final RuntimeSettings settings;
    final CheckpointBatcher batcher = new CheckpointBatcher(this);
    /** The operator's queue (the inbox), told of waits, failures and answers in the same transactions. */
    volatile OperatorQueue queue = OperatorQueue.NONE;
    volatile String owner;
    private volatile boolean stopping;
    /** Whether this process ever held a lease (else closing has nothing to give back). */
    volatile boolean leased;

    public Engine(Store store, FlowCatalog catalog, StepKinds kinds, Clock clock, RuntimeSettings settings, String owner) {
        this.store = store;
        this.storage = store.storage();
        this.catalog = catalog;
        this.kinds = kinds;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
    }

    /** Mean number of step checkpoints that shared one batch (for benchmarks). */
    public double meanCheckpointBatch() {
        return batcher.meanBatch();
    }

    public FlowCatalog catalog() {
        return catalog;
    }

    public String owner() {
        return owner;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    /** Plugs in the operator's queue (the inbox); set once, before any run is driven. */
    public void queue(OperatorQueue queue) {
        this.queue = queue;
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public Instant clockNow() {
        return clock.instant();
    }

    Instant now() {
        return clock.instant();
    }

    Instant leaseUntil() {
        return now().plus(settings.lease());
    }

    /**
     * Takes on a worker identity that outlives the process (that of {@code solo up} for one company on one
     * machine): runs its previous incarnation held when it died are given back to the queue at once,
     * instead of after their leases expire.
     */
    public int adoptIdentity(String id) {
        owner = id;
        return storage.write(tx -> tx.update("UPDATE runs SET status = 'queued', lease_owner = NULL, lease_until = NULL,"
                + " version = version + 1, updated_at = ? WHERE lease_owner = ? AND status = 'running'",
                now().toEpochMilli(), id));
    }

    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }
}
