package solo.orchestration.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.orchestration.runtime.IllegalTransitionException;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunRepository;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.RuntimeSettings;
import solo.orchestration.runtime.StaleRunException;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;

/** The run table on both storages: creating, claiming, leases, optimistic locking, versions of flows. */
public abstract class RunLifecycleContract {
    static final String TWO_STEPS = """
            steps:
              - id: one
                agent: noop
              - id: two
                agent: noop
            """;

    @RegisterExtension
    final TestCompany company;

    protected RunLifecycleContract(Database database) {
        company = TestCompany.instance().withDatabase(database)
                .withSolo(b -> b.withRuntimeSettings(RuntimeSettings.DEFAULT.withLease(Duration.ofMillis(300))));
    }

    Solo solo() {
        return company.solo();
    }

    @Test
    void a_started_run_is_queued_on_the_current_version_of_its_flow() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run run = solo().orchestrator().runs().start("two", Json.object().put("x", 1), null);

        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.flowVersion()).isEqualTo(1);
        assertThat(run.input()).isEqualTo(Json.object().put("x", 1));
        assertThat(run.version()).isEqualTo(1);
    }

    @Test
    void a_changed_flow_file_is_a_new_version_and_older_runs_keep_theirs() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run first = solo().orchestrator().runs().start("two", null, null);
        Flows.write(company.dir(), "two", TWO_STEPS + "  - id: three\n    agent: noop\n");
        Run second = solo().orchestrator().runs().start("two", null, null);

        assertThat(second.flowVersion()).isEqualTo(2);
        solo().orchestrator().worker().driveToRest(first.id(), Duration.ZERO);
        assertThat(solo().orchestrator().runs().steps(first.id())).extracting(s -> s.stepId()).containsExactly("one", "two");
        solo().orchestrator().worker().driveToRest(second.id(), Duration.ZERO);
        assertThat(solo().orchestrator().runs().steps(second.id())).hasSize(3);
    }

    @Test
    void a_run_is_claimed_by_one_worker_only() throws Exception {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run run = solo().orchestrator().runs().start("two", null, null);
        RunRepository repo = new RunRepository();
        Instant now = Instant.now();
        try (Solo other = company.reopen()) {
            List<Run> mine = solo().store().storage().write(tx -> repo.claim(tx, "a", now.plusSeconds(30), now, 10));
            List<Run> theirs = other.store().storage().write(tx -> repo.claim(tx, "b", now.plusSeconds(30), now, 10));
            assertThat(mine).extracting(Run::id).containsExactly(run.id());
            assertThat(theirs).isEmpty();
        }
    }

    @Test
    void a_run_whose_lease_expired_is_taken_over() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run run = solo().orchestrator().runs().start("two", null, null);
        RunRepository repo = new RunRepository();
        Instant now = Instant.now();
        solo().store().storage().write(tx -> repo.claim(tx, "dead-worker", now.plusMillis(100), now, 10));

        List<Run> early = solo().store().storage().write(tx -> repo.claim(tx, "b", now.plusSeconds(30), now, 10));
        List<Run> late = solo().store().storage().write(tx -> repo.claim(tx, "b", now.plusSeconds(30), now.plusMillis(200), 10));

        assertThat(early).isEmpty();
        assertThat(late).extracting(Run::id).containsExactly(run.id());
        assertThat(late.getFirst().leaseOwner()).isEqualTo("b");
    }

    @Test
    void a_change_based_on_a_stale_read_is_refused_with_a_named_error() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run read = solo().orchestrator().runs().start("two", null, null);
        RunRepository repo = new RunRepository();
        solo().store().storage().write(tx -> {
            repo.transition(tx, read, RunStatus.CANCELLED, "first", Instant.now());
            return null;
        });

        assertThatThrownBy(() -> solo().store().storage().write(tx -> {
            repo.transition(tx, read, RunStatus.CANCELLED, "second", Instant.now());
            return null;
        })).isInstanceOf(StaleRunException.class).hasMessageContaining(read.id());
        assertThat(solo().orchestrator().runs().get(read.id()).error()).isEqualTo("first");
    }

    @Test
    void a_transition_outside_the_table_is_refused_with_a_named_error() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run run = solo().orchestrator().runs().start("two", null, null);
        solo().orchestrator().worker().driveToRest(run.id(), Duration.ZERO);

        assertThatThrownBy(() -> solo().orchestrator().runs().cancel(run.id(), null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("run " + run.id() + " is completed and cannot become cancelled");
        assertThatThrownBy(() -> solo().orchestrator().runs().retry(run.id()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_cancelled_run_takes_no_further_checkpoint() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run run = solo().orchestrator().runs().startLeased("two", null, null);
        solo().orchestrator().runs().cancel(run.id(), "changed my mind");

        solo().orchestrator().worker().drive(run);

        assertThat(solo().orchestrator().runs().steps(run.id())).isEmpty();
        Run after = solo().orchestrator().runs().get(run.id());
        assertThat(after.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(after.error()).isEqualTo("cancelled by the operator: changed my mind");
    }

    @Test
    void a_worker_that_stops_gives_its_runs_back_to_the_queue() {
        Flows.write(company.dir(), "two", TWO_STEPS);
        Run run = solo().orchestrator().runs().startLeased("two", null, null);

        solo().orchestrator().worker().close();

        Run after = solo().orchestrator().runs().get(run.id());
        assertThat(after.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(after.leaseOwner()).isNull();
    }

    @Test
    void the_worker_drives_queued_runs_to_completion() throws Exception {
        Flows.write(company.dir(), "two", TWO_STEPS);
        List<Run> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(solo().orchestrator().runs().start("two", null, null));
        }
        solo().orchestrator().start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (solo().orchestrator().runs().list(null, RunStatus.COMPLETED, 100).size() < 20
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(solo().orchestrator().runs().list(null, RunStatus.COMPLETED, 100)).hasSize(20);
    }
}
