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

/** The inbox and the KPIs through the API, with the runtime's worker driving the runs; metrics count the queue. */
class InboxApiTest {
    static final String REVIEW = """
            steps:
              - id: review
                gate: "Send it?"
                input: {subject: "Hello", words: 2}
              - id: done
                agent: echo
                input: {ok: true}
            """;

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> Flows.write(c.dir(), "review", REVIEW));

    private String runStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String now = server.api().get("/api/runs/" + id).json().get("status").asString();
        while (!now.equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = server.api().get("/api/runs/" + id).json().get("status").asString();
        }
        return now;
    }

    private String waitingItem() throws InterruptedException {
        String run = server.api().post("/api/runs", Map.of("flow", "review")).json().get("id").asString();
        assertThat(runStatus(run, "waiting")).isEqualTo("waiting");
        JsonNode page = server.api().get("/api/inbox").json();
        assertThat(page.get("open").asInt()).isEqualTo(1);
        return page.get("items").get(0).get("id").asString();
    }

    @Test
    void an_item_is_listed_shown_edited_and_then_cannot_be_decided_again() throws Exception {
        String id = waitingItem();
        JsonNode item = server.api().get("/api/inbox/" + id).json();
        assertThat(item.get("kind").asString()).isEqualTo("gate");
        assertThat(item.get("proposal").get("input").get("subject").asString()).isEqualTo("Hello");
        assertThat(item.get("decisions").findValuesAsString("decision")).containsExactly("approve", "edit", "reject", "snooze");

        var bad = server.api().post("/api/inbox/" + id + "/edit", Map.of("input", Map.of("words", "two")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("words: must be number like the original, not string");
        var missing = server.api().post("/api/inbox/" + id + "/edit", Map.of("reason", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field()).isEqualTo("/input");

        var edited = server.api().post("/api/inbox/" + id + "/edit", Map.of("input", Map.of("subject", "Hi"), "reason", "shorter"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        String run = edited.json().get("id").asString();
        assertThat(runStatus(run, "completed")).isEqualTo("completed");

        var again = server.api().post("/api/inbox/" + id + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("was decided already: edited by operator");
        assertThat(server.api().get("/api/inbox/in_nosuch000000000000").status()).isEqualTo(404);
        assertThat(server.api().get("/api/inbox/" + id).json().get("history").findValuesAsString("kind")).contains("inbox.edited");
    }

    @Test
    void snooze_reject_kpis_and_metrics() throws Exception {
        String id = waitingItem();
        var badSnooze = server.api().post("/api/inbox/" + id + "/snooze", Map.of("for", "a bit"));
        assertThat(badSnooze.status()).isEqualTo(400);
        assertThat(badSnooze.field()).isEqualTo("/for");
        var snoozed = server.api().post("/api/inbox/" + id + "/snooze", Map.of("for", "2h", "reason", "later"));
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
        assertThat(snoozed.json().get("snoozed_until").isNull()).isFalse();
        assertThat(server.api().get("/api/inbox").json().get("items")).isEmpty();
        assertThat(server.api().get("/api/inbox?snoozed=true").json().get("items")).hasSize(1);
        assertThat(server.api().get("/api/inbox?limit=0").status()).isEqualTo(400);
        assertThat(server.api().get("/metrics").body()).contains("solo_inbox_items{kind=\"gate\"} 1.0");

        var noReason = server.api().post("/api/inbox/" + id + "/reject", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.field()).isEqualTo("/reason");
        var rejected = server.api().post("/api/inbox/" + id + "/reject", Map.of("reason", "not now"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("failed");
        var noAction = server.api().post("/api/inbox/" + id + "/do", Map.of("action", "retry"));
        assertThat(noAction.status()).isEqualTo(409);

        JsonNode kpi = server.api().get("/api/kpi?since=1d").json();
        assertThat(kpi.get("overall").get("runs").asInt()).isEqualTo(1);
        assertThat(kpi.get("overall").get("failure_rate").asDouble()).isEqualTo(1.0);
        assertThat(kpi.get("flows").get(0).get("flow").asString()).isEqualTo("review");
        assertThat(server.api().get("/api/kpi?since=whenever").field()).isEqualTo("since");
        assertThat(server.api().get("/metrics").body()).contains("solo_inbox_items{kind=\"gate\"} 0.0");
    }

    @Test
    void the_openapi_document_describes_the_inbox_and_the_kpis() {
        JsonNode paths = server.api().get("/openapi.json").json().get("paths");
        for (String p : java.util.List.of("/api/inbox", "/api/inbox/{id}", "/api/inbox/{id}/approve", "/api/inbox/{id}/edit",
                "/api/inbox/{id}/reject", "/api/inbox/{id}/answer", "/api/inbox/{id}/snooze", "/api/inbox/{id}/do", "/api/kpi")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        assertThat(paths.get("/api/inbox/{id}/edit").toString()).contains("InboxEdit");
    }
}
