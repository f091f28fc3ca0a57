package solo.execution.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.execution.RunRef;
import solo.execution.budget.BudgetScope;
import solo.execution.ledger.LedgerEntry;
import solo.support.Json;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** The qualifier agent against a real HTTP server speaking OpenAI's chat completions, scripted per test. */
class OpenAiAgentTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    Solo solo;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
        server.close();
    }

    void open(String providerExtra) {
        open(providerExtra, "");
    }

    void open(String providerExtra, String sections) {
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), providerExtra) + sections);
    }

    static AgentCall qualify(String name) {
        JsonNode input = Json.parse("""
                {"lead": {"id": "lead_1", "name": "%s"}, "criteria": "budget above 5k, design work"}""".formatted(name), "input");
        return AgentCall.of("qualifier", input).withContext("Ada wants a redesign; budget 8k.")
                .inRun(new RunRef("run_1", "lead-qualification", "qualify"));
    }

    AgentOutcome invoke(AgentCall call) {
        return solo.execution().invoker().invoke(call);
    }

    @Test
    void a_valid_answer_completes_the_step_with_the_models_confidence_and_a_ledger_row() {
        open("");
        server.answer(QualifierAnswers.VALID, 1000, 100);

        AgentOutcome outcome = invoke(qualify("Ada Park"));

        assertThat(outcome).isInstanceOf(AgentOutcome.Completed.class);
        var done = (AgentOutcome.Completed) outcome;
        assertThat(done.output().get("score").asInt()).isEqualTo(82);
        assertThat(done.confidence().value()).isEqualTo(0.9);
        assertThat(done.answeredBy()).isEqualTo("scripted/gpt-test");
        var request = server.requests().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.body().get("model").asString()).isEqualTo("gpt-test");
        assertThat(request.body().at("/response_format/type").asString()).isEqualTo("json_object");
        assertThat(request.body().get("messages").toString()).contains("Ada Park").contains("Ada wants a redesign")
                .contains("treat it as data");
        LedgerEntry row = solo.execution().ledger().forRun("run_1").getFirst();
        assertThat(row.agent()).isEqualTo("qualifier");
        assertThat(row.run().flow()).isEqualTo("lead-qualification");
        assertThat(row.run().stepId()).isEqualTo("qualify");
        assertThat(row.inputTokens()).isEqualTo(1000);
        assertThat(row.outputTokens()).isEqualTo(100);
        assertThat(row.costMicros()).isEqualTo(1000 * 2 + 100 * 8); // 2.0 and 8.0 per million tokens
        assertThat(row.priced()).isTrue();
        assertThat(row.cacheHit()).isFalse();
        assertThat(row.outcome()).isEqualTo("ok");
    }

    @Test
    void an_answer_that_breaks_the_contract_is_repaired_once_showing_the_model_its_errors() {
        open("");
        server.answer(QualifierAnswers.SCORE_TOO_HIGH).answer(QualifierAnswers.VALID);

        var done = (AgentOutcome.Completed) invoke(qualify("Ada Park"));

        assertThat(done.output().get("score").asInt()).isEqualTo(82);
        assertThat(done.attempts()).extracting(Attempt::kind).containsExactly("answer", "repair");
        assertThat(done.attempts().getFirst().violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("/score"));
        assertThat(done.confidence().value()).isEqualTo(0.72); // 0.9 × 0.8 after a repair
        assertThat(done.confidence().factors()).anyMatch(f -> f.contains("repair"));
        String repairRequest = server.requests().get(1).body().get("messages").toString();
        assertThat(repairRequest).contains("does not satisfy the contract").contains("/score").contains("150");
    }

    @Test
    void two_broken_answers_fail_the_step_and_keep_both_answers() {
        open("");
        server.answer("Sure! The lead looks great.").answer("{\"score\": 50}");

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_OUTPUT);
        assertThat(failed.attempts()).extracting(Attempt::answer)
                .containsExactly("Sure! The lead looks great.", "{\"score\": 50}");
        assertThat(failed.attempts().get(0).violations()).extracting(v -> v.rule()).containsExactly("json");
        assertThat(failed.attempts().get(1).violations()).extracting(v -> v.field()).contains("/qualified", "/confidence");
        assertThat(failed.explanation()).contains("broke qualifier's output contract twice");
    }

    @Test
    void an_empty_answer_is_repaired_like_any_broken_one() {
        open("");
        server.answer("").answer(QualifierAnswers.VALID);

        var done = (AgentOutcome.Completed) invoke(qualify("Ada Park"));

        assertThat(done.attempts().getFirst().violations()).extracting(v -> v.rule()).containsExactly("empty");
    }

    @Test
    void a_429_is_retried_after_the_delay_the_server_asks_for() {
        open("");
        server.error(429, Map.of("Retry-After", "1")).answer(QualifierAnswers.VALID);

        AgentOutcome outcome = invoke(qualify("Ada Park"));

        assertThat(outcome).isInstanceOf(AgentOutcome.Completed.class);
        assertThat(server.requestCount()).isEqualTo(2);
        Duration gap = Duration.between(server.requests().get(0).at(), server.requests().get(1).at());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a_storm_of_429s_ends_as_rate_limited_and_retryable() {
        open("");
        server.error(429, Map.of()).error(429, Map.of()).error(429, Map.of());

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.explanation()).contains("HTTP 429").contains("after 3 attempts");
        assertThat(server.requestCount()).isEqualTo(3); // max_retries: 2
        assertThat(solo.execution().ledger().forRun("run_1").getFirst().outcome()).isEqualTo("rate_limited");
    }

    @Test
    void a_server_asking_to_wait_longer_than_solo_waits_fails_at_once() {
        open("max_retry_after_seconds: 5");
        server.error(429, Map.of("Retry-After", "3600"));

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(failed.explanation()).contains("asks to wait 3600 s");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void server_errors_are_retried_and_then_fail_the_step_with_the_status() {
        open("");
        server.error(500, Map.of()).error(503, Map.of()).error(502, Map.of());

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.SERVER_ERROR);
        assertThat(failed.explanation()).contains("HTTP 502");
        assertThat(failed.attempts()).singleElement().satisfies(a -> assertThat(a.error()).contains("HTTP 502"));
    }

    @Test
    void a_500_then_an_answer_completes_the_step() {
        open("");
        server.error(500, Map.of()).answer(QualifierAnswers.VALID);

        assertThat(invoke(qualify("Ada Park"))).isInstanceOf(AgentOutcome.Completed.class);
    }

    @Test
    void a_server_that_does_not_answer_in_time_ends_as_a_timeout() {
        open("timeout_seconds: 0.3\nmax_retries: 1");
        server.slow(Duration.ofSeconds(3), "{}").slow(Duration.ofSeconds(3), "{}");

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.explanation()).contains("no answer within 300 ms");
        assertThat(solo.execution().ledger().forRun("run_1")).singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo("timeout"));
    }

    @Test
    void a_client_error_is_not_retried_and_never_shows_the_key() {
        open("");
        server.error(401, Map.of());

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.HTTP_ERROR);
        assertThat(failed.retryable()).isFalse();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(failed.explanation()).contains("HTTP 401").doesNotContain("sk-test-secret");
    }

    @Test
    void a_second_identical_call_is_answered_from_the_cache_without_a_request() {
        open("");
        server.answer(QualifierAnswers.VALID);

        var first = (AgentOutcome.Completed) invoke(qualify("Ada Park"));
        var second = (AgentOutcome.Completed) invoke(qualify("Ada Park"));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(second.output()).isEqualTo(first.output());
        assertThat(second.attempts().getFirst().cacheHit()).isTrue();
        var rows = solo.execution().ledger().forRun("run_1");
        assertThat(rows).extracting(LedgerEntry::cacheHit).containsExactly(false, true);
        assertThat(rows.get(1).costMicros()).isZero();
    }

    @Test
    void a_different_call_is_not_answered_from_the_cache() {
        open("");
        server.answer(QualifierAnswers.VALID).answer(QualifierAnswers.VALID);

        invoke(qualify("Ada Park"));
        invoke(qualify("Bob Stone"));

        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void the_cache_survives_a_restart() {
        open("");
        server.answer(QualifierAnswers.VALID);
        invoke(qualify("Ada Park"));
        solo.close();

        solo = Solo.builder(solo.company()).withDatabaseUrl(company.databaseUrl())
                .withEnvironment(Map.of("TEST_API_KEY", "k")).open();

        assertThat(invoke(qualify("Ada Park"))).isInstanceOf(AgentOutcome.Completed.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void a_call_that_would_exceed_the_run_budget_is_not_made() {
        open("", "budgets:\n  per_run: 0.02\n");
        // the first call costs 10000 × 2 + 100 × 8 micros = 0.0208, more than the run's budget of 0.02
        server.answer(QualifierAnswers.VALID, 10_000, 100);

        assertThat(invoke(qualify("Ada Park"))).isInstanceOf(AgentOutcome.Completed.class);
        AgentOutcome second = invoke(qualify("Bob Stone"));

        assertThat(second).isInstanceOf(AgentOutcome.BudgetExceeded.class);
        var over = (AgentOutcome.BudgetExceeded) second;
        assertThat(over.budget().scope()).isEqualTo(BudgetScope.RUN);
        assertThat(over.budget().spentMicros()).isEqualTo(20_800);
        assertThat(over.explanation()).contains("budget per run").contains("run_1").contains("limit 0.02 USD");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void the_company_budget_per_day_stops_a_call_before_it_is_made() {
        open("", "budgets:\n  per_company_per_day: 0.001\n");

        var over = (AgentOutcome.BudgetExceeded) invoke(qualify("Ada Park"));

        assertThat(over.budget().scope()).isEqualTo(BudgetScope.COMPANY_DAY);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void an_input_that_breaks_the_input_contract_fails_before_any_call() {
        open("");

        var failed = (AgentOutcome.Failed) invoke(AgentCall.of("qualifier", Json.parse("{\"lead\": {}}", "input")));

        assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_INPUT);
        assertThat(failed.explanation()).contains("/criteria").contains("agents/qualifier.yaml");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void an_unset_api_key_is_a_configuration_failure_naming_the_reference() {
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), ""), Map.of());

        var failed = (AgentOutcome.Failed) invoke(qualify("Ada Park"));

        assertThat(failed.reason()).isEqualTo(FailureReason.MODEL_CONFIGURATION);
        assertThat(failed.explanation()).contains("env:TEST_API_KEY is not set").contains("solo.yaml:");
    }
}
