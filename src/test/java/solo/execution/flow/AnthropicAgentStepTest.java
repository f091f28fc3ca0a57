package solo.execution.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.testing.AnthropicServer;
import solo.testing.TestCompany;

/** An agent step in a flow against a real HTTP server speaking Anthropic's messages API. */
class AnthropicAgentStepTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final AnthropicServer server = new AnthropicServer();
    Solo solo;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
        server.close();
    }

    @Test
    void the_copywriter_drafts_through_anthropic_and_the_run_records_model_cost_and_confidence() {
        solo = Configured.open(company, """
                models:
                  claude: {kind: anthropic, base_url: "%s/", api_key: env:TEST_API_KEY, max_retries: 1, retry_base_ms: 10}
                tiers:
                  premium: {provider: claude, model: claude-test, max_tokens: 900}
                prices:
                  claude-test: {input: 3.0, output: 15.0}
                """.formatted(server.baseUrl()));
        String ada = FlowRuns.lead(solo, "{\"name\": \"Ada Park\", \"email\": \"ada@acme.com\", \"need\": \"a new shop\"}");
        FlowRuns.write(solo, "draft", """
                input: {required: [lead_id]}
                steps:
                  - id: draft
                    agent: copywriter
                    about: "${input.lead_id}"
                    input: {recipient: {id: "${input.lead_id}", name: Ada Park}, purpose: a first note}
                """);
        server.answer("{\"subject\": \"Your new shop\", \"body\": \"Hi Ada, ...\", \"confidence\": 0.8}", 200, 60);

        Run run = FlowRuns.run(solo, "draft", "{\"lead_id\": \"" + ada + "\"}");

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output().get("subject").asString()).isEqualTo("Your new shop");
        var detail = FlowRuns.detail(solo, run, "draft");
        assertThat(detail.get("answered_by").asString()).isEqualTo("claude/claude-test");
        assertThat(detail.get("confidence").asDouble()).isEqualTo(0.6); // 0.8, x0.75: retrieval found only the record
        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/messages");
        assertThat(server.requests().getFirst().body().toString()).contains("a new shop");
        assertThat(solo.execution().ledger().forRun(run.id())).singleElement()
                .satisfies(row -> assertThat(row.costMicros()).isEqualTo(200 * 3 + 60 * 15));
    }
}
