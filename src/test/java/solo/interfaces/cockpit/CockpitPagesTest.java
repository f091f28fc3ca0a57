package solo.interfaces.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.http.Api;
import solo.interfaces.http.ServerFixture;
import solo.orchestration.Flows;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Write;
import solo.support.Json;
import solo.testing.TestCompany;

/** Every cockpit page renders from a real server, and nothing that came from outside reaches a page unescaped. */
class CockpitPagesTest {
    private static final String SCRIPT = "<script>alert('owned')</script>";

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> Flows.write(c.dir(), "gated", """
            description: research, ask, note
            input: {required: [lead_id]}
            steps:
              - id: research
                agent: echo
                input: {lead: "${input.lead_id}"}
              - id: ask
                gate: "Write to them today?"
              - id: note
                action: note.add
                input: {entity: "${input.lead_id}", text: "approved"}
            """));

    private Entity lead(String name) {
        return server.solo().store().create(Actor.OPERATOR, "test", "lead", Json.object().put("name", name));
    }

    private String page(String path) {
        Api.Answer a = server.api().get(path);
        assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
        assertThat(a.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return a.body();
    }

    private void waitForStatus(String runId, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().get(runId).status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.solo().orchestrator().runs().get(runId).status()).isEqualTo(status);
    }

    @Test
    void every_page_renders_with_the_navigation_and_the_waiting_gate_comes_first_on_today() throws Exception {
        Entity ada = lead("Ada Park");
        String run = server.solo().orchestrator().runs().start("gated", Json.object().put("lead_id", ada.id()), null).id();
        waitForStatus(run, RunStatus.WAITING);

        String today = page("/");
        assertThat(today).contains("Waiting for you").contains("Write to them today?").contains("/gates/" + run + "/ask/approve");
        assertThat(today.indexOf("Waiting for you")).isLessThan(today.indexOf("In progress"));
        assertThat(today).contains("href=\"/runs\"").contains("href=\"/flows\"").contains("href=\"/entities\"")
                .contains("href=\"/audit\"").contains("/assets/htmx.min.js");
        assertThat(page("/runs")).contains(run);
        assertThat(page("/runs?flow=gated&status=waiting")).contains(run);
        assertThat(page("/runs/" + run)).contains("research").contains("ask").contains("Fork from a step");
        assertThat(page("/flows")).contains("gated").contains("research, ask, note");
        assertThat(page("/flows/gated")).contains("<svg").contains(">research</text>").contains("class=\"edge");
        assertThat(page("/entities?type=lead")).contains("Ada Park");
        assertThat(page("/entities/" + ada.id())).contains("Ada Park").contains("Timeline").contains("entity.created");
        assertThat(page("/audit")).contains("Verify the chain now");
        assertThat(page("/audit?verify=1")).contains("chain verified");
        assertThat(page("/audit?entity=" + ada.id())).contains("entity.created");
        assertThat(server.api().get("/assets/htmx.min.js").status()).isEqualTo(200);
        assertThat(server.api().withToken(null).get("/assets/cockpit.css").status()).isEqualTo(200);
        var missing = server.api().get("/runs/run_nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("no run run_nope").contains("<html");
    }

    @Test
    void a_script_planted_in_an_entity_a_note_and_a_flow_input_comes_out_escaped() throws Exception {
        Entity evil = lead(SCRIPT);
        server.solo().store().write(Write.of(Actor.OPERATOR, SCRIPT, new Change.AddArtifact(null, "note", SCRIPT, SCRIPT, null,
                "text/plain", null, null, List.of(evil.id()))));
        String run = server.solo().orchestrator().runs().start("gated", Json.object().put("lead_id", SCRIPT), null).id();
        waitForStatus(run, RunStatus.WAITING);
        for (String path : List.of("/entities/" + evil.id(), "/entities?type=lead", "/runs/" + run, "/audit",
                "/audit?entity=" + evil.id(), "/")) {
            String html = page(path);
            assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain(SCRIPT);
        }
        assertThat(page("/entities/" + evil.id())).contains("&lt;script&gt;alert(");
        String artifact = server.solo().store().artifacts(evil.id(), 1).getFirst().id();
        assertThat(page("/artifacts/" + artifact)).doesNotContain("<script>alert").contains("&lt;script&gt;");
        var json = server.api().get("/api/entities/" + evil.id());
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(server.api().get("/").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
        assertThat(Map.of()).isEmpty();
    }
}
