package solo.interfaces.http.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;
import solo.state.storage.Storage;

/**
 * Runs by state, the queue's depth (runs ready for a worker), steps waiting for the operator, and step
 * latency. Latency is read from the step log (steps finished since the last scrape), so it counts the
 * steps of every worker on the database, not only this process's, and the runtime needs no hook.
 */
public final class RunMetrics implements MetricSource {
    private final Storage storage;
    private final RunControl runs;
    private final Clock clock;
    private final Map<RunStatus, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final AtomicLong ready = new AtomicLong();
    private final AtomicLong waitingForOperator = new AtomicLong();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private MeterRegistry registry;
    private long finishedAfter;

    public RunMetrics(Storage storage, RunControl runs, Clock clock) {
        this.storage = storage;
        this.runs = runs;
        this.clock = clock;
        this.finishedAfter = clock.millis();
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        for (RunStatus s : RunStatus.values()) {
            AtomicLong v = byStatus.computeIfAbsent(s, k -> new AtomicLong());
            Gauge.builder("solo.runs", v, AtomicLong::get).description("Runs by state").tag("status", s.text()).register(r);
        }
        Gauge.builder("solo.queue.depth", ready, AtomicLong::get)
                .description("Runs ready for a worker: queued, or waiting with their time come").register(r);
        Gauge.builder("solo.steps.waiting_for_operator", waitingForOperator, AtomicLong::get)
                .description("Steps waiting for the operator: gates, approvals, unknown outcomes").register(r);
    }

    @Override
    public void refresh() {
        long now = clock.millis();
        waitingForOperator.set(runs.waitingForOperator(10_000).size());
        storage.read(sql -> {
            byStatus.values().forEach(v -> v.set(0));
            sql.query("SELECT status, count(*) FROM runs GROUP BY status", rs -> {
                byStatus.get(RunStatus.of(rs.getString(1))).set(rs.getLong(2));
                return null;
            });
            ready.set(sql.queryLong("SELECT count(*) FROM runs WHERE status = 'queued' OR (status = 'waiting'"
                    + " AND wake_at IS NOT NULL AND wake_at <= ?)", now));
            long[] newest = {finishedAfter};
            // only settled finish times (see Run.FINISH_SETTLE_MILLIS), or a late commit falls behind the cursor
            sql.query("SELECT kind, status, started_at, finished_at FROM run_steps WHERE finished_at > ? AND finished_at <= ?"
                    + " ORDER BY finished_at LIMIT 10000", rs -> {
                        long finished = rs.getLong(4);
                        timer(rs.getString(1), rs.getString(2)).record(Duration.ofMillis(Math.max(0, finished - rs.getLong(3))));
                        newest[0] = Math.max(newest[0], finished);
                        return null;
                    }, finishedAfter, now - Run.FINISH_SETTLE_MILLIS);
            finishedAfter = newest[0];
            return null;
        });
    }

    private Timer timer(String kind, String status) {
        return latency.computeIfAbsent(kind + "/" + status, k -> Timer.builder("solo.step.duration")
                .description("Time from a step's start to its end, by kind and outcome").tag("kind", kind)
                .tag("status", status).publishPercentileHistogram().register(registry));
    }
}
