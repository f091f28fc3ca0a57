package solo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import solo.app.Solo;
import solo.company.Company;
import solo.orchestration.flow.FlowDefinition;
import solo.support.Json;

/**
 * Leaves a company as a crash of {@code solo up} would: many runs leased to its worker identity, each
 * with two steps checkpointed and three to go.
 */
final class RunsInFlight {
    private static final String IDENTITY = "up-bench";
    private final Solo solo;
    private final int runs;

    RunsInFlight(Solo solo, int runs) {
        this.solo = solo;
        this.runs = runs;
    }

    void create() {
        Path dataDir = solo.company().dataDir();
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("worker-id"), IDENTITY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FlowDefinition def = solo.orchestrator().flows().current("bench5");
        long now = System.currentTimeMillis();
        String out = Json.write(Json.object());
        for (int batch = 0; batch < runs / 1000; batch++) {
            int first = batch * 1000;
            solo.store().storage().write(tx -> {
                int version = solo.orchestrator().flows().register(tx, def, now);
                for (int i = first; i < first + 1000; i++) {
                    String id = "run_inflight" + i;
                    tx.update("INSERT INTO runs (id, flow, flow_version, status, input, trigger_info, lease_owner, lease_until,"
                            + " version, created_at, updated_at) VALUES (?, 'bench5', ?, 'running', '{}', '{}', ?, ?, 1, ?, ?)",
                            id, version, IDENTITY, now + 3_600_000, now, now);
                    for (String step : new String[] {"s1", "s2"}) {
                        tx.update("INSERT INTO run_steps (run_id, step_id, kind, status, attempts, output, started_at,"
                                + " finished_at) VALUES (?, ?, 'agent', 'done', 1, ?, ?, ?)", id, step, out, now, now);
                    }
                }
                return null;
            });
        }
    }

    /** Puts the runs back in flight after a probe resumed some of them (its lock is gone with its process). */
    record Reset(Company company, String databaseUrl) {
        void run() {
            try (Solo solo = Solo.builder(company).withDatabaseUrl(databaseUrl).open()) {
                solo.store().storage().write(tx -> tx.update("UPDATE runs SET status = 'running', lease_owner = ?,"
                        + " lease_until = ? WHERE status IN ('running', 'queued')", IDENTITY, System.currentTimeMillis() + 3_600_000));
            }
        }
    }
}
