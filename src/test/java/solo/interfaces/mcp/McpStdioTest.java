package solo.interfaces.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static solo.interfaces.mcp.McpClients.error;
import static solo.interfaces.mcp.McpClients.ok;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import solo.app.Solo;
import solo.state.Event;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * {@code solo mcp} as a desktop assistant runs it: a real child process, spoken to over its stdin and stdout
 * by the MCP SDK's own client. Anything else printed on stdout would break the protocol.
 */
class McpStdioTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    @TempDir
    Path logs;

    @org.junit.jupiter.api.BeforeEach
    void outreach() {
        solo.orchestration.Flows.fixture(company.dir(), "lead-outreach");
    }

    @Test
    void an_assistant_lists_the_tools_reads_writes_and_starts_a_run_as_itself() throws Exception {
        String leadId;
        try (McpSyncClient mcp = McpClients.stdio(company.dir(), logs)) {
            assertThat(mcp.getServerInfo().name()).isEqualTo("solo");
            List<McpSchema.Tool> tools = mcp.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(SoloMcp.toolNames())
                    .contains("search_memory", "get_context_pack", "get_entity", "list_entities", "create_entity",
                            "update_entity", "add_note", "list_flows", "start_run", "get_run", "list_inbox",
                            "decide_inbox_item");
            assertThat(tools).allSatisfy(t -> assertThat(t.inputSchema()).containsEntry("type", "object"));

            JsonNode created = ok(mcp, "create_entity", Map.of("type", "lead", "body", Map.of("name", "Ada Park",
                    "email", "ada@example.com"), "reason", "met at the conference"));
            leadId = created.at("/entity/id").asString();
            assertThat(created.at("/entity/version").asLong()).isEqualTo(1);

            JsonNode updated = ok(mcp, "update_entity", Map.of("id", leadId, "version", 1, "set", Map.of("score", 70)));
            assertThat(updated.at("/entity/body/score").asInt()).isEqualTo(70);
            ok(mcp, "add_note", Map.of("entities", List.of(leadId), "text", "Wants a quote for a website."));
            JsonNode got = ok(mcp, "get_entity", Map.of("id", leadId));
            assertThat(got.at("/artifacts/0/kind").asString()).isEqualTo("note");

            JsonNode pack = ok(mcp, "get_context_pack", Map.of("entity", leadId, "task", "write a first email"));
            assertThat(pack.get("text").asString()).contains("Ada Park");

            JsonNode search = ok(mcp, "search_memory", Map.of("query", "website quote"));
            assertThat(search.at("/hits/0/excerpt").asString()).isEqualTo("Wants a quote for a website."); // memory follows the store

            JsonNode flows = ok(mcp, "list_flows", Map.of());
            assertThat(flows.at("/flows/0/name").asString()).isEqualTo("lead-outreach");
            assertThat(flows.at("/flows/0/required_inputs").toString()).contains("lead_id", "name");

            JsonNode started = ok(mcp, "start_run", Map.of("flow", "lead-outreach", "input", Map.of("lead_id", leadId,
                    "name", "Ada Park")));
            assertThat(started.at("/run/status").asString()).isEqualTo("queued"); // no runtime here: solo up carries it out
            assertThat(started.at("/run/trigger/by").asString()).isEqualTo(McpClients.ACTOR);
        }
        try (Solo solo = company.reopen()) {
            List<Event> history = solo.store().history(leadId);
            assertThat(history).extracting(e -> e.actor().text()).containsOnly(McpClients.ACTOR);
            assertThat(history.getFirst().reason()).isEqualTo("met at the conference");
            assertThat(solo.orchestrator().runs().list("lead-outreach", null, 10)).hasSize(1);
        }
    }

    @Test
    void stdout_carries_only_the_protocol_and_a_line_that_is_no_message_is_answered_not_fatal() throws Exception {
        String jvm = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(jvm, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), solo.Main.class.getName(), "--company", company.dir().toString(), "mcp")
                .redirectError(logs.resolve("stderr.txt").toFile()).start();
        p.getOutputStream().write(String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"Raw Pipe\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "this is not JSON",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_flows\",\"arguments\":{}}}",
                "").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close(); // every request is answered before solo mcp exits
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<JsonNode> messages = lines.stream().map(l -> solo.support.Json.parse(l, "stdout line")).toList();
        assertThat(messages).hasSize(3);
        assertThat(messages).anySatisfy(m -> assertThat(m.at("/error/code").asInt()).isEqualTo(-32700));
        assertThat(messages).anySatisfy(m -> assertThat(m.at("/result/serverInfo/name").asString()).isEqualTo("solo"));
        assertThat(messages).anySatisfy(m -> assertThat(m.at("/result/structuredContent/flows/0/name").asString())
                .isEqualTo("lead-outreach"));
    }

    @Test
    void policies_refuse_what_the_assistant_may_not_do_and_bad_arguments_name_their_field() throws Exception {
        try (McpSyncClient mcp = McpClients.stdio(company.dir(), logs)) {
            Map<String, Object> offer = Map.of("title", "Website", "amount", 4000, "currency", "EUR", "status", "draft",
                    "discount_percent", 20);
            JsonNode refused = error(mcp, "create_entity", Map.of("type", "offer", "body", offer));
            assertThat(refused.get("message").asString()).contains("not done", "operator's approval",
                    "a discount of 20% is above 15%", "discount-cap/discount_above_cap", "Nothing was written");
            JsonNode within = ok(mcp, "create_entity", Map.of("type", "offer", "body", Map.of("title", "Website",
                    "amount", 4000, "currency", "EUR", "status", "draft", "discount_percent", 10)));
            String offerId = within.at("/entity/id").asString();
            JsonNode raise = error(mcp, "update_entity", Map.of("id", offerId, "set", Map.of("discount_percent", 30)));
            assertThat(raise.get("message").asString()).contains("discount_above_cap");

            assertThat(error(mcp, "create_entity", Map.of("type", "lead")).get("field").asString()).isEqualTo("/body");
            JsonNode score = error(mcp, "create_entity", Map.of("type", "lead", "body", Map.of("name", "Bo", "score", 200)));
            assertThat(score.get("field").asString()).isEqualTo("/body/score");
            assertThat(score.get("message").asString()).contains("body/score", "maximum", "nothing was written");
            assertThat(error(mcp, "create_entity", Map.of("type", "unicorn", "body", Map.of())).get("message").asString())
                    .contains("unknown entity type 'unicorn'", "lead");
            assertThat(error(mcp, "list_entities", Map.of("limit", 500)).get("field").asString()).isEqualTo("/limit");
            assertThat(error(mcp, "search_memory", Map.of("query", "x", "colour", "red")).get("field").asString())
                    .isEqualTo("/colour");
            assertThat(error(mcp, "get_entity", Map.of("id", "lead_nope")).get("message").asString()).contains("no entity lead_nope");
            assertThat(error(mcp, "start_run", Map.of("flow", "lead-outreach", "input", Map.of("name", "Ada")))
                    .get("field").asString()).isEqualTo("/input/lead_id");
            assertThat(error(mcp, "update_entity", Map.of("id", offerId, "version", 7, "set", Map.of("title", "New")))
                    .get("field").asString()).isEqualTo("/version");
        }
        try (Solo solo = company.reopen()) {
            assertThat(solo.store().count("offer")).isEqualTo(1); // only the one within the cap
            assertThat(solo.store().count("lead")).isZero();
            assertThat(solo.store().get(solo.store().list("offer", null, 1).getFirst().id()).body().get("discount_percent")
                    .asInt()).isEqualTo(10);
        }
    }
}
