package solo.orchestration.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.orchestration.flow.FlowDefinition;
import solo.support.SoloException;

/**
 * Claims runs that are ready and drives each on its own virtual thread, renewing its leases with a
 * heartbeat. Several workers (processes) can share one PostgreSQL: claiming skips rows others are
 * claiming, and a dead worker's runs are taken over once its leases expire.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final int CLAIM_BATCH = 256;

    private final Engine e;
    private final Map<String, Thread> active = new ConcurrentHashMap<>();
    private final Semaphore wakeup = new Semaphore(0);
    private volatile boolean claiming;
    private Thread claimer;
    private Thread heartbeat;

    public Worker(Engine e) {
        this.e = e;
    }

    /** Starts claiming and driving runs until {@link #close}. */
    public synchronized void start() {
        if (claiming) {
            return;
        }
        claiming = true;
        e.leased = true;
        startHeartbeat();
        claimer = Thread.ofVirtual().name("solo-claimer").start(this::claimLoop);
    }

    /** Wakes the claimer now (a run became ready in this process). */
    public void signal() {
        wakeup.release();
    }

    public int activeRuns() {
        return active.size();
    }

    private void claimLoop() {
        while (claiming && !e.stopping()) {
            int claimed = 0;
            try {
                int free = e.settings.maxRuns() - active.size();
                if (free > 0) {
                    List<Run> runs = e.storage.write(tx -> e.runs.claim(tx, e.owner, e.leaseUntil(), e.now(),
                            Math.min(free, CLAIM_BATCH)));
                    runs.forEach(this::launch);
                    claimed = runs.size();
                }
            } catch (RuntimeException ex) {
                LOG.warn("claiming runs failed: {}", ex.toString());
            }
            if (claimed < CLAIM_BATCH) {
                try {
                    wakeup.tryAcquire(e.settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeup.drainPermits();
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Drives a run this worker has leased on a new virtual thread. */
    public void launch(Run run) {
        if (active.containsKey(run.id())) {
            return; // already driven here (its lease was renewed by claiming it again)
        }
        Thread t = Thread.ofVirtual().name("run-" + run.id()).unstarted(() -> {
            try {
                drive(run);
            } catch (RuntimeException ex) {
                LOG.warn("run {}: {}", run.id(), ex.toString());
            } finally {
                active.remove(run.id());
                signal();
            }
        });
        if (active.putIfAbsent(run.id(), t) == null) {
            t.start();
        }
    }

    /** Drives a leased run in the calling thread until it completes, fails, waits or is lost. */
    public void drive(Run run) {
        e.leased = true;
        FlowDefinition def;
        try {
            def = e.catalog.version(run.flow(), run.flowVersion());
        } catch (SoloException ex) {
            new Checkpointer(e, run).end(new RunEnd.Fail("cannot load flow " + run.flow() + " version "
                    + run.flowVersion() + ": " + ex.getMessage()), null);
            return;
        }
        // a run this worker just created has no step log yet: no need to read it
        boolean fresh = run.version() == 1 && e.owner.equals(run.leaseOwner());
        List<StepRecord> log = fresh ? List.of() : e.storage.read(sql -> e.runs.steps(sql, run.id()));
        new RunExecutor(e, run, def, log).drive();
    }

    /**
     * Drives a run, and the child runs it starts, in the calling thread until it finishes or waits for
     * something that is not due within {@code patience} (the operator, a long wait): what
     * {@code solo flow run} does when no {@code solo up} is running.
     */
    public Run driveToRest(String rootId, Duration patience) {
        e.leased = true;
        startHeartbeat();
        while (true) {
            Run root = e.storage.read(sql -> e.runs.find(sql, rootId)).orElseThrow();
            if (root.status().finished()) {
                return root;
            }
            Instant now = e.now();
            List<Run> ready = e.storage.read(sql -> sql.query("SELECT " + RunRows.RUN_COLUMNS + " FROM runs WHERE"
                    + " (id = ? OR id LIKE ?) AND (status = 'queued' OR (status = 'waiting' AND wake_at <= ?)"
                    + " OR (status = 'running' AND (lease_until < ? OR lease_owner = ?))) ORDER BY length(id) DESC",
                    RunRows::run, rootId, rootId + ".%", now.toEpochMilli(), now.toEpochMilli(), e.owner));
            if (ready.isEmpty()) {
                Instant wake = e.storage.read(sql -> sql.queryOne("SELECT min(wake_at) FROM runs WHERE (id = ? OR id LIKE ?)"
                        + " AND status = 'waiting' AND wake_at IS NOT NULL", RunRows::instant1, rootId, rootId + ".%"))
                        .orElse(null);
                if (wake == null || Duration.between(now, wake).compareTo(patience) > 0) {
                    return root;
                }
                sleep(Duration.between(now, wake).plusMillis(5));
                continue;
            }
            for (Run r : ready) {
                Optional<Run> mine = e.storage.write(tx -> e.runs.claimOne(tx, r.id(), e.owner, e.leaseUntil(), e.now()));
                mine.ifPresent(this::drive);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.isNegative() ? Duration.ZERO : d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SoloException("interrupted");
        }
    }

    private synchronized void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        long every = Math.max(50, e.settings.lease().toMillis() / 3);
        heartbeat = Thread.ofPlatform().daemon(true).name("solo-heartbeat").start(() -> {
            while (!e.stopping()) {
                try {
                    Thread.sleep(every);
                    e.storage.write(tx -> e.runs.heartbeat(tx, e.owner, e.leaseUntil()));
                } catch (InterruptedException ie) {
                    return;
                } catch (RuntimeException ex) {
                    LOG.warn("renewing leases failed: {}", ex.toString());
                }
            }
        });
    }

    /** Stops claiming; runs stop at their next step boundary and go back to the queue. */
    @Override
    public void close() {
        claiming = false;
        e.stop();
        signal();
        active.values().forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            sleepQuietly();
        }
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
        if (claimer != null) {
            claimer.interrupt();
        }
        if (!e.leased) {
            e.batcher.stop();
            return;
        }
        try {
            e.storage.write(tx -> tx.update("UPDATE runs SET status = 'queued', lease_owner = NULL, lease_until = NULL,"
                    + " version = version + 1 WHERE lease_owner = ? AND status = 'running'", e.owner));
        } catch (RuntimeException ex) {
            LOG.debug("could not give back leases ({}); they will expire", ex.toString());
        }
        e.batcher.stop();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
