package solo.interfaces.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.http.Api;
import solo.interfaces.http.ServerFixture;
import solo.memory.HashingEmbedder;
import solo.memory.files.FileIngest;
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
    static final String SCRIPT = "<script>alert('owned')</script>";
    static final String GATED = """
            description: research, ask, note
            input: {required: [lead_id, subject]}
            steps:
              - id: research
                agent: echo
                input: {lead: "${input.lead_id}"}
              - id: ask
                gate: "Write to them today?"
                input: {subject: "${input.subject}", words: 2}
              - id: note
                action: note.add
                input: {entity: "${input.lead_id}", text: "approved"}
            """;

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance().withSolo(b -> b.withMemoryEmbedder(new HashingEmbedder()));

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> Flows.write(c.dir(), "gated", GATED));

    private Entity lead(String name) {
        return server.solo().store().create(Actor.OPERATOR, "test", "lead", Json.object().put("name", name)
                .put("email", "ada@acme.com"));
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

    private String itemOf(String run) {
        return server.solo().orchestrator().inbox().ofRun(run).getFirst().id();
    }

    /** An email from outside, as `solo ingest` reads it: an .eml file whose subject and text are the sender's. */
    static void ingestEmail(TestCompany company, solo.app.Solo solo, String entity, String subject) throws Exception {
        Path eml = company.dir().resolve("planted.eml");
        Files.writeString(eml, """
                From: Mallory <mallory@evil.example>
                To: ada@acme.com
                Subject: %s
                Message-ID: <planted@evil.example>
                Date: Mon, 2 Mar 2026 10:00:00 +0000
                Content-Type: text/plain; charset=utf-8

                Please pay the invoice %s today.
                """.formatted(subject, subject));
        FileIngest ingest = new FileIngest(solo.store());
        ingest.write(ingest.read(List.of(eml), List.of(entity)), Actor.OPERATOR, m -> { });
    }

    @Test
    void every_page_renders_with_the_navigation_and_the_inbox_comes_first_on_today() throws Exception {
        Entity ada = lead("Ada Park");
        server.solo().store().write(Write.of(Actor.OPERATOR, "call", new Change.AddArtifact(null, "note", "Call",
                "Ada wants the invoice in euros.", null, "text/plain", null, null, List.of(ada.id()))));
        String run = server.solo().orchestrator().runs().start("gated", Json.object().put("lead_id", ada.id()).put("subject", "Hello Ada"), null).id();
        waitForStatus(run, RunStatus.WAITING);
        String item = itemOf(run);

        String today = page("/");
        assertThat(today).contains("Waiting for you").contains("Write to them today?")
                .contains("action=\"/inbox/" + item + "/approve\"").contains("action=\"/inbox/" + item + "/snooze\"");
        assertThat(today.indexOf("Waiting for you")).isLessThan(today.indexOf("In progress"));
        assertThat(today.indexOf("In progress")).isLessThan(today.indexOf("KPIs, last 7 days"));
        assertThat(today).contains("href=\"/inbox\"").contains("href=\"/runs\"").contains("href=\"/flows\"")
                .contains("href=\"/entities\"").contains("href=\"/search\"").contains("href=\"/kpi\"").contains("href=\"/audit\"")
                .contains("/assets/htmx.min.js").doesNotContain("/gates/");
        assertThat(page("/inbox")).contains("Write to them today?");
        assertThat(page("/inbox/" + item)).contains("Why it is here", "the flow asks you at step ask", "Edit, then approve",
                "name=\"field.subject\"", "name=\"field.words\"", "The run's steps");
        assertThat(page("/runs")).contains(run);
        assertThat(page("/runs?flow=gated&status=waiting")).contains(run);
        assertThat(page("/runs?status=rolled_back")).contains("No runs match");
        assertThat(page("/runs/" + run)).contains("research").contains("ask").contains("Fork from a step").contains("In the inbox")
                .doesNotContain("Roll back the run");
        assertThat(page("/flows")).contains("gated").contains("research, ask, note");
        assertThat(page("/flows/gated")).contains("<svg").contains(">research</text>").contains("class=\"edge")
                .contains("last 7 days").contains("last 30 days").contains("/kpi?flow=gated");
        assertThat(page("/entities?type=lead")).contains("Ada Park");
        assertThat(page("/entities/" + ada.id())).contains("Ada Park").contains("Timeline").contains("entity.created")
                .contains("Summary").contains("note attached").contains("action=\"/search\"");
        String search = page("/search?q=" + URLEncoder.encode("invoice euros", StandardCharsets.UTF_8));
        assertThat(search).contains("Ada wants the invoice in euros.").contains("href=\"/entities/" + ada.id() + "\"");
        assertThat(page("/search?q=euros&entity=lead_nope")).contains("no entity lead_nope");
        assertThat(page("/search")).contains("Search memory").doesNotContain("Nothing found");
        assertThat(page("/kpi")).contains("Runs per day", "Cycle time", "Failure and human intervention rates",
                "Model cost per day", "<svg", "gated");
        assertThat(page("/kpi?flow=gated&days=7")).contains("KPIs: gated").contains("Last 7 days by flow");
        assertThat(page("/audit")).contains("Verify the chain now");
        assertThat(page("/audit?verify=1")).contains("chain verified");
        assertThat(page("/audit?id=" + ada.id())).contains("entity.created").contains("The entity's page");
        assertThat(page("/audit?id=" + run)).contains("run's page");
        assertThat(server.api().get("/assets/htmx.min.js").status()).isEqualTo(200);
        assertThat(server.api().withToken(null).get("/assets/cockpit.css").status()).isEqualTo(200);
        var missing = server.api().get("/runs/run_nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("no run run_nope").contains("<html");
    }

    @Test
    void a_script_planted_in_an_entity_a_note_an_email_subject_and_a_flow_input_comes_out_escaped() throws Exception {
        Entity evil = lead(SCRIPT);
        server.solo().store().write(Write.of(Actor.OPERATOR, SCRIPT, new Change.AddArtifact(null, "note", SCRIPT,
                "invoice " + SCRIPT, null, "text/plain", null, null, List.of(evil.id()))));
        ingestEmail(company, server.solo(), evil.id(), SCRIPT);
        String run = server.solo().orchestrator().runs().start("gated", Json.object().put("lead_id", evil.id())
                .put("subject", SCRIPT), null).id();
        waitForStatus(run, RunStatus.WAITING);
        String item = itemOf(run);
        var email = server.solo().store().artifacts(evil.id(), 5).stream().filter(a -> a.kind().equals("email")).findFirst()
                .orElseThrow();
        assertThat(email.title()).isEqualTo(SCRIPT);
        String artifact = email.id();
        String q = URLEncoder.encode("invoice", StandardCharsets.UTF_8);
        for (String path : List.of("/", "/inbox", "/inbox/" + item, "/entities/" + evil.id(), "/entities?type=lead",
                "/runs/" + run, "/runs", "/audit", "/audit?id=" + evil.id(), "/audit?id=" + run, "/artifacts/" + artifact,
                "/search?q=" + q, "/search?q=" + q + "&entity=" + evil.id(), "/kpi")) {
            String html = page(path);
            assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain(SCRIPT);
        }
        assertThat(page("/entities/" + evil.id())).contains("&lt;script&gt;alert(");
        assertThat(page("/search?q=" + q)).contains("&lt;script&gt;alert(");
        assertThat(page("/inbox/" + item)).contains("&lt;script&gt;alert(");
        assertThat(page("/")).contains("Write to them today?");
        var json = server.api().get("/api/entities/" + evil.id());
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(server.api().get("/").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
    }
}
