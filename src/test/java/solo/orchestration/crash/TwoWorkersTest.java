package solo.orchestration.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.orchestration.runtime.RunStatus;
import solo.testing.ChildJvm;
import solo.testing.Database;
import solo.testing.TestCompany;

/**
 * Two Solo processes share one PostgreSQL and 500 runs: both do work, no step is executed twice while
 * both are alive, and when one is killed the other takes over its runs once their leases expire.
 */
class TwoWorkersTest {
    static final int RUNS = 500;

    @Test
    void two_workers_share_the_runs_and_the_survivor_takes_over_after_the_lease_expires() throws Exception {
        TestCompany company = TestCompany.instance().withDatabase(Database.POSTGRES).closed()
                .withSolo(b -> b.withAgentFunction("tick", c -> solo.support.Json.object()));
        company.beforeEach(null);
        try {
            Path dir = company.dir();
            Files.writeString(dir.resolve("solo.yaml"), Files.readString(dir.resolve("solo.yaml"))
                    + "\nruntime:\n  lease: 1s\n  poll: 50ms\n  max_runs: 24\n");
            Flows.write(dir, "five", RuntimeCrashTest.FLOW.replace("action: ledger.append", "agent: tick"));
            try (Solo solo = company.reopen()) {
                for (int i = 0; i < RUNS; i++) {
                    solo.orchestrator().runs().start("five", null, null);
                }
            }
            long killedAt;
            try (ChildJvm a = ChildJvm.start(SharedWorker.class, dir.resolve("a.err"), dir.toString(), "a");
                    ChildJvm b = ChildJvm.start(SharedWorker.class, dir.resolve("b.err"), dir.toString(), "b")) {
                assertThat(a.nextLine(Duration.ofSeconds(60))).isEqualTo("ready");
                assertThat(b.nextLine(Duration.ofSeconds(60))).isEqualTo("ready");
                waitFor(() -> lines(dir, "a").size() >= 300, Duration.ofSeconds(60));
                a.kill();
                killedAt = System.currentTimeMillis();
                try (Solo solo = company.reopen()) {
                    assertThat(solo.orchestrator().runs().list(null, RunStatus.COMPLETED, RUNS).size())
                            .as("worker a was killed part-way").isLessThan(RUNS);
                    waitFor(() -> solo.orchestrator().runs().list(null, RunStatus.COMPLETED, RUNS).size() == RUNS,
                            Duration.ofSeconds(90));
                    for (var run : solo.orchestrator().runs().list(null, null, RUNS)) {
                        assertThat(solo.orchestrator().runs().steps(run.id())).hasSize(5);
                    }
                }
            }
            List<String[]> byA = lines(dir, "a");
            List<String[]> byB = lines(dir, "b");
            assertThat(byA).as("worker a did work").isNotEmpty();
            assertThat(byB).as("worker b did work").isNotEmpty();
            Map<String, String[]> first = new HashMap<>();
            for (String[] e : byA) {
                assertThat(first.put(e[0] + "/" + e[1], e)).as("a ran %s/%s twice", e[0], e[1]).isNull();
            }
            for (String[] e : byB) {
                String[] earlier = first.put(e[0] + "/" + e[1], e);
                if (earlier != null) {
                    // only a step the killed worker had begun (and not checkpointed) is run again, after the kill
                    assertThat(Long.parseLong(e[2])).as("%s/%s ran twice while both workers lived", e[0], e[1])
                            .isGreaterThanOrEqualTo(killedAt);
                }
            }
            assertThat(first).hasSize(RUNS * 5);
        } finally {
            company.afterEach(null);
        }
    }

    private static List<String[]> lines(Path dir, String worker) {
        try {
            Path f = dir.resolve("executions-" + worker + ".log");
            List<String[]> out = new ArrayList<>();
            if (Files.exists(f)) {
                for (String l : Files.readAllLines(f)) {
                    String[] p = l.split(" ");
                    if (p.length == 3) {
                        out.add(p);
                    }
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
