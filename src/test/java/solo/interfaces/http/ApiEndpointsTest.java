package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.RunStatus;
import solo.support.Json;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the API against a real server, with every error it documents: 401 without the token, 403 for a
 * session's write without its CSRF token and 413 for a body over the limit (each tried on every route of the
 * OpenAPI document), and each endpoint's own 400 (the message names the field), 404 and 409. The document and this
 * test are checked against each other: a route, or an error a route documents, that no check here exercises fails it.
 */
class ApiEndpointsTest {
    static final String GATED = """
            input: {required: [lead_id]}
            steps:
              - id: research
                agent: echo
                input: {lead: "${input.lead_id}"}
              - id: ask
                gate: "Write to them today?"
                input: {subject: "Hello", words: 2}
            """;
    static final String SCORED = """
            input: {required: [lead_id]}
            steps:
              - id: score
                action: entity.update
                input: {id: "${input.lead_id}", set: {score: 90}}
              - id: note
                action: note.add
                input: {entity: "${input.lead_id}", text: "scored 90"}
            """;
    /** Answered by another test class (with a signed delivery): InboundTriggersTest. */
    private static final Set<String> ELSEWHERE = Set.of("POST /hooks/{name}");

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> {
        Flows.write(c.dir(), "gated", GATED);
        Flows.write(c.dir(), "scored", SCORED);
        Flows.write(c.dir(), "broken", "steps:\n  - id: a\n    agent: echo\n  - id: a\n    agent: echo\n");
    });

    /** One request and what it must answer: a status, and for a refusal the field it names (null: none asked). */
    record Check(String route, String path, Object body, int status, String field) {
        String method() {
            return route.substring(0, route.indexOf(' '));
        }
    }

    private static Check check(String route, String path, Object body, int status, String field) {
        return new Check(route, path, body, status, field);
    }

    private static Check check(String route, String path, Object body, int status) {
        return new Check(route, path, body, status, null);
    }

    private JsonNode document() {
        return server.api().get("/openapi.json").json();
    }

    /** Every documented route as "METHOD /path", with the error statuses it documents. */
    private Map<String, Set<Integer>> documented() {
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        document().get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            Set<Integer> errors = new TreeSet<>();
            op.getValue().get("responses").propertyNames().forEach(code -> {
                if (Integer.parseInt(code) >= 400) {
                    errors.add(Integer.parseInt(code));
                }
            });
            out.put(op.getKey().toUpperCase() + " " + p.getKey(), errors);
        }));
        return out;
    }

    private static String dummy(String route) {
        return route.substring(route.indexOf(' ') + 1).replaceAll("\\{[a-z_]+}", "x");
    }

    private String waitFor(String run, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().get(run).status() != status && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        assertThat(server.solo().orchestrator().runs().get(run).status()).isEqualTo(status);
        return run;
    }

    private String started(String flow, String lead) {
        var a = server.api().post("/api/runs", Map.of("flow", flow, "input", Map.of("lead_id", lead)));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    private String item(String run) {
        return server.solo().orchestrator().inbox().ofRun(run).getFirst().id();
    }

    @Test
    void every_endpoint_answers_each_error_it_documents_as_json_naming_the_field() throws Exception {
        var api = server.api();
        String lead = api.post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada Park"))).json().get("id").asString();
        assertThat(api.put("/api/entities/" + lead, Map.of("version", 1, "body", Map.of("name", "Ada Park", "score", 40))).status())
                .isEqualTo(200);
        String firm = api.post("/api/entities", Map.of("type", "company", "body", Map.of("name", "Acme"))).json().get("id").asString();
        String note = api.post("/api/entities/" + lead + "/notes", Map.of("text", "Wants dark mode")).json().get("id").asString();
        String open = waitFor(started("gated", lead), RunStatus.WAITING);
        String done = waitFor(started("gated", lead), RunStatus.WAITING);
        assertThat(api.post("/api/inbox/" + item(done) + "/approve", Map.of("reason", "yes")).status()).isEqualTo(200);
        waitFor(done, RunStatus.COMPLETED);
        String cancelled = waitFor(started("gated", lead), RunStatus.WAITING);
        assertThat(api.post("/api/runs/" + cancelled + "/cancel", Map.of()).status()).isEqualTo(200);
        String openItem = item(open);
        String doneItem = item(done);
        String badJson = "{\"reason\": ";

        List<Check> checks = List.of(
                check("GET /api/entity-types", "/api/entity-types", null, 200),
                check("GET /api/entities", "/api/entities?type=lead", null, 200),
                check("GET /api/entities", "/api/entities?type=unicorn", null, 400, "type"),
                check("GET /api/entities", "/api/entities?type=lead&limit=0", null, 400, "limit"),
                check("POST /api/entities", "/api/entities", Map.of("body", Map.of("name", "x")), 400, "/type"),
                check("POST /api/entities", "/api/entities", Map.of("type", "unicorn", "body", Map.of()), 400, "/type"),
                check("POST /api/entities", "/api/entities", Map.of("type", "lead", "body", "Ada"), 400, "/body"),
                check("POST /api/entities", "/api/entities", Map.of("type", "lead", "body", Map.of("name", "x", "score", 140)), 400,
                        "/body/score"),
                check("POST /api/entities", "/api/entities", "{\"type\": ", 400),
                check("GET /api/entities/{id}", "/api/entities/" + lead, null, 200),
                check("GET /api/entities/{id}", "/api/entities/lead_nope", null, 404),
                check("PUT /api/entities/{id}", "/api/entities/" + lead, Map.of("body", Map.of("name", "x")), 400, "/version"),
                check("PUT /api/entities/{id}", "/api/entities/" + lead, Map.of("version", 2, "body", List.of()), 400, "/body"),
                check("PUT /api/entities/{id}", "/api/entities/" + lead, Map.of("version", 1, "body", Map.of("name", "x")), 409, "/version"),
                check("PUT /api/entities/{id}", "/api/entities/lead_nope", Map.of("version", 1, "body", Map.of("name", "x")), 404),
                check("GET /api/entities/{id}/history", "/api/entities/" + lead + "/history", null, 200),
                check("GET /api/entities/{id}/history", "/api/entities/lead_nope/history", null, 404),
                check("POST /api/entities/{id}/revert", "/api/entities/" + lead + "/revert", Map.of("version", 2), 400, "/to_version"),
                check("POST /api/entities/{id}/revert", "/api/entities/" + lead + "/revert", Map.of("to_version", 1, "version", 1), 409,
                        "/version"),
                check("POST /api/entities/{id}/revert", "/api/entities/lead_nope/revert", Map.of("to_version", 1, "version", 1), 404),
                check("GET /api/entities/{id}/links", "/api/entities/" + lead + "/links", null, 200),
                check("GET /api/entities/{id}/links", "/api/entities/lead_nope/links", null, 404),
                check("GET /api/entities/{id}/neighbours", "/api/entities/" + lead + "/neighbours?depth=9", null, 400, "depth"),
                check("GET /api/entities/{id}/neighbours", "/api/entities/lead_nope/neighbours", null, 404),
                check("POST /api/entities/{id}/links", "/api/entities/" + lead + "/links", Map.of("to", firm), 400, "/type"),
                check("POST /api/entities/{id}/links", "/api/entities/" + lead + "/links", Map.of("type", "became", "to", firm), 400),
                check("POST /api/entities/{id}/links", "/api/entities/lead_nope/links", Map.of("type", "works_at", "to", firm), 404),
                check("DELETE /api/entities/{id}/links/{type}/{to}", "/api/entities/" + lead + "/links/works_at/" + firm, null, 404),
                check("DELETE /api/entities/{id}/links/{type}/{to}", "/api/entities/lead_nope/links/works_at/" + firm, null, 404),
                check("GET /api/entities/{id}/artifacts", "/api/entities/" + lead + "/artifacts?limit=0", null, 400, "limit"),
                check("GET /api/entities/{id}/artifacts", "/api/entities/lead_nope/artifacts", null, 404),
                check("POST /api/entities/{id}/notes", "/api/entities/" + lead + "/notes", Map.of("text", " "), 400, "/text"),
                check("POST /api/entities/{id}/notes", "/api/entities/" + lead + "/notes", Map.of("title", "x"), 400, "/text"),
                check("POST /api/entities/{id}/notes", "/api/entities/lead_nope/notes", Map.of("text", "x"), 404),
                check("GET /api/artifacts/{id}", "/api/artifacts/" + note, null, 200),
                check("GET /api/artifacts/{id}", "/api/artifacts/art_nope", null, 404),
                check("GET /api/flows", "/api/flows", null, 200),
                check("POST /api/flows/validate", "/api/flows/validate", null, 200),
                check("GET /api/flows/{name}", "/api/flows/gated", null, 200),
                check("GET /api/flows/{name}", "/api/flows/broken", null, 400),
                check("GET /api/flows/{name}", "/api/flows/nope", null, 404),
                check("GET /api/runs", "/api/runs?status=sleeping", null, 400, "status"),
                check("GET /api/runs", "/api/runs?limit=0", null, 400, "limit"),
                check("POST /api/runs", "/api/runs", Map.of("flow", "nope"), 400, "/flow"),
                check("POST /api/runs", "/api/runs", Map.of("input", Map.of()), 400, "/flow"),
                check("POST /api/runs", "/api/runs", Map.of("flow", "gated", "input", "x"), 400, "/input"),
                check("POST /api/runs", "/api/runs", Map.of("flow", "gated"), 400),
                check("GET /api/runs/{id}", "/api/runs/" + done, null, 200),
                check("GET /api/runs/{id}", "/api/runs/run_nope", null, 404),
                check("POST /api/runs/{id}/cancel", "/api/runs/" + open + "/cancel", badJson, 400),
                check("POST /api/runs/{id}/cancel", "/api/runs/run_nope/cancel", null, 404),
                check("POST /api/runs/{id}/cancel", "/api/runs/" + cancelled + "/cancel", null, 409),
                check("POST /api/runs/{id}/retry", "/api/runs/run_nope/retry", null, 404),
                check("POST /api/runs/{id}/retry", "/api/runs/" + done + "/retry", null, 409),
                check("POST /api/runs/{id}/fork", "/api/runs/" + done + "/fork", Map.of("from", "nope"), 400, "/from"),
                check("POST /api/runs/{id}/fork", "/api/runs/" + done + "/fork", Map.of("from", "ask", "input", 3), 400, "/input"),
                check("POST /api/runs/{id}/fork", "/api/runs/run_nope/fork", Map.of("from", "ask"), 404),
                check("POST /api/runs/{id}/rollback", "/api/runs/" + done + "/rollback", badJson, 400),
                check("POST /api/runs/{id}/rollback", "/api/runs/run_nope/rollback", null, 404),
                check("POST /api/runs/{id}/rollback", "/api/runs/" + open + "/rollback", null, 409),
                check("GET /api/gates", "/api/gates?limit=0", null, 400, "limit"),
                check("POST /api/gates/{run}/{step}/approve", "/api/gates/" + open + "/ask/approve", badJson, 400),
                check("POST /api/gates/{run}/{step}/approve", "/api/gates/run_nope/ask/approve", null, 404),
                check("POST /api/gates/{run}/{step}/approve", "/api/gates/" + open + "/nope/approve", null, 404),
                check("POST /api/gates/{run}/{step}/approve", "/api/gates/" + done + "/ask/approve", null, 409),
                check("POST /api/gates/{run}/{step}/reject", "/api/gates/" + open + "/ask/reject", badJson, 400),
                check("POST /api/gates/{run}/{step}/reject", "/api/gates/run_nope/ask/reject", null, 404),
                check("POST /api/gates/{run}/{step}/reject", "/api/gates/" + done + "/ask/reject", null, 409),
                check("GET /api/audit/verify", "/api/audit/verify", null, 200),
                check("GET /api/events", "/api/events?limit=0", null, 400, "limit"),
                check("GET /api/audit/history/{id}", "/api/audit/history/" + done, null, 200),
                check("GET /api/audit/history/{id}", "/api/audit/history/nothing_ever", null, 404),
                check("GET /api/search", "/api/search", null, 400, "q"),
                check("GET /api/search", "/api/search?q=x&neighbours=1", null, 400, "neighbours"),
                check("GET /api/search", "/api/search?q=x&entity=lead_nope", null, 404),
                check("GET /api/entities/{id}/context", "/api/entities/" + lead + "/context?budget=0", null, 400, "budget"),
                check("GET /api/entities/{id}/context", "/api/entities/lead_nope/context", null, 404),
                check("GET /api/entities/{id}/summary", "/api/entities/" + lead + "/summary", null, 200),
                check("GET /api/entities/{id}/summary", "/api/entities/lead_nope/summary", null, 404),
                check("GET /api/inbox", "/api/inbox?limit=0", null, 400, "limit"),
                check("GET /api/inbox", "/api/inbox?snoozed=maybe", null, 400, "snoozed"),
                check("GET /api/inbox/{id}", "/api/inbox/" + openItem, null, 200),
                check("GET /api/inbox/{id}", "/api/inbox/in_nope", null, 404),
                check("POST /api/inbox/{id}/approve", "/api/inbox/" + openItem + "/approve", badJson, 400),
                check("POST /api/inbox/{id}/approve", "/api/inbox/in_nope/approve", null, 404),
                check("POST /api/inbox/{id}/approve", "/api/inbox/" + doneItem + "/approve", null, 409),
                check("POST /api/inbox/{id}/edit", "/api/inbox/" + openItem + "/edit", Map.of("reason", "x"), 400, "/input"),
                check("POST /api/inbox/{id}/edit", "/api/inbox/" + openItem + "/edit", Map.of("input", Map.of("words", "two")), 400),
                check("POST /api/inbox/{id}/edit", "/api/inbox/in_nope/edit", Map.of("input", Map.of("words", 3)), 404),
                check("POST /api/inbox/{id}/edit", "/api/inbox/" + doneItem + "/edit", Map.of("input", Map.of("words", 3)), 409),
                check("POST /api/inbox/{id}/reject", "/api/inbox/" + openItem + "/reject", Map.of(), 400, "/reason"),
                check("POST /api/inbox/{id}/reject", "/api/inbox/in_nope/reject", Map.of("reason", "no"), 404),
                check("POST /api/inbox/{id}/reject", "/api/inbox/" + doneItem + "/reject", Map.of("reason", "no"), 409),
                check("POST /api/inbox/{id}/answer", "/api/inbox/" + openItem + "/answer", Map.of(), 400, "/answer"),
                check("POST /api/inbox/{id}/answer", "/api/inbox/" + openItem + "/answer", Map.of("answer", Map.of("x", 1)), 400),
                check("POST /api/inbox/{id}/answer", "/api/inbox/in_nope/answer", Map.of("answer", Map.of()), 404),
                check("POST /api/inbox/{id}/answer", "/api/inbox/" + doneItem + "/answer", Map.of("answer", Map.of()), 409),
                check("POST /api/inbox/{id}/snooze", "/api/inbox/" + openItem + "/snooze", Map.of("for", "a bit"), 400, "/for"),
                check("POST /api/inbox/{id}/snooze", "/api/inbox/" + openItem + "/snooze", Map.of(), 400, "/until"),
                check("POST /api/inbox/{id}/snooze", "/api/inbox/in_nope/snooze", Map.of("for", "1h"), 404),
                check("POST /api/inbox/{id}/snooze", "/api/inbox/" + doneItem + "/snooze", Map.of("for", "1h"), 409),
                check("POST /api/inbox/{id}/do", "/api/inbox/" + openItem + "/do", Map.of(), 400, "/action"),
                check("POST /api/inbox/{id}/do", "/api/inbox/" + openItem + "/do", Map.of("action", "retry"), 400),
                check("POST /api/inbox/{id}/do", "/api/inbox/in_nope/do", Map.of("action", "retry"), 404),
                check("POST /api/inbox/{id}/do", "/api/inbox/" + doneItem + "/do", Map.of("action", "retry"), 409),
                check("GET /api/kpi", "/api/kpi", null, 200),
                check("GET /api/kpi", "/api/kpi?since=whenever", null, 400, "since"),
                check("GET /api/kpi/daily", "/api/kpi/daily?days=7", null, 200),
                check("GET /api/kpi/daily", "/api/kpi/daily?days=0", null, 400, "days"),
                check("GET /openapi.json", "/openapi.json", null, 200),
                check("GET /metrics", "/metrics", null, 200));

        long before = server.solo().store().lastSeq();
        for (Check c : checks) {
            var a = server.api().send(c.method(), c.path(), c.body() == null ? null
                    : c.body() instanceof String s ? s : Json.write(c.body()), List.of());
            String what = c.method() + " " + c.path() + " " + c.body() + " -> " + a.status() + " " + a.body();
            assertThat(a.status()).as(what).isEqualTo(c.status());
            if (c.status() >= 400) {
                assertThat(a.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
                assertThat(a.json().at("/error/status").asInt()).as(what).isEqualTo(c.status());
                assertThat(a.message()).as(what).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
                if (c.field() != null) {
                    assertThat(a.field()).as(what).isEqualTo(c.field());
                    assertThat(a.message()).as(what).containsIgnoringCase(c.field().replaceAll("^/(body/)?", ""));
                }
            }
        }
        // the refusals wrote nothing (the successful reads neither)
        assertThat(server.solo().store().lastSeq()).isEqualTo(before);
        assertThat(server.solo().orchestrator().runs().get(open).status()).isEqualTo(RunStatus.WAITING);
        assertThat(server.solo().orchestrator().inbox().item(openItem).open()).isTrue();

        Map<String, Set<Integer>> exercised = new LinkedHashMap<>();
        checks.forEach(c -> exercised.computeIfAbsent(c.route(), k -> new TreeSet<>()).add(c.status()));
        Map<String, Set<Integer>> documented = documented();
        assertThat(exercised.keySet()).as("checks of routes the document does not have").isSubsetOf(documented.keySet());
        documented.forEach((route, errors) -> {
            if (ELSEWHERE.contains(route)) {
                return;
            }
            assertThat(exercised).as("no check of " + route).containsKey(route);
            Set<Integer> own = new TreeSet<>(errors);
            own.removeAll(Set.of(401, 403, 413)); // the guard's, tried on every route below
            assertThat(exercised.get(route)).as(route + " documents " + errors).containsAll(own);
        });
    }

    @Test
    void without_the_token_every_route_is_401_in_json() {
        var anonymous = server.api().withToken(null);
        var wrong = server.api().withToken("solo_wrong");
        documented().keySet().stream().filter(r -> !ELSEWHERE.contains(r)).forEach(route -> {
            String method = route.substring(0, route.indexOf(' '));
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (Api api : List.of(anonymous, wrong)) {
                var a = api.send(method, dummy(route), body, List.of());
                assertThat(a.status()).as(route + ": " + a.body()).isEqualTo(401);
                assertThat(a.json().at("/error/status").asInt()).isEqualTo(401);
            }
        });
    }

    @Test
    void a_session_write_without_its_csrf_token_is_403_on_every_route() {
        var api = server.api().withToken(null);
        var login = api.send("POST", "/login", "token=" + URLEncoder.encode(server.token(), StandardCharsets.UTF_8),
                List.of("Content-Type", "application/x-www-form-urlencoded"));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(api.send("GET", "/api/entities", null, List.of("Cookie", cookie)).status()).isEqualTo(200);
        long before = server.solo().store().lastSeq();
        List<String> writes = new ArrayList<>();
        documented().keySet().stream().filter(r -> !ELSEWHERE.contains(r) && !r.startsWith("GET ")).forEach(writes::add);
        assertThat(writes).hasSizeGreaterThan(15);
        for (String route : writes) {
            String method = route.substring(0, route.indexOf(' '));
            String body = method.equals("DELETE") ? null : "{}";
            var none = api.send(method, dummy(route), body, List.of("Cookie", cookie));
            var forged = api.send(method, dummy(route), body, List.of("Cookie", cookie, "X-CSRF-Token", "forged"));
            for (var a : List.of(none, forged)) {
                assertThat(a.status()).as(route + ": " + a.body()).isEqualTo(403);
                assertThat(a.message()).contains("CSRF");
            }
        }
        assertThat(server.solo().store().lastSeq()).isEqualTo(before);
    }

    @Test
    void a_body_over_the_limit_is_413_on_every_route_that_takes_one_and_nothing_is_written() {
        String big = "{\"text\": \"" + "x".repeat(65 * 1024) + "\"}";
        long before = server.solo().store().lastSeq();
        List<String> bodies = documented().keySet().stream().filter(r -> !ELSEWHERE.contains(r))
                .filter(r -> r.startsWith("POST ") || r.startsWith("PUT ")).toList();
        assertThat(bodies).hasSizeGreaterThan(15);
        for (String route : bodies) {
            var a = server.api().send(route.substring(0, route.indexOf(' ')), dummy(route), big, List.of());
            assertThat(a.status()).as(route + ": " + a.body()).isEqualTo(413);
            assertThat(a.message()).contains("larger than 65536 bytes");
        }
        assertThat(server.solo().store().lastSeq()).isEqualTo(before);
    }

    @Test
    void a_finished_run_is_rolled_back_once_and_refused_when_a_later_write_changed_what_it_wrote() throws Exception {
        var api = server.api();
        String ada = api.post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada"))).json().get("id").asString();
        String bob = api.post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Bob"))).json().get("id").asString();
        String first = waitFor(started("scored", ada), RunStatus.COMPLETED);
        String second = waitFor(started("scored", bob), RunStatus.COMPLETED);
        assertThat(api.get("/api/entities/" + ada).json().at("/body/score").asInt()).isEqualTo(90);
        assertThat(api.get("/api/entities/" + ada + "/artifacts").json()).hasSize(1);

        var rolled = api.post("/api/runs/" + first + "/rollback", Map.of("reason", "wrong lead"));
        assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
        assertThat(rolled.json().get("status").asString()).isEqualTo("rolled_back");
        assertThat(api.get("/api/entities/" + ada).json().at("/body").has("score")).isFalse();
        assertThat(api.get("/api/entities/" + ada + "/artifacts").json()).isEmpty();
        var again = api.post("/api/runs/" + first + "/rollback", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("rolled back already");
        JsonNode timeline = api.get("/api/runs/" + first).json();
        assertThat(timeline.get("decisions").findValuesAsString("kind")).contains("run.rolled_back");
        assertThat(api.get("/api/audit/history/" + first).json().findValuesAsString("kind")).contains("run.rolled_back");

        long version = api.get("/api/entities/" + bob).json().get("version").asLong();
        assertThat(api.put("/api/entities/" + bob, Map.of("version", version, "body", Map.of("name", "Bob", "score", 10)))
                .status()).isEqualTo(200);
        var refused = api.post("/api/runs/" + second + "/rollback", Map.of("reason", "too late"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("cannot be rolled back").contains(bob).contains("changed afterwards");
        assertThat(api.get("/api/runs/" + second).json().get("status").asString()).isEqualTo("completed");
        assertThat(api.get("/api/entities/" + bob).json().at("/body/score").asInt()).isEqualTo(10);
    }

    @Test
    void daily_kpis_count_each_day_and_the_timeline_lists_the_decisions_taken() throws Exception {
        var api = server.api();
        String lead = api.post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada"))).json().get("id").asString();
        String run = waitFor(started("gated", lead), RunStatus.WAITING);
        assertThat(api.post("/api/inbox/" + item(run) + "/approve", Map.of("reason", "go")).status()).isEqualTo(200);
        waitFor(run, RunStatus.COMPLETED);

        JsonNode daily = api.get("/api/kpi/daily?days=3&flow=gated").json();
        assertThat(daily.get("days")).hasSize(3);
        assertThat(daily.get("timezone").asString()).isNotBlank();
        JsonNode today = daily.get("days").get(2);
        assertThat(today.get("runs").asInt()).isEqualTo(1);
        assertThat(today.get("completed").asInt()).isEqualTo(1);
        assertThat(today.get("human_intervention_rate").asDouble()).isEqualTo(1.0);
        assertThat(daily.get("days").get(0).get("runs").asInt()).isZero();

        JsonNode timeline = api.get("/api/runs/" + run).json();
        assertThat(timeline.get("decisions")).singleElement().satisfies(d -> {
            assertThat(d.get("kind").asString()).isEqualTo("inbox.approved");
            assertThat(d.get("reason").asString()).isEqualTo("go");
            assertThat(d.get("actor").asString()).isEqualTo("operator");
        });
        JsonNode summary = api.get("/api/entities/" + lead + "/summary").json();
        assertThat(summary.get("entity").asString()).isEqualTo(lead);
        assertThat(summary.has("summary")).isTrue();
        assertThat(summary.get("history").isArray()).isTrue();
        assertThat(server.solo().orchestrator().inbox().ofRun(run)).extracting(InboxItem::decision).containsExactly("approved");
    }
}
