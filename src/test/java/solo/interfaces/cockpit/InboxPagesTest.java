package solo.interfaces.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.http.Api;
import solo.interfaces.http.ServerFixture;
import solo.orchestration.Flows;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.RunStatus;
import solo.support.Json;
import solo.testing.TestCompany;

/** The inbox's cockpit pages: the queue, an item with its forms, a decision posted from them; nothing unescaped. */
class InboxPagesTest {
    private static final String SCRIPT = "<script>alert('owned')</script>";

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> Flows.write(c.dir(), "review", """
            input: {required: [subject]}
            steps:
              - id: review
                gate: {prompt: "Send it?", deadline: 2d, default: reject}
                input: {subject: "${input.subject}"}
            """));

    private String waitingItem(String subject) throws InterruptedException {
        String run = server.solo().orchestrator().runs().start("review", Json.object().put("subject", subject), null).id();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().inbox().ofRun(run).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return server.solo().orchestrator().inbox().ofRun(run).stream().filter(InboxItem::open).findFirst().orElseThrow().id();
    }

    private Api.Answer form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return server.api().send("POST", path, body.toString(), List.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void the_queue_and_an_item_render_and_an_edit_posted_from_the_page_decides_it() throws Exception {
        String id = waitingItem("Hello Ada");
        String list = server.api().get("/inbox").body();
        assertThat(list).contains("1 waiting", "href=\"/inbox/" + id + "\"", "Send it?", "then reject", "href=\"/inbox\"");
        String item = server.api().get("/inbox/" + id).body();
        assertThat(item).contains("Why it is here", "Hello Ada", "action=\"/inbox/" + id + "/approve\"",
                "action=\"/inbox/" + id + "/edit\"", "action=\"/inbox/" + id + "/reject\"", "action=\"/inbox/" + id + "/snooze\"");

        var bad = form("/inbox/" + id + "/edit", "input", "{not json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("<html");
        var noReason = form("/inbox/" + id + "/reject", "reason", "");
        assertThat(noReason.status()).isEqualTo(400);

        var edited = form("/inbox/" + id + "/edit", "input", "{\"subject\": \"Hello Ada Park\"}", "reason", "full name");
        assertThat(edited.status()).isEqualTo(303);
        assertThat(edited.headers().firstValue("Location").orElse("")).isEqualTo("/inbox/" + id);
        String run = server.solo().orchestrator().inbox().item(id).runId();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().get(run).status() != RunStatus.COMPLETED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.solo().orchestrator().runs().get(run).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(server.api().get("/inbox/" + id).body()).contains("edited by operator", "inbox.edited", "full name")
                .doesNotContain("action=\"/inbox/" + id + "/approve\"");
        assertThat(form("/inbox/" + id + "/approve").status()).isEqualTo(409);
        assertThat(server.api().get("/inbox").body()).contains("Nothing waits for you.");
    }

    @Test
    void a_snoozed_item_moves_to_its_own_list_and_a_planted_script_comes_out_escaped() throws Exception {
        String id = waitingItem(SCRIPT);
        assertThat(server.api().get("/inbox/" + id).body()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        assertThat(form("/inbox/" + id + "/snooze", "for", "1d").status()).isEqualTo(303);
        assertThat(server.api().get("/inbox").body()).contains("0 waiting", "1 snoozed");
        assertThat(server.api().get("/inbox?snoozed=1").body()).contains("href=\"/inbox/" + id + "\"");
        assertThat(form("/inbox/" + id + "/snooze", "for", "forever").status()).isEqualTo(400);
        assertThat(server.api().get("/inbox/in_nosuch000000000000").status()).isEqualTo(404);
    }
}
