package solo.execution.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static solo.execution.flow.FlowRuns.detail;
import static solo.execution.flow.FlowRuns.run;
import static solo.execution.flow.FlowRuns.step;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.execution.ledger.LedgerEntry;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepStatus;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * Agent steps in flows, driven by the runtime, against a real HTTP server speaking OpenAI's chat completions:
 * the step's outcome is the agent's, with its confidence, usage and answers recorded on the step.
 */
class AgentStepFlowTest {
    static final String VALID = """
            {"score": 82, "qualified": true, "reasons": ["budget fits", "needs a redesign"], "next_step": "draft_email", "confidence": 0.9}""";
    static final String SCORE_TOO_HIGH = """
            {"score": 150, "qualified": true, "reasons": ["budget fits"], "next_step": "draft_email", "confidence": 0.9}""";

    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    Solo solo;
    String ada;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
        server.close();
    }

    void open(String providerExtra, String sections) {
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), providerExtra) + sections);
        ada = FlowRuns.lead(solo, "{\"name\": \"Ada Park\", \"email\": \"ada@acme.com\", \"budget\": 8000}");
        solo.store().write(Write.of(Actor.OPERATOR, "met at the fair", new Change.AddArtifact(null, "note", "fair",
                "Ada wants a redesign of the shop; budget about 8k.", null, "text/plain", null, null, java.util.List.of(ada))));
        FlowRuns.write(solo, "qualify", """
                input: {required: [lead_id]}
                steps:
                  - id: qualify
                    agent: qualifier
                    about: "${input.lead_id}"
                    input:
                      lead: {id: "${input.lead_id}", name: Ada Park}
                      criteria: budget above 5k, design work
                    retry: {attempts: 1}
                  - id: next
                    agent: echo
                    input: {score: "${steps.qualify.output.score}", sure: "${steps.qualify.confidence > 0.8}"}
                """);
    }

    void open() {
        open("", "");
    }

    Run qualify() {
        return run(solo, "qualify", "{\"lead_id\": \"" + ada + "\"}");
    }

    @Test
    void an_agent_step_completes_with_the_models_answer_its_confidence_and_usage_recorded() {
        open();
        server.answer(VALID, 1000, 100);

        Run run = qualify();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output().get("score").asInt()).isEqualTo(82);
        assertThat(run.output().get("sure").asBoolean()).isTrue(); // steps.qualify.confidence, read by a later step
        JsonNode d = detail(solo, run, "qualify");
        assertThat(d.get("agent").asString()).isEqualTo("qualifier");
        assertThat(d.get("answered_by").asString()).isEqualTo("scripted/gpt-test");
        assertThat(d.get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(d.at("/usage/input_tokens").asLong()).isEqualTo(1000);
        assertThat(d.at("/context/about").asString()).isEqualTo(ada);
        // the context pack about the lead reached the model: its record and its note
        String messages = server.requests().getFirst().body().get("messages").toString();
        assertThat(messages).contains("ada@acme.com").contains("Ada wants a redesign of the shop");
        LedgerEntry row = solo.execution().ledger().forRun(run.id()).getFirst();
        assertThat(row.run().stepId()).isEqualTo("qualify");
        assertThat(row.run().flow()).isEqualTo("qualify");
        assertThat(row.costMicros()).isEqualTo(1000 * 2 + 100 * 8);
    }

    @Test
    void an_invalid_answer_is_repaired_and_the_repair_lowers_the_confidence() {
        open();
        server.answer(SCORE_TOO_HIGH).answer(VALID);

        Run run = qualify();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        JsonNode d = detail(solo, run, "qualify");
        assertThat(d.get("confidence").asDouble()).isEqualTo(0.72);
        assertThat(d.get("attempts")).extracting(a -> a.get("kind").asString()).containsExactly("answer", "repair");
        assertThat(d.at("/attempts/0/violations/0/field").asString()).isEqualTo("/score");
    }

    @Test
    void two_invalid_answers_fail_the_step_with_both_answers_recorded() {
        open();
        server.answer("Sure! The lead looks great.").answer("{\"score\": 50}");

        Run run = qualify();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("broke qualifier's output contract twice");
        var failed = step(solo, run, "qualify");
        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.detail().at("/failure/reason").asString()).isEqualTo("invalid_output");
        assertThat(failed.detail().get("attempts")).extracting(a -> a.get("answer").asString())
                .containsExactly("Sure! The lead looks great.", "{\"score\": 50}");
    }

    @Test
    void a_429_is_retried_after_the_backoff_the_server_asks_for_and_the_step_completes() {
        open();
        server.error(429, Map.of("Retry-After", "1")).answer(VALID);

        Run run = qualify();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Duration.between(server.requests().get(0).at(), server.requests().get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a_model_that_does_not_answer_in_time_fails_the_step_as_a_timeout_after_its_retries() {
        open("timeout_seconds: 0.3\nmax_retries: 1", "");
        server.slow(Duration.ofSeconds(2), "{}").slow(Duration.ofSeconds(2), "{}");

        Run run = qualify();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        var failed = step(solo, run, "qualify");
        assertThat(failed.detail().at("/failure/reason").asString()).isEqualTo("timeout");
        assertThat(failed.detail().at("/failure/retryable").asBoolean()).isTrue();
        assertThat(failed.error()).contains("no answer within 300 ms");
    }

    @Test
    void a_second_identical_run_is_answered_from_the_cache_without_a_request() {
        open();
        server.answer(VALID);

        Run first = qualify();
        Run second = qualify();

        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.output()).isEqualTo(first.output());
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(solo.execution().ledger().forRun(second.id())).singleElement()
                .satisfies(row -> assertThat(row.cacheHit()).isTrue());
    }

    @Test
    void a_call_over_budget_pauses_the_run_escalates_it_and_the_operator_lets_it_go_on() {
        open("", "budgets:\n  per_run: 0.001\n");
        server.answer(VALID);

        Run paused = qualify();

        assertThat(paused.status()).isEqualTo(RunStatus.WAITING);
        assertThat(server.requestCount()).isZero();
        var waiting = step(solo, paused, "qualify");
        assertThat(waiting.waitingFor()).isEqualTo("budget");
        assertThat(waiting.detail().at("/budget/scope").asString()).isEqualTo("run");
        assertThat(waiting.detail().get("reason").asString()).contains("budget per run");
        assertThat(solo.orchestrator().runs().waitingForOperator(10)).extracting(s -> s.stepId()).containsExactly("qualify");

        Run resumed = FlowRuns.approve(solo, paused, "qualify");

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(detail(solo, resumed, "qualify").at("/over_budget_approved/by").asString()).isEqualTo("operator");
    }
}
