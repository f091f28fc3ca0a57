package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.orchestration.Flows;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.CliRun;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** {@code solo runs show} lists, for each agent step, the model, tokens, cost, cache hit, confidence and policy decisions. */
class RunsShowAgentsCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();

    @AfterEach
    void close() {
        server.close();
    }

    /** Runs the offer flow twice in the test's own process (the model answers once, then the cache). */
    String[] twoRuns() {
        try (Solo solo = Configured.open(company, Configured.openAi(server.baseUrl(), ""))) {
            String ada = solo.store().create(Actor.OPERATOR, "t", "lead", Json.parse("""
                    {"name": "Ada Park", "email": "ada@acme.com"}""", "lead")).id();
            server.answer("""
                    {"subject": "Our offer", "body": "20%% off.", "confidence": 0.9,
                     "actions": [{"type": "send_offer", "targets": ["%s"], "params": {"discount_percent": 20}}]}"""
                    .formatted(ada), 1000, 200);
            Flows.write(company.dir(), "offer", """
                    input: {required: [lead_id]}
                    steps:
                      - id: draft
                        agent: copywriter
                        about: "${input.lead_id}"
                        input: {recipient: {id: "${input.lead_id}", name: Ada}, purpose: send our offer}
                    """);
            String[] ids = new String[2];
            for (int i = 0; i < 2; i++) {
                var run = solo.orchestrator().runs().startLeased("offer", Json.parse("{\"lead_id\": \"" + ada + "\"}", "in"), null);
                ids[i] = solo.orchestrator().worker().driveToRest(run.id(), Duration.ofSeconds(10)).id();
            }
            return ids;
        }
    }

    @Test
    void show_lists_each_agent_steps_model_usage_confidence_and_policy_decisions() {
        String[] runs = twoRuns();

        CliRun first = CliRun.in(company.dir(), "runs", "show", runs[0]);
        CliRun second = CliRun.in(company.dir(), "runs", "show", runs[1]);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("agent   copywriter  model scripted/gpt-test  confidence 0.675")
                .contains("usage   1 call  tokens 1000 in / 200 out  cost 0.0036 USD  cache hit no")
                .contains("policy  draft[action-1] require_approval: send_offer proposed by agent copywriter")
                .contains("discount_above_cap");
        assertThat(second.out()).contains("usage   1 call  tokens 1000 in / 200 out  cost 0 USD  cache hit yes");
    }

    @Test
    void show_json_gives_the_same_for_scripts() {
        String[] runs = twoRuns();

        CliRun r = CliRun.in(company.dir(), "--json", "runs", "show", runs[0]);

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode draft = null;
        for (JsonNode s : Json.parse(r.out(), "out").get("steps")) {
            if (s.get("step_id").asString().equals("draft")) {
                draft = s.get("agent");
            }
        }
        assertThat(draft).isNotNull();
        assertThat(draft.get("model").asString()).isEqualTo("scripted/gpt-test");
        assertThat(draft.get("input_tokens").asLong()).isEqualTo(1000);
        assertThat(draft.get("output_tokens").asLong()).isEqualTo(200);
        assertThat(draft.get("cost").asString()).isEqualTo("0.0036");
        assertThat(draft.get("cache_hit").asBoolean()).isFalse();
        assertThat(draft.get("confidence").asDouble()).isEqualTo(0.675);
        assertThat(draft.at("/policy_decisions/0/decision").asString()).isEqualTo("require_approval");
        assertThat(draft.at("/policy_decisions/0/type").asString()).isEqualTo("send_offer");
    }
}
