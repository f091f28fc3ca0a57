package solo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.memory.HashingEmbedder;
import solo.orchestration.Flows;
import solo.orchestration.MutableClock;
import solo.testing.TestCompany;

/** The watcher that tells memory about ended runs reads each ended run once, and none too early. */
class RunEndWatcherTest {
    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final MutableClock clock = new MutableClock(T);
    Solo solo;
    RunEndWatcher watcher;

    @BeforeEach
    void open() {
        Flows.write(company.dir(), "short", """
                steps:
                  - id: one
                    agent: echo
                """);
        solo = Solo.builder(company.company()).withDatabaseUrl(company.databaseUrl()).withClock(clock)
                .withMemoryEmbedder(new HashingEmbedder()).open();
        watcher = new RunEndWatcher(solo.store(), solo.memory(), clock);
        watcher.begin();
    }

    @AfterEach
    void close() {
        solo.close();
    }

    /** Marks runs as ended at a given time, as a worker's last checkpoint would. */
    private void endRuns(int count, Instant finishedAt) {
        for (int i = 0; i < count; i++) {
            String id = solo.orchestrator().runs().start("short", null, null).id();
            solo.store().storage().write(tx -> tx.update("UPDATE runs SET status = 'completed', finished_at = ? WHERE id = ?",
                    finishedAt.toEpochMilli(), id));
        }
    }

    @Test
    void a_run_is_read_only_once_its_finish_has_settled_and_then_never_again() {
        endRuns(1, T.plusMillis(10));
        clock.set(T.plusMillis(10));
        assertThat(watcher.poll()).as("a commit of an earlier finish may still be on its way").isZero();
        clock.advance(Duration.ofMillis(RunEndWatcher.SETTLE_MILLIS));
        assertThat(watcher.poll()).isEqualTo(1);
        assertThat(watcher.poll()).isZero();
    }

    @Test
    void a_run_that_commits_after_a_later_finishing_one_is_still_read() {
        endRuns(1, T.plusMillis(500));
        clock.set(T.plusMillis(501));
        assertThat(watcher.poll()).isZero();
        clock.set(T.plusMillis(900));
        endRuns(1, T.plusMillis(400)); // finished before the other, its commit landed 500 ms later
        clock.set(T.plusMillis(500 + RunEndWatcher.SETTLE_MILLIS));
        assertThat(watcher.poll()).isEqualTo(2);
        assertThat(watcher.poll()).isZero();
    }

    @Test
    void runs_sharing_the_last_millisecond_of_a_full_batch_are_all_read_on_the_next_poll() {
        endRuns(RunEndWatcher.BATCH - 1, T.plusMillis(1));
        endRuns(30, T.plusMillis(2));
        clock.set(T.plusMillis(2 + RunEndWatcher.SETTLE_MILLIS));
        assertThat(watcher.poll()).isEqualTo(RunEndWatcher.BATCH - 1);
        assertThat(watcher.poll()).isEqualTo(30);
        assertThat(watcher.poll()).isZero();
    }
}
