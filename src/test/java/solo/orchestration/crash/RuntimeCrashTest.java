package solo.orchestration.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.testing.ChildJvm;
import solo.testing.Database;
import solo.testing.TestCompany;

/**
 * A child Solo runs 200 flows of 5 steps, one of which appends to a ledger file outside the database
 * with its idempotency key. It is SIGKILLed at random moments several times and restarted: in the end
 * every run completed, every ledger entry is there exactly once, and no step ran after its run completed.
 */
class RuntimeCrashTest {
    static final int RUNS = 200;
    static final String FLOW = """
            steps:
              - id: s1
                agent: tick
              - id: s2
                agent: tick
              - id: pay
                action: ledger.append
              - id: s4
                agent: tick
              - id: s5
                agent: tick
            """;

    @ParameterizedTest
    @EnumSource(Database.class)
    void runs_survive_repeated_kills_with_every_effect_exactly_once(Database database) throws Exception {
        TestCompany company = TestCompany.instance().withDatabase(database).closed();
        company.beforeEach(null);
        try {
            Path dir = company.dir();
            Files.writeString(dir.resolve("solo.yaml"), Files.readString(dir.resolve("solo.yaml"))
                    + "\nruntime:\n  lease: 1s\n  poll: 50ms\n  max_runs: 16\n");
            Flows.write(dir, "ledgered", FLOW);
            int kills = 0;
            // Each kill comes once the runs have reached the next 15%, plus a random instant: the child
            // always has work left when it dies, however fast the machine is.
            for (int round = 1; round <= 4; round++) {
                int threshold = RUNS * round * 3 / 20;
                try (ChildJvm child = ChildJvm.start(CrashFlows.class, dir.resolve("child.err"), dir.toString(), "" + RUNS)) {
                    assertThat(child.nextLine(Duration.ofSeconds(60))).as("child started").isEqualTo("ready");
                    awaitCompleted(child, threshold);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40));
                    child.kill();
                    kills++;
                }
            }
            try (ChildJvm child = ChildJvm.start(CrashFlows.class, dir.resolve("child.err"), dir.toString(), "" + RUNS)) {
                String line;
                do {
                    line = child.nextLine(Duration.ofSeconds(60));
                } while (line != null && !line.equals("all-done"));
                assertThat(line).as("the last child finishes every run (see child.err)").isEqualTo("all-done");
                child.waitFor(Duration.ofSeconds(30));
            }
            assertThat(kills).as("the child was killed several times").isEqualTo(4);
            check(company, dir);
        } finally {
            company.afterEach(null);
        }
    }

    /** Reads the child's progress lines until it reports at least {@code threshold} completed runs. */
    private static void awaitCompleted(ChildJvm child, int threshold) throws InterruptedException {
        String line;
        do {
            line = child.nextLine(Duration.ofSeconds(60));
            assertThat(line).as("the child reports progress (see child.err)").isNotNull();
        } while (!line.startsWith("completed ") || Integer.parseInt(line.substring(10)) < threshold);
    }

    private static void check(TestCompany company, Path dir) throws Exception {
        try (Solo solo = company.reopen()) {
            List<Run> runs = solo.orchestrator().runs().list(null, null, RUNS * 2);
            assertThat(runs).hasSize(RUNS).allMatch(r -> r.status() == RunStatus.COMPLETED);
            List<String> ledger = Files.readAllLines(dir.resolve("ledger.log"));
            assertThat(ledger).doesNotHaveDuplicates().hasSize(RUNS)
                    .containsExactlyInAnyOrderElementsOf(runs.stream().map(r -> r.id() + "/pay").toList());
            Map<String, Long> finished = new HashMap<>();
            runs.forEach(r -> finished.put(r.id(), r.finishedAt().toEpochMilli()));
            for (String execution : Files.readAllLines(dir.resolve("executions.log"))) {
                String[] p = execution.split(" ");
                assertThat(Long.parseLong(p[2])).as("step %s of %s ran after its run completed", p[1], p[0])
                        .isLessThanOrEqualTo(finished.get(p[0]));
            }
            for (Run r : runs) {
                assertThat(solo.orchestrator().runs().steps(r.id())).as(r.id()).hasSize(5)
                        .allMatch(s -> s.status().text().equals("done"));
            }
        }
    }
}
