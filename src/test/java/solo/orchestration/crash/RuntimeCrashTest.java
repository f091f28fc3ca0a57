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
            for (int round = 0; round < 8 && kills < 4; round++) {
                try (ChildJvm child = ChildJvm.start(CrashFlows.class, dir.resolve("child.err"), dir.toString(), "" + RUNS)) {
                    assertThat(child.nextLine(Duration.ofSeconds(60))).as("child started").isEqualTo("ready");
                    Thread.sleep(ThreadLocalRandom.current().nextInt(100, 600));
                    if (child.lines().contains("all-done")) {
                        break;
                    }
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
            assertThat(kills).as("the child was killed several times").isGreaterThanOrEqualTo(2);
            check(company, dir);
        } finally {
            company.afterEach(null);
        }
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
