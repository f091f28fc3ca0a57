package solo.interfaces.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static solo.interfaces.mcp.McpClients.error;
import static solo.interfaces.mcp.McpClients.ok;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.RunRef;
import solo.execution.ledger.LedgerEntry;
import solo.interfaces.http.ServerFixture;
import solo.memory.HashingEmbedder;
import solo.orchestration.Flows;
import solo.state.Artifact;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * {@code /mcp} on a real {@link solo.interfaces.http.SoloServer} (free port, 127.0.0.1, the runtime's worker
 * running), spoken to by the MCP SDK's own streamable-HTTP client: the token, search, runs started by the
 * assistant and carried out under the company's policies, the inbox's decisions, and the metrics.
 */
abstract class McpHttpContract {
    static final String GATED = """
            description: research, ask, then note
            input: {required: [lead_id]}
            steps:
              - id: research
                agent: echo
                input: {lead: "${input.lead_id}"}
              - id: ask
                gate: "Write to them today?"
              - id: done
                agent: echo
                input: {ok: true}
            """;
    static final String MAIL = """
            input: {required: [to]}
            steps:
              - id: send
                action: email.send
                input: {to: "${input.to}", subject: Hello, text: Good to meet you.}
            """;


    @RegisterExtension
    @Order(1)
    final TestCompany company;

    @RegisterExtension
    @Order(2)
    final ServerFixture server;

    McpHttpContract(Database database) {
        company = TestCompany.instance().withDatabase(database).withSolo(b -> b.withMemoryEmbedder(new HashingEmbedder()));
        server = new ServerFixture(company).before(c -> {
            Flows.write(c.dir(), "gated", GATED);
            Flows.write(c.dir(), "mail", MAIL);
            Flows.fixture(c.dir(), "lead-outreach");
        });
    }

    McpSyncClient connect() {
        return McpClients.http(server.server().uri(), server.token());
    }

    static final String INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
             "capabilities": {}, "clientInfo": {"name": "x", "version": "1"}}}""";
    static final List<String> JSON = List.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream");

    @Test
    void mcp_needs_the_token() {
        List<String> headers = JSON;
        var none = server.api().withToken(null).send("POST", "/mcp", INITIALIZE, headers);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.message()).contains("access token");
        var wrong = server.api().withToken("solo_not-the-token").send("POST", "/mcp", INITIALIZE, headers);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("Exception");
        assertThatThrownBy(() -> McpClients.http(server.server().uri(), null).close()).isInstanceOf(RuntimeException.class);
        var good = server.api().send("POST", "/mcp", INITIALIZE, headers);
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.body()).contains("\"solo\"");
    }

    @Test
    void a_web_page_from_another_origin_cannot_call_mcp_even_with_the_token() {
        for (String origin : List.of("http://rebound.example.com:7070", "null")) {
            List<String> headers = new java.util.ArrayList<>(JSON);
            headers.addAll(List.of("Origin", origin));
            var refused = server.api().send("POST", "/mcp", INITIALIZE, headers);
            assertThat(refused.status()).as(origin).isEqualTo(403);
            assertThat(refused.message()).contains(origin).contains("loopback origin");
        }
        List<String> local = new java.util.ArrayList<>(JSON);
        local.addAll(List.of("Origin", "http://127.0.0.1:7070"));
        assertThat(server.api().send("POST", "/mcp", INITIALIZE, local).status()).isEqualTo(200);
    }

    @Test
    void an_assistant_searches_memory_and_answers_a_gate_of_a_run_it_started() throws Exception {
        try (McpSyncClient mcp = connect()) {
            assertThat(mcp.listTools().tools()).hasSize(SoloMcp.toolNames().size());
            String lead = ok(mcp, "create_entity", Map.of("type", "lead", "body", Map.of("name", "Ada Park")))
                    .at("/entity/id").asString();
            String other = ok(mcp, "create_entity", Map.of("type", "lead", "body", Map.of("name", "Bo Lee")))
                    .at("/entity/id").asString();
            ok(mcp, "add_note", Map.of("entities", List.of(lead), "text", "Ada wants a quote for a new bakery website."));
            ok(mcp, "add_note", Map.of("entities", List.of(other), "text", "Bo asked about payroll software."));

            JsonNode hits = ok(mcp, "search_memory", Map.of("query", "bakery website quote", "limit", 5)).get("hits");
            assertThat(hits.get(0).get("excerpt").asString()).contains("bakery website");
            JsonNode scoped = ok(mcp, "search_memory", Map.of("query", "software", "scope", lead)).get("hits");
            assertThat(scoped.findValuesAsString("excerpt")).noneMatch(t -> t.contains("payroll"));
            assertThat(error(mcp, "search_memory", Map.of("query", "x", "scope", "lead_nope")).get("field").asString())
                    .isEqualTo("/scope");

            String run = ok(mcp, "start_run", Map.of("flow", "gated", "input", Map.of("lead_id", lead)))
                    .at("/run/id").asString();
            JsonNode item = inboxItem(mcp, i -> i.get("run").asString().equals(run));
            assertThat(item.get("kind").asString()).isEqualTo("gate");
            assertThat(item.get("summary").asString()).isEqualTo("Write to them today?");
            assertThat(item.get("assistant_may").toString()).contains("approve", "reject");
            assertThat(error(mcp, "decide_inbox_item", Map.of("run", run, "step", "ask", "decision", "approve")).get("field")
                    .asString()).isEqualTo("/reason");
            ok(mcp, "decide_inbox_item", Map.of("run", run, "step", "ask", "decision", "approve", "reason", "she asked"));
            JsonNode done = runUntil(mcp, run, "completed");
            assertThat(done.at("/run/steps/1/output/by").asString()).isEqualTo(McpClients.ACTOR);
        }
    }

    @Test
    void runs_the_assistant_starts_are_held_to_the_policies_and_approvals_stay_the_operators() throws Exception {
        try (McpSyncClient mcp = connect()) {
            // an opted-out lead: the assistant may write it down, and start the outreach; the email is refused
            String lead = ok(mcp, "create_entity", Map.of("type", "lead", "body", Map.of("name", "Cy Dee",
                    "email", "cy@example.com", "opted_out", true))).at("/entity/id").asString();
            String outreach = ok(mcp, "start_run", Map.of("flow", "lead-outreach", "input", Map.of("lead_id", lead,
                    "name", "Cy Dee"))).at("/run/id").asString();
            JsonNode task = inboxItem(mcp, i -> i.get("run").asString().equals(outreach));
            assertThat(task.get("kind").asString()).isEqualTo("task");
            assertThat(task.get("assistant_may").toString()).contains("answer");
            JsonNode badAnswer = error(mcp, "decide_inbox_item", Map.of("run", outreach, "step", "draft", "decision", "answer",
                    "reason", "drafted", "answer", Map.of("subject", "Hello")));
            assertThat(badAnswer.get("field").asString()).isEqualTo("/answer");
            assertThat(badAnswer.get("message").asString()).contains("body");
            ok(mcp, "decide_inbox_item", Map.of("run", outreach, "step", "draft", "decision", "answer", "reason", "drafted",
                    "answer", Map.of("subject", "Hello Cy", "body", "Good to meet you.", "confidence", 0.9)));
            JsonNode failed = runUntil(mcp, outreach, "failed");
            assertThat(failed.at("/run/error").asString()).contains("opted out");

            // six recipients at once need the operator's approval: the assistant may reject it, not approve it
            List<String> six = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                six.add(ok(mcp, "create_entity", Map.of("type", "lead", "body", Map.of("name", "L" + i,
                        "email", "l" + i + "@example.com"))).at("/entity/id").asString());
            }
            String mail = ok(mcp, "start_run", Map.of("flow", "mail", "input", Map.of("to", six))).at("/run/id").asString();
            JsonNode approval = inboxItem(mcp, i -> i.get("run").asString().equals(mail));
            assertThat(approval.get("kind").asString()).isEqualTo("approval");
            assertThat(approval.get("assistant_may").toString()).isEqualTo("[\"reject\"]");
            assertThat(server.api().get("/metrics").body()).contains("solo_inbox_items{kind=\"approval\"} 1");
            JsonNode refused = error(mcp, "decide_inbox_item", Map.of("run", mail, "step", "send", "decision", "approve",
                    "reason", "looks fine"));
            assertThat(refused.get("field").asString()).isEqualTo("/decision");
            assertThat(refused.get("message").asString()).contains("operator's own decision");
            ok(mcp, "decide_inbox_item", Map.of("run", mail, "step", "send", "decision", "reject", "reason", "too many"));
            assertThat(runUntil(mcp, mail, "failed").at("/run/error").asString()).contains(McpClients.ACTOR);
        }
    }

    @Test
    void metrics_show_model_tokens_and_cost_from_the_ledger_and_the_inbox() {
        var ledger = server.solo().execution().ledger();
        for (int i = 0; i < 2; i++) {
            ledger.record(new LedgerEntry("call_" + i, Instant.now(), ledger.today().toString(), RunRef.NONE, "copywriter",
                    "claude", "claude-sonnet-4-5", "premium", "k" + i, 1000, 250, 900, 6_750, true, i == 1, LedgerEntry.OK, null));
        }
        String m = server.api().get("/metrics").body();
        assertThat(m).contains("solo_model_tokens_total{direction=\"input\",model=\"claude-sonnet-4-5\",provider=\"claude\"} 2000.0")
                .contains("solo_model_tokens_total{direction=\"output\",model=\"claude-sonnet-4-5\",provider=\"claude\"} 500.0")
                .contains("solo_model_cost_total{currency=\"USD\",model=\"claude-sonnet-4-5\",provider=\"claude\"} 0.0135")
                .contains("solo_model_calls_total{model=\"claude-sonnet-4-5\",provider=\"claude\"} 2.0")
                .contains("solo_model_cache_hits_total{model=\"claude-sonnet-4-5\",provider=\"claude\"} 1.0")
                .contains("solo_inbox_items{kind=\"gate\"} 0");
    }

    private static JsonNode inboxItem(McpSyncClient mcp, Predicate<JsonNode> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode i : ok(mcp, "list_inbox", Map.of()).get("items")) {
                if (which.test(i)) {
                    return i;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such item in the inbox: " + ok(mcp, "list_inbox", Map.of()));
    }

    private static JsonNode runUntil(McpSyncClient mcp, String run, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode r = ok(mcp, "get_run", Map.of("id", run));
        while (!r.at("/run/status").asString().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = ok(mcp, "get_run", Map.of("id", run));
        }
        assertThat(r.at("/run/status").asString()).as(r.toString()).isEqualTo(status);
        return r;
    }
}
