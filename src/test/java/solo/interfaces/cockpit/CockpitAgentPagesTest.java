package solo.interfaces.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.company.Company;
import solo.execution.Configured;
import solo.interfaces.http.Api;
import solo.interfaces.http.SoloServer;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;
import solo.memory.HashingEmbedder;
import solo.orchestration.Flows;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * A run with agents, through the cockpit and the API: the researcher has no model (a task: the operator answers
 * it in the form made from its output contract), the copywriter's model (a real HTTP server speaking OpenAI's
 * protocol) proposes an offer the discount policy holds for approval; the operator edits a field and approves.
 * The run's timeline shows the model calls, tokens, cost, cache hit, the policy decision and the decisions taken.
 */
class CockpitAgentPagesTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();
    private final OpenAiServer model = new OpenAiServer();
    private Solo solo;
    private SoloServer server;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        Path config = company.dir().resolve(Company.CONFIG_FILE);
        Files.writeString(config, Files.readString(config) + "\n" + Configured.openAi(model.baseUrl(), ""));
        solo = Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl())
                .withEnvironment(Map.of("TEST_API_KEY", "sk-test-secret")).withMemoryEmbedder(new HashingEmbedder()).open();
        Flows.write(company.dir(), "offer", """
                input: {required: [lead_id]}
                steps:
                  - id: research
                    agent: researcher
                    about: "${input.lead_id}"
                    input: {entity_id: "${input.lead_id}", name: Ada}
                  - id: draft
                    agent: copywriter
                    about: "${input.lead_id}"
                    input: {recipient: {id: "${input.lead_id}", name: Ada}, purpose: send our offer}
                """);
        String token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
        server = SoloServer.start(solo, ServerSettings.defaults().withPort(0));
        solo.orchestrator().start();
        api = new Api(server.uri(), token);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (solo != null) {
            solo.close();
        }
        model.close();
    }

    private InboxItem waitingItem(String run, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var open = solo.orchestrator().inbox().ofRun(run).stream().filter(i -> i.open() && i.kind().equals(kind)).findFirst();
            if (open.isPresent()) {
                return open.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no open " + kind + " item for " + run + ": " + solo.orchestrator().runs().get(run));
    }

    private Api.Answer form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return api.send("POST", path, body.toString(), List.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private String page(String path) {
        var a = api.get(path);
        assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
        return a.body();
    }

    @Test
    void a_task_is_answered_in_its_form_an_offer_edited_then_approved_and_the_timeline_shows_the_model_calls() throws Exception {
        String ada = solo.store().create(Actor.OPERATOR, "met at the fair", "lead", Json.parse("""
                {"name": "Ada Park", "email": "ada@acme.com"}""", "lead")).id();
        model.answer("""
                {"subject": "Our offer", "body": "20%% off the first month.", "confidence": 0.9,
                 "actions": [{"type": "send_offer", "targets": ["%s"], "params": {"discount_percent": 20}}]}"""
                .formatted(ada), 1000, 200);
        String run = api.post("/api/runs", Map.of("flow", "offer", "input", Map.of("lead_id", ada))).json().get("id").asString();

        InboxItem task = waitingItem(run, "task");
        String taskPage = page("/inbox/" + task.id());
        assertThat(taskPage).contains("Your answer", "name=\"answer.summary\"", "name=\"answer.facts\"", "one per line",
                "name=\"answer.gaps\"", "Context pack", "Ada Park").doesNotContain("name=\"answer.confidence\"");
        assertThat(page("/")).contains("answer for researcher").contains("href=\"/inbox/" + task.id() + "\"")
                .doesNotContain("action=\"/inbox/" + task.id() + "/approve\"");

        var empty = form("/inbox/" + task.id() + "/answer");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("the answer is empty");
        var broken = form("/inbox/" + task.id() + "/answer", "answer.facts", "wants dark mode");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("summary");
        var answered = form("/inbox/" + task.id() + "/answer", "answer.summary", "Ada runs a small studio.",
                "answer.facts", "wants dark mode\r\nmet at the fair\r\n", "answer.gaps", "budget", "reason", "I know her");
        assertThat(answered.status()).as(answered.body()).isEqualTo(303);
        InboxItem approval = waitingItem(run, "approval");
        JsonNode research = api.get("/api/runs/" + run).json().get("steps").get(0);
        assertThat(research.at("/output/facts").toString()).isEqualTo("[\"wants dark mode\",\"met at the fair\"]");
        String approvalPage = page("/inbox/" + approval.id());
        assertThat(approvalPage).contains("discount_above_cap", "a discount of 20% is above 15%", "Edit, then approve",
                "name=\"field.subject\"", "Our offer");
        assertThat(page("/")).doesNotContain("action=\"/inbox/" + approval.id() + "/approve\""); // money: never one click

        var unchanged = form("/inbox/" + approval.id() + "/edit", "field.subject", "Our offer");
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(unchanged.body()).contains("nothing was changed");
        var edited = form("/inbox/" + approval.id() + "/edit", "field.subject", "Our offer, Ada", "reason", "her name");
        assertThat(edited.status()).as(edited.body()).isEqualTo(303);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (solo.orchestrator().runs().get(run).status() != RunStatus.COMPLETED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(solo.orchestrator().runs().get(run).status()).isEqualTo(RunStatus.COMPLETED);

        JsonNode timeline = api.get("/api/runs/" + run).json();
        JsonNode draft = null;
        JsonNode action = null;
        for (JsonNode s : timeline.get("steps")) {
            if (s.get("step_id").asString().equals("draft")) {
                draft = s;
            } else if (s.get("step_id").asString().equals("draft[action-1]")) {
                action = s;
            }
        }
        assertThat(draft.at("/agent/model").asString()).isEqualTo("scripted/gpt-test");
        assertThat(draft.at("/agent/model_calls/0/input_tokens").asLong()).isEqualTo(1000);
        assertThat(draft.at("/agent/model_calls/0/output_tokens").asLong()).isEqualTo(200);
        assertThat(draft.at("/agent/model_calls/0/cost").asString()).isEqualTo("0.0036");
        assertThat(draft.at("/agent/model_calls/0/cache_hit").asBoolean()).isFalse();
        // the decision recorded last: the guard asked again after the edit, about the agent's offer as it is (an
        // offer above the cap still asks approval, which the operator gave; only a denial would stop it now)
        assertThat(draft.at("/agent/policy_decisions/0/type").asString()).isEqualTo("send_offer");
        assertThat(draft.at("/agent/policy_decisions/0/decision").asString()).isEqualTo("require_approval");
        assertThat(action.at("/policy/type").asString()).isEqualTo("send_offer");
        assertThat(timeline.get("decisions").valueStream().map(d -> d.get("kind").asString()))
                .containsExactly("inbox.answered", "inbox.edited");
        assertThat(action.at("/input/subject").asString()).isEqualTo("Our offer, Ada");

        String runPage = page("/runs/" + run);
        assertThat(runPage).contains("agent <strong>copywriter</strong>", "<code>scripted/gpt-test</code>",
                "tokens 1000 in / 200 out", "cost 0.0036 USD", "cache hit no", "Model calls", "policy on",
                "a discount of 20% is above 15%", "inbox.answered", "inbox.edited", "her name", "In the inbox", "Roll back the run");
        assertThat(page("/kpi")).contains("0.0036 USD");
    }

    @Test
    void an_offer_edited_and_approved_is_judged_again_as_an_offer_and_a_denial_still_stops_it() throws Exception {
        Files.writeString(company.dir().resolve("policies/offers.yaml"), """
                description: No offer to a lead we lost.
                rules:
                  - name: no_offer_to_a_lost_lead
                    when: action.type == 'send_offer' && targets.exists(t, has(t.body.status) && t.body.status == 'lost')
                    effect: deny
                    reason: the lead is lost; no offer goes to them
                """);
        String ada = solo.store().create(Actor.OPERATOR, "met at the fair", "lead", Json.parse("""
                {"name": "Ada Park", "email": "ada@acme.com", "status": "contacted"}""", "lead")).id();
        model.answer("""
                {"subject": "Our offer", "body": "20%% off.", "confidence": 0.9,
                 "actions": [{"type": "send_offer", "targets": ["%s"], "params": {"discount_percent": 20}}]}"""
                .formatted(ada), 1000, 200);
        String run = api.post("/api/runs", Map.of("flow", "offer", "input", Map.of("lead_id", ada))).json().get("id").asString();
        InboxItem task = waitingItem(run, "task");
        assertThat(form("/inbox/" + task.id() + "/answer", "answer.summary", "A studio.", "answer.facts", "x", "answer.gaps", "y")
                .status()).isEqualTo(303);
        InboxItem approval = waitingItem(run, "approval");
        // meanwhile the deal is lost: the offer the operator approves (with an edit) must not go
        var lead = solo.store().get(ada);
        solo.store().update(Actor.OPERATOR, "they chose another studio", ada, lead.version(),
                ((tools.jackson.databind.node.ObjectNode) lead.body().deepCopy()).put("status", "lost"));
        assertThat(form("/inbox/" + approval.id() + "/edit", "field.subject", "Our offer, Ada").status()).isEqualTo(303);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (solo.orchestrator().runs().get(run).status() != RunStatus.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        var failed = solo.orchestrator().runs().get(run);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("the lead is lost").contains("the operator's edit");
        assertThat(Files.exists(company.dir().resolve(".solo/outbox")) ? Files.list(company.dir().resolve(".solo/outbox")).count() : 0)
                .isZero();
        assertThat(page("/runs/" + run)).contains("no_offer_to_a_lost_lead");
    }
}
