package solo.orchestration.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.orchestration.Orchestrator;
import solo.orchestration.action.GuardDecision;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.orchestration.step.NonRetryableException;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** Steps on both storages: outputs, retries, state writes in the checkpoint, foreach, child runs, gates, the guard. */
public abstract class StepExecutionContract {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @RegisterExtension
    final TestCompany company;

    protected StepExecutionContract(Database database) {
        company = TestCompany.instance().withDatabase(database).withSolo(b -> b
                .withAgentFunction("flaky", c -> {
                    int n = calls.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                    if (n < c.input().path("fail_times").asInt()) {
                        throw new IllegalStateException("flaky failure " + n);
                    }
                    return Json.object().put("calls", n);
                })
                .withAgentFunction("broken", c -> {
                    throw new NonRetryableException("the model answered nonsense");
                })
                .withAgentFunction("big", c -> Json.object().put("text", "x".repeat(100_000)))
                .withActionGuard(r -> r.input() != null && r.input().path("body").path("name").asString("").equals("Deny Me")
                        ? GuardDecision.deny("opted out")
                        : r.input() != null && r.input().path("body").path("name").asString("").equals("Ask Me")
                                ? GuardDecision.requireApproval("large deal") : GuardDecision.allow()));
    }

    Orchestrator o() {
        return company.solo().orchestrator();
    }

    Run runToRest(String flow, JsonNode input) {
        Run run = o().runs().start(flow, input, null);
        return o().worker().driveToRest(run.id(), Duration.ofSeconds(5));
    }

    StepRecord step(Run run, String id) {
        return o().runs().steps(run.id()).stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_failing_step_is_retried_with_backoff_until_it_succeeds() {
        Flows.write(company.dir(), "retry", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 3}
                    retry: {attempts: 4, backoff: 10ms}
                """);
        Run run = runToRest("retry", null);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(step(run, "call").attempts()).isEqualTo(3);
        assertThat(run.output()).isEqualTo(Json.object().put("calls", 3));
    }

    @Test
    void a_step_that_exhausts_its_attempts_fails_the_run_with_error_attempts_and_stack() {
        Flows.write(company.dir(), "retry", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 10}
                    retry: {attempts: 2, backoff: 10ms}
                  - id: after
                    agent: noop
                """);
        Run run = runToRest("retry", null);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("step call failed after 2 attempts: flaky failure 2");
        StepRecord call = step(run, "call");
        assertThat(call.status()).isEqualTo(StepStatus.FAILED);
        assertThat(call.attempts()).isEqualTo(2);
        assertThat(call.stack()).contains("IllegalStateException");
        assertThat(o().runs().steps(run.id())).extracting(StepRecord::stepId).containsExactly("call");
    }

    @Test
    void a_non_retryable_error_fails_at_once() {
        Flows.write(company.dir(), "broken", "steps:\n  - id: think\n    agent: broken\n");
        Run run = runToRest("broken", null);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(step(run, "think").attempts()).isEqualTo(1);
    }

    @Test
    void a_failed_run_retried_from_its_failure_keeps_the_steps_that_finished() {
        Flows.write(company.dir(), "retry", """
                steps:
                  - id: first
                    agent: flaky
                    input: {fail_times: 0}
                  - id: second
                    agent: flaky
                    input: {fail_times: 3}
                    retry: {attempts: 2, backoff: 10ms}
                """);
        Run failed = runToRest("retry", null);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);

        o().runs().retry(failed.id());
        Run run = o().worker().driveToRest(failed.id(), Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(calls.get(failed.id() + "/first").get()).isEqualTo(1);
        assertThat(calls.get(failed.id() + "/second").get()).isEqualTo(3);
    }

    @Test
    void state_writes_commit_with_the_checkpoint_and_a_refused_write_fails_the_step() {
        Flows.write(company.dir(), "create", """
                input: {required: [name]}
                steps:
                  - id: lead
                    action: entity.create
                    input: {type: lead, body: {name: "${input.name}", score: "${input.score}"}, reason: from a flow}
                """);
        Run ok = runToRest("create", Json.object().put("name", "Ada").put("score", 80));
        Run bad = runToRest("create", Json.object().put("name", "Bob").put("score", 800));

        assertThat(ok.status()).isEqualTo(RunStatus.COMPLETED);
        String id = ok.output().get("id").asString();
        var history = company.store().history(id);
        assertThat(history).hasSize(1);
        assertThat(history.getFirst().actor()).isEqualTo(new Actor.Step(ok.id(), "lead"));
        assertThat(history.getFirst().reason()).isEqualTo("from a flow");
        assertThat(bad.status()).isEqualTo(RunStatus.FAILED);
        assertThat(bad.error()).contains("score");
        assertThat(company.store().count("lead")).isEqualTo(1);
    }

    @Test
    void foreach_runs_each_item_as_its_own_checkpointed_step() {
        Flows.write(company.dir(), "each", """
                steps:
                  - id: make
                    foreach: "input.names"
                    parallel: 3
                    do:
                      action: entity.create
                      input: {type: lead, body: {name: "${item}"}}
                  - id: count
                    agent: echo
                    input: {made: "${size(steps.make.output)}"}
                """);
        Run run = runToRest("each", Json.read("{\"names\": [\"A\", \"B\", \"C\", \"D\", \"E\"]}"));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).isEqualTo(Json.object().put("made", 5));
        assertThat(o().runs().steps(run.id())).extracting(StepRecord::stepId)
                .contains("make[0]", "make[4]", "make", "count");
        assertThat(company.store().count("lead")).isEqualTo(5);
    }

    @Test
    void a_flow_step_starts_a_child_run_and_uses_its_output() {
        Flows.write(company.dir(), "child", """
                input: {required: [n]}
                steps:
                  - id: double
                    agent: echo
                    input: {doubled: "${input.n * 2}"}
                """);
        Flows.write(company.dir(), "parent", """
                steps:
                  - id: call
                    flow: child
                    input: {n: 21}
                  - id: use
                    agent: echo
                    input: {answer: "${steps.call.output.doubled}"}
                """);
        Run run = runToRest("parent", null);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).isEqualTo(Json.object().put("answer", 42));
        Run child = o().runs().get(run.id() + ".call");
        assertThat(child.parentRun()).isEqualTo(run.id());
        assertThat(child.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void retrying_a_run_whose_child_failed_retries_the_child_too() {
        Flows.write(company.dir(), "child", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 3}
                    retry: {attempts: 2, backoff: 10ms}
                """);
        Flows.write(company.dir(), "parent", "steps:\n  - id: sub\n    flow: child\n  - id: after\n    agent: noop\n");
        Run failed = runToRest("parent", null);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("child run " + failed.id() + ".sub failed");

        o().runs().retry(failed.id());
        Run run = o().worker().driveToRest(failed.id(), Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(o().runs().get(failed.id() + ".sub").status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(calls.get(failed.id() + ".sub/call").get()).isEqualTo(3);
    }

    @Test
    void an_output_above_the_size_limit_is_stored_as_an_artifact_and_referenced() {
        Flows.write(company.dir(), "big", """
                steps:
                  - id: write
                    agent: big
                  - id: measure
                    agent: echo
                    input: {length: "${size(steps.write.output.text)}"}
                """);
        Run run = runToRest("big", null);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        JsonNode stored = step(run, "write").output();
        assertThat(stored.has("$artifact")).isTrue();
        assertThat(company.store().artifact(stored.get("$artifact").asString()).orElseThrow().text()).hasSize(100_000 + 11);
        assertThat(run.output()).isEqualTo(Json.object().put("length", 100_000));
    }

    @Test
    void a_gate_waits_for_the_operator_and_goes_on_when_approved() {
        Flows.write(company.dir(), "gated", """
                steps:
                  - id: ask
                    gate: "Send it?"
                  - id: after
                    agent: echo
                    input: {approved: "${steps.ask.output.approved}"}
                """);
        Run waiting = runToRest("gated", null);
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        assertThat(o().runs().waitingForOperator(10)).extracting(StepRecord::stepId).containsExactly("ask");

        o().runs().answer(waiting.id(), "ask", true, "looks right", Actor.OPERATOR);
        Run run = o().worker().driveToRest(waiting.id(), Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).isEqualTo(Json.object().put("approved", true));
    }

    @Test
    void a_rejected_gate_fails_its_run() {
        Flows.write(company.dir(), "gated", "steps:\n  - id: ask\n    gate: \"Send it?\"\n  - id: after\n    agent: noop\n");
        Run waiting = runToRest("gated", null);

        Run run = o().runs().answer(waiting.id(), "ask", false, "wrong customer", Actor.OPERATOR);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("step ask: rejected by operator: wrong customer");
    }

    @Test
    void an_action_the_guard_denies_fails_with_the_reason_recorded_on_the_step() {
        Flows.write(company.dir(), "create", """
                steps:
                  - id: lead
                    action: entity.create
                    input: {type: lead, body: {name: Deny Me}}
                """);
        Run run = runToRest("create", null);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        StepRecord lead = step(run, "lead");
        assertThat(lead.error()).isEqualTo("entity.create denied: opted out");
        assertThat(lead.detail()).isEqualTo(Json.object().put("decision", "deny").put("reason", "opted out"));
        assertThat(lead.attempts()).isEqualTo(1);
        assertThat(company.store().count("lead")).isZero();
    }

    @Test
    void an_action_that_needs_approval_waits_and_runs_once_approved() {
        Flows.write(company.dir(), "create", """
                steps:
                  - id: lead
                    action: entity.create
                    input: {type: lead, body: {name: Ask Me}}
                """);
        Run waiting = runToRest("create", null);
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        assertThat(step(waiting, "lead").detail().path("waiting_for").asString()).isEqualTo("approval");
        assertThat(step(waiting, "lead").detail().path("reason").asString()).isEqualTo("large deal");
        assertThat(company.store().count("lead")).isZero();

        o().runs().answer(waiting.id(), "lead", true, null, Actor.OPERATOR);
        Run run = o().worker().driveToRest(waiting.id(), Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(company.store().count("lead")).isEqualTo(1);
    }

    @Test
    void a_fork_keeps_the_steps_before_its_start_and_runs_the_rest_with_the_new_input() {
        Flows.write(company.dir(), "two", """
                input: {required: [n]}
                steps:
                  - id: first
                    agent: flaky
                    input: {fail_times: 0}
                  - id: second
                    agent: echo
                    input: {n: "${input.n}", first: "${steps.first.output.calls}"}
                """);
        Run original = runToRest("two", Json.object().put("n", 1));

        Run fork = o().runs().fork(original.id(), "second", Json.object().put("n", 2));
        Run run = o().worker().driveToRest(fork.id(), Duration.ofSeconds(5));

        assertThat(run.forkedFrom()).isEqualTo(original.id());
        assertThat(run.output()).isEqualTo(Json.read("{\"n\": 2, \"first\": 1}"));
        assertThat(calls.get(fork.id() + "/first")).isNull();
    }

    @Test
    void a_condition_that_is_false_skips_its_step() {
        Flows.write(company.dir(), "cond", """
                steps:
                  - id: maybe
                    when: "input.go"
                    agent: noop
                  - id: last
                    agent: echo
                    input: {skipped: "${steps.maybe.status == 'skipped'}"}
                """);
        Run run = runToRest("cond", Json.object().put("go", false));

        assertThat(step(run, "maybe").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(run.output()).isEqualTo(Json.object().put("skipped", true));
    }
}
