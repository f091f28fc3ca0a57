package solo.execution.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.state.Actor;
import solo.state.Entity;
import solo.support.Json;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** Reads an agent asks for run at once, within its memory scope, and their results go back to the model. */
class ReadToolsTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    Solo solo;
    Entity ada;
    Entity stranger;

    @BeforeEach
    void open() {
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), ""));
        ada = solo.store().create(Actor.OPERATOR, null, "lead", Json.parse("{\"name\": \"Ada Park\", \"budget\": 8000}", "b"));
        stranger = solo.store().create(Actor.OPERATOR, null, "lead", Json.parse("{\"name\": \"Someone Else\"}", "b"));
    }

    @AfterEach
    void close() {
        solo.close();
        server.close();
    }

    AgentOutcome qualifyAda() {
        JsonNode input = Json.parse("{\"lead\": {\"id\": \"%s\", \"name\": \"Ada Park\"}, \"criteria\": \"budget above 5k\"}"
                .formatted(ada.id()), "input");
        return solo.execution().invoker().invoke(AgentCall.of("qualifier", input).about(ada.id()));
    }

    @Test
    void an_entity_read_runs_and_its_result_goes_back_to_the_model() {
        server.toolCall("call_1", "read_entity", "{\"id\": \"" + ada.id() + "\"}").answer(QualifierAnswers.VALID);

        var done = (AgentOutcome.Completed) qualifyAda();

        assertThat(done.attempts()).extracting(Attempt::kind).containsExactly("tools", "answer");
        var first = server.requests().getFirst().body();
        assertThat(first.get("tools").toString()).contains("read_entity").contains("search_memory").doesNotContain("list_neighbours");
        String second = server.requests().get(1).body().get("messages").toString();
        assertThat(second).contains("\"role\":\"tool\"").contains("8000").contains(ada.id());
    }

    @Test
    void a_read_outside_the_memory_scope_is_refused_to_the_model() {
        server.toolCall("call_1", "read_entity", "{\"id\": \"" + stranger.id() + "\"}").answer(QualifierAnswers.VALID);

        qualifyAda();

        String second = server.requests().get(1).body().get("messages").toString();
        assertThat(second).contains("outside this agent's memory scope").doesNotContain("Someone Else");
    }

    @Test
    void a_tool_the_agent_was_not_given_is_refused() {
        server.toolCall("call_1", "list_neighbours", "{\"id\": \"" + ada.id() + "\"}").answer(QualifierAnswers.VALID);

        qualifyAda();

        assertThat(server.requests().get(1).body().get("messages").toString()).contains("not available to this agent");
    }

    @Test
    void a_memory_search_runs_on_memory_within_the_agents_scope() {
        server.toolCall("call_1", "search_memory", "{\"query\": \"redesign\"}").answer(QualifierAnswers.VALID);

        qualifyAda();

        // memory is wired: the subject's own record is searchable (entities are indexed with their artifacts)
        assertThat(server.requests().get(1).body().get("messages").toString()).contains("hits").contains(ada.id());
    }

    @Test
    void a_model_that_keeps_asking_for_tools_is_stopped() {
        for (int i = 0; i < 4; i++) {
            server.toolCall("call_" + i, "read_entity", "{\"id\": \"" + ada.id() + "\", \"n\": " + i + "}");
        }

        var failed = (AgentOutcome.Failed) qualifyAda();

        assertThat(failed.reason()).isEqualTo(FailureReason.TOOL_LOOP);
        assertThat(failed.explanation()).contains("allows 3");
    }
}
