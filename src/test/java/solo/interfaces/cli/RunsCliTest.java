package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.testing.CliRun;
import solo.testing.TestCompany;

/** {@code solo runs ...} and {@code solo gate ...} as the operator types them, with good and bad input. */
class RunsCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    @BeforeEach
    void flows() {
        Flows.write(company.dir(), "gated", """
                input: {required: [name]}
                steps:
                  - id: draft
                    agent: echo
                    input: {text: "Hi ${input.name}"}
                  - id: ask
                    gate: "Send it?"
                  - id: send
                    agent: echo
                    input: {sent: "${steps.draft.output.text}"}
                """);
    }

    String startWaiting() {
        CliRun r = CliRun.in(company.dir(), "--json", "flow", "run", "gated", "--input", "{\"name\": \"Ada\"}");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return solo.support.Json.parse(r.out(), "out").get("id").asString();
    }

    @Test
    void a_gate_is_listed_approved_and_the_run_finishes() {
        String id = startWaiting();
        assertThat(CliRun.in(company.dir(), "gate", "list").out()).contains(id + " ask  gate").contains("Send it?");

        CliRun approve = CliRun.in(company.dir(), "gate", "approve", id, "ask", "--reason", "fine");

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).isEqualTo("run " + id + " (gated v1) completed: {\"sent\":\"Hi Ada\"}\n");
    }

    @Test
    void a_rejected_gate_fails_the_run() {
        String id = startWaiting();
        CliRun reject = CliRun.in(company.dir(), "gate", "reject", id, "ask", "--reason", "not now");
        assertThat(reject.out()).isEqualTo("run " + id + " (gated v1) failed: step ask: rejected by operator: not now\n");
    }

    @Test
    void list_and_show_print_runs_and_the_step_timeline() {
        String id = startWaiting();
        assertThat(CliRun.in(company.dir(), "runs", "list").out()).contains(id).contains("waiting").contains("1 run\n");
        assertThat(CliRun.in(company.dir(), "runs", "list", "--status", "completed").out()).isEqualTo("0 runs\n");
        CliRun show = CliRun.in(company.dir(), "runs", "show", id);
        assertThat(show.out()).contains("run " + id + "  flow gated v1  waiting")
                .containsPattern("draft\\s+agent\\s+done\\s+attempt 1")
                .contains("output  {\"text\":\"Hi Ada\"}")
                .containsPattern("ask\\s+gate\\s+waiting");
        assertThat(CliRun.in(company.dir(), "--json", "runs", "show", id).out()).contains("\"steps\" : [");
    }

    @Test
    void cancel_stops_a_run_and_a_finished_run_cannot_be_cancelled() {
        String id = startWaiting();
        CliRun cancel = CliRun.in(company.dir(), "runs", "cancel", id, "--reason", "duplicate");
        assertThat(cancel.out()).isEqualTo("run " + id + " (gated v1) cancelled: cancelled by the operator: duplicate\n");
        CliRun again = CliRun.in(company.dir(), "runs", "cancel", id);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).containsExactly("solo: run " + id + " is cancelled and cannot become cancelled");
    }

    @Test
    void retry_runs_a_failed_run_from_its_failure() {
        String id = startWaiting();
        CliRun.in(company.dir(), "gate", "reject", id, "ask");
        CliRun retry = CliRun.in(company.dir(), "runs", "retry", id);
        assertThat(retry.out()).isEqualTo("run " + id + " (gated v1) waiting at step ask for gate\n");
    }

    @Test
    void fork_reruns_from_a_step_with_a_new_input() {
        String id = startWaiting();
        CliRun fork = CliRun.in(company.dir(), "runs", "fork", id, "--from", "draft", "--input", "{\"name\": \"Bo\"}");
        assertThat(fork.exitCode()).as(fork.err()).isZero();
        assertThat(fork.out()).contains("waiting at step ask");
        String forked = fork.out().split(" ")[1];
        assertThat(CliRun.in(company.dir(), "runs", "show", forked).out()).contains("Hi Bo").contains("forked from " + id);
    }

    @Test
    void bad_run_commands_fail_in_one_line() {
        String id = startWaiting();
        assertThat(CliRun.in(company.dir(), "runs", "show", "run_nope").errLines())
                .containsExactly("solo: no run run_nope (see: solo runs list)");
        assertThat(CliRun.in(company.dir(), "runs", "fork", id, "--from", "nope").errLines())
                .containsExactly("solo: flow gated has no step 'nope' (steps: draft, ask, send)");
        assertThat(CliRun.in(company.dir(), "runs", "retry", id).errLines())
                .containsExactly("solo: run " + id + " is waiting; only a failed run can be retried");
        assertThat(CliRun.in(company.dir(), "gate", "approve", id, "draft").errLines())
                .containsExactly("solo: step draft of run " + id + " is done, not waiting for the operator");
        assertThat(CliRun.in(company.dir(), "runs", "list", "--status", "sleeping").errLines())
                .containsExactly("solo: --status sleeping: not a run status (queued, running, waiting, completed, failed, cancelled, rolled_back)");
        assertThat(CliRun.in(company.dir(), "runs", "list").out()).contains("1 run\n");
    }
}
