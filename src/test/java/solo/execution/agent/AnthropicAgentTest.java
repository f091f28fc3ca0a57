package solo.execution.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.execution.RunRef;
import solo.support.Json;
import solo.testing.AnthropicServer;
import solo.testing.TestCompany;

/** The copywriter agent (premium tier) against a real HTTP server speaking Anthropic's messages API. */
class AnthropicAgentTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final AnthropicServer server = new AnthropicServer();
    Solo solo;

    static final String EMAIL = """
            {"subject": "Your redesign", "body": "Hi Ada, ...", "confidence": 0.8}""";

    @BeforeEach
    void open() {
        solo = Configured.open(company, """
                models:
                  claude:
                    kind: anthropic
                    base_url: %s/
                    api_key: env:TEST_API_KEY
                    max_retries: 2
                    retry_base_ms: 10
                tiers:
                  premium: {provider: claude, model: claude-test, max_tokens: 900}
                prices:
                  claude-test: {input: 3.0, output: 15.0}
                """.formatted(server.baseUrl()));
    }

    @AfterEach
    void close() {
        solo.close();
        server.close();
    }

    AgentOutcome draft() {
        var input = Json.parse("""
                {"recipient": {"id": "lead_1", "name": "Ada Park"}, "purpose": "follow up on the redesign"}""", "input");
        return solo.execution().invoker().invoke(AgentCall.of("copywriter", input).inRun(new RunRef("run_7", "outreach", "draft")));
    }

    @Test
    void a_valid_answer_completes_the_step_through_the_messages_api() {
        server.answer(EMAIL, 300, 80);

        var done = (AgentOutcome.Completed) draft();

        assertThat(done.output().get("subject").asString()).isEqualTo("Your redesign");
        assertThat(done.answeredBy()).isEqualTo("claude/claude-test");
        var request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-test-secret");
        assertThat(request.body().get("model").asString()).isEqualTo("claude-test");
        assertThat(request.body().get("max_tokens").asInt()).isEqualTo(900);
        assertThat(request.body().get("system").toString()).contains("copywriter");
        var row = solo.execution().ledger().forRun("run_7").getFirst();
        assertThat(row.costMicros()).isEqualTo(300 * 3 + 80 * 15);
    }

    @Test
    void an_answer_that_breaks_the_contract_is_repaired() {
        server.answer("{\"subject\": \"\", \"body\": \"Hi\", \"confidence\": 0.8}").answer(EMAIL);

        var done = (AgentOutcome.Completed) draft();

        assertThat(done.attempts()).hasSize(2);
        assertThat(done.attempts().getFirst().violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("/subject"));
        assertThat(server.requests().get(1).body().get("messages").toString()).contains("/subject");
    }

    @Test
    void an_overloaded_server_is_retried_and_a_rate_limit_honours_retry_after() {
        server.error(529, "overloaded_error", Map.of()).error(429, "rate_limit_error", Map.of("retry-after", "0"))
                .answer(EMAIL);

        assertThat(draft()).isInstanceOf(AgentOutcome.Completed.class);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void proposed_actions_come_back_as_data_recorded_as_proposed_by_the_agent() {
        server.answer("""
                {"subject": "Your redesign", "body": "Hi Ada", "confidence": 0.8,
                 "actions": [{"type": "send_email", "targets": ["lead_1"], "params": {"subject": "Your redesign"},
                              "reason": "follow-up"}]}""");

        var done = (AgentOutcome.Completed) draft();

        assertThat(done.output().has("actions")).isFalse();
        assertThat(done.actions()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("send_email");
            assertThat(a.targets()).containsExactly("lead_1");
            assertThat(a.proposedBy()).isEqualTo("copywriter");
            assertThat(a.actor().text()).isEqualTo("run:run_7/step:draft");
        });
    }

    @Test
    void an_action_the_agent_may_not_propose_is_a_contract_violation() {
        server.answer("""
                {"subject": "s", "body": "b", "confidence": 0.8, "actions": [{"type": "send_invoice", "targets": ["inv_1"]}]}""")
                .answer("""
                {"subject": "s", "body": "b", "confidence": 0.8, "actions": [{"type": "call_webhook", "targets": []}]}""");

        var failed = (AgentOutcome.Failed) draft();

        assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_OUTPUT);
        assertThat(failed.attempts().getFirst().violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo("/actions/0/type");
            assertThat(v.message()).contains("send_email", "send_offer");
        });
    }
}
