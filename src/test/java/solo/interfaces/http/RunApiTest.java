package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** Flows, runs and gates through the API, with the runtime's worker driving the runs. */
class RunApiTest {
    static final String GATED = """
            description: ask, then note
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

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> {
        Flows.write(c.dir(), "gated", GATED);
        Flows.write(c.dir(), "broken", "steps:\n  - id: a\n    agent: echo\n  - id: a\n    agent: echo\n");
    });

    private JsonNode waitFor(String runId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode run = server.api().get("/api/runs/" + runId).json();
        while (!run.get("status").asString().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            run = server.api().get("/api/runs/" + runId).json();
        }
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo(status);
        return run;
    }

    private String start() {
        var a = server.api().post("/api/runs", Map.of("flow", "gated", "input", Map.of("lead_id", "lead_1")));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    @Test
    void flows_are_listed_validated_and_shown_with_their_steps() {
        JsonNode flows = server.api().get("/api/flows").json();
        assertThat(flows.findValuesAsString("name")).containsExactly("broken", "gated");
        assertThat(flows.get(0).get("valid").asBoolean()).isFalse();
        JsonNode v = server.api().post("/api/flows/validate", null).json();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("problems").get(0).asString()).startsWith("flows/broken.yaml:");
        JsonNode gated = server.api().get("/api/flows/gated").json();
        assertThat(gated.get("steps").findValuesAsString("id")).containsExactly("research", "ask", "done");
        assertThat(server.api().get("/api/flows/nope").status()).isEqualTo(404);
        var broken = server.api().get("/api/flows/broken");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.message()).contains("flows/broken.yaml:");
    }

    @Test
    void a_run_is_started_waits_at_its_gate_and_goes_on_when_approved() throws Exception {
        String id = start();
        waitFor(id, "waiting");
        JsonNode gates = server.api().get("/api/gates").json();
        assertThat(gates).singleElement().satisfies(g -> {
            assertThat(g.get("run_id").asString()).isEqualTo(id);
            assertThat(g.get("step_id").asString()).isEqualTo("ask");
            assertThat(g.get("waiting_for").asString()).isEqualTo("gate");
            assertThat(g.get("flow").asString()).isEqualTo("gated");
        });
        var approved = server.api().post("/api/gates/" + id + "/ask/approve", Map.of("reason", "looks right"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode run = waitFor(id, "completed");
        assertThat(run.get("steps").findValuesAsString("step_id")).containsExactly("research", "ask", "done");
        assertThat(run.get("steps").get(0).get("output").get("lead").asString()).isEqualTo("lead_1");
        assertThat(server.api().get("/api/runs?flow=gated&status=completed").json()).hasSize(1);
        var again = server.api().post("/api/gates/" + id + "/ask/approve", null);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void a_rejected_gate_fails_the_run_which_can_be_retried_and_forked() throws Exception {
        String id = start();
        waitFor(id, "waiting");
        assertThat(server.api().post("/api/gates/" + id + "/ask/reject", Map.of("reason", "no")).status()).isEqualTo(200);
        waitFor(id, "failed");
        var retried = server.api().post("/api/runs/" + id + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        waitFor(id, "waiting");
        var forked = server.api().post("/api/runs/" + id + "/fork", Map.of("from", "ask", "input", Map.of("lead_id", "lead_2")));
        assertThat(forked.status()).as(forked.body()).isEqualTo(201);
        assertThat(forked.json().get("forked_from").asString()).isEqualTo(id);
        var badFork = server.api().post("/api/runs/" + id + "/fork", Map.of("from", "nope"));
        assertThat(badFork.status()).isEqualTo(400);
        assertThat(badFork.field()).isEqualTo("/from");
    }

    @Test
    void a_run_is_cancelled_once_and_a_second_cancel_is_a_conflict() throws Exception {
        String id = start();
        waitFor(id, "waiting");
        var cancelled = server.api().post("/api/runs/" + id + "/cancel", Map.of("reason", "not needed"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(server.api().post("/api/runs/" + id + "/cancel", null).status()).isEqualTo(409);
        assertThat(server.api().post("/api/runs/" + id + "/retry", null).status()).isEqualTo(409);
    }

    @Test
    void bad_run_requests_are_refused_with_the_field_named() {
        assertThat(server.api().post("/api/runs", Map.of("flow", "nope")).field()).isEqualTo("/flow");
        var missing = server.api().post("/api/runs", Map.of("flow", "gated"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("needs input lead_id");
        assertThat(server.api().get("/api/runs?status=sleeping").field()).isEqualTo("status");
        assertThat(server.api().get("/api/runs/run_nope").status()).isEqualTo(404);
        assertThat(server.api().post("/api/runs/run_nope/cancel", null).status()).isEqualTo(404);
        assertThat(server.api().post("/api/gates/run_nope/ask/approve", null).status()).isEqualTo(404);
    }

    @Test
    void the_audit_chain_verifies_and_the_event_log_reads() {
        server.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada")));
        JsonNode report = server.api().get("/api/audit/verify").json();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("events").asLong()).isEqualTo(1);
        assertThat(server.api().get("/api/events?after=0").json()).hasSize(1);
    }
}
