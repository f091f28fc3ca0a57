package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.webhook.HookSignatures;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;
import solo.orchestration.Flows;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Entity;
import solo.support.Json;
import solo.testing.CompanyConfigs;
import solo.testing.TestCompany;
import solo.testing.TestMail;

/**
 * Flows started from outside: a signed delivery to {@code POST /hooks/NAME} ({@code webhook:} triggers)
 * and a message read from a real IMAP server ({@code email.received} triggers), each exactly once.
 */
class InboundTriggersTest {
    private static final String SECRET = "whsec-4d1a-test";

    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    private TestMail mail;
    private Solo solo;
    private SoloServer server;
    private Api api;
    private String token;

    @BeforeEach
    void start() {
        mail = TestMail.start();
        Flows.write(company.dir(), "webform-lead", """
                input: {required: [email]}
                triggers:
                  - webhook: webform
                    when: "payload.email != ''"
                steps:
                  - id: create
                    action: entity.create
                    input: {type: lead, body: {name: "${input.name}", email: "${input.email}", source: webform}}
                """);
        Flows.write(company.dir(), "on-email", """
                triggers:
                  - email.received:
                    when: "email.subject.contains('quote')"
                    input: {subject: "${email.subject}", artifact: "${email.artifact_id}", from: "${email.from}"}
                steps:
                  - id: look
                    agent: echo
                    input: {subject: "${input.subject}"}
                """);
        var configured = CompanyConfigs.append(company.dir(), """
                hooks:
                  inbound:
                    webform:
                      secret: secret:WEBFORM_SECRET
                      max_body_bytes: 2048
                """ + mail.emailSection(false, false));
        solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl()).open();
        solo.secrets().set("WEBFORM_SECRET", SECRET);
        solo.secrets().set("IMAP_PASSWORD", TestMail.PASSWORD);
        token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
        server = SoloServer.start(solo, ServerSettings.defaults().withPort(0));
        solo.orchestrator().start();
        api = new Api(server.uri(), null);
        assertThat(token).startsWith("solo_");
    }

    @AfterEach
    void stop() {
        server.close();
        solo.close();
        mail.close();
    }

    private Api.Answer deliver(String body, String signature, String delivery) {
        return api.send("POST", "/hooks/webform", body, List.of("Content-Type", "application/json", "X-Solo-Signature",
                signature, "X-Solo-Delivery", delivery));
    }

    private static String sign(String body) {
        return HookSignatures.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private List<Run> runs(String flow) {
        return solo.orchestrator().runs().list(flow, null, 50);
    }

    private Run waitForEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Run run = solo.orchestrator().runs().get(id);
        while (!run.status().finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            run = solo.orchestrator().runs().get(id);
        }
        return run;
    }

    @Test
    void a_delivery_with_a_valid_signature_starts_its_flow_once_and_a_replay_starts_nothing() throws Exception {
        String body = "{\"name\":\"Ada Park\",\"email\":\"ada@acme.com\"}";
        var accepted = deliver(body, sign(body), "d-1");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(runs("webform-lead")).singleElement().satisfies(r -> {
            assertThat(r.trigger().get("kind").asString()).isEqualTo("webhook");
            assertThat(r.trigger().get("delivery_id").asString()).isEqualTo("d-1");
        });
        Run run = waitForEnd(runs("webform-lead").getFirst().id());
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(solo.store().list("lead", null, 10)).extracting(Entity::label).containsExactly("Ada Park");

        var replay = deliver(body, sign(body), "d-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("status").asString()).isEqualTo("replayed");
        assertThat(runs("webform-lead")).hasSize(1);
    }

    @Test
    void a_bad_signature_is_401_and_starts_nothing() {
        String body = "{\"name\":\"Mallory\",\"email\":\"m@evil.com\"}";
        var forged = deliver(body, HookSignatures.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8)), "d-2");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.message()).contains("bad signature");
        var unsigned = api.send("POST", "/hooks/webform", body, List.of("Content-Type", "application/json"));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(runs("webform-lead")).isEmpty();
    }

    @Test
    void an_oversized_delivery_is_413_an_unknown_hook_404_and_a_filtered_one_starts_nothing() {
        String big = "{\"email\":\"" + "x".repeat(3000) + "\"}";
        assertThat(deliver(big, sign(big), "d-3").status()).isEqualTo(413);
        assertThat(api.send("POST", "/hooks/nope", "{}", List.of()).status()).isEqualTo(404);
        String broken = "{\"name\": ";
        var unreadable = deliver(broken, sign(broken), "d-9");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body()).doesNotContain("Exception").doesNotContain("\tat ");
        String noEmail = "{\"name\":\"Bo\",\"email\":\"\"}";
        assertThat(deliver(noEmail, sign(noEmail), "d-4").status()).isEqualTo(202);
        assertThat(runs("webform-lead")).isEmpty();
    }

    @Test
    void a_delivery_whose_condition_cannot_be_read_starts_nothing() {
        String body = "{\"name\":\"Bo\"}";
        String noWhen = body;
        var heard = deliver(noWhen, sign(noWhen), "d-5");
        // the when: condition reads payload.email, which is missing: the condition fails, so no run
        assertThat(heard.status()).isEqualTo(202);
        assertThat(runs("webform-lead")).isEmpty();
    }

    @Test
    void an_inbound_email_starts_the_flows_whose_filter_it_passes_exactly_once() throws Exception {
        mail.deliverToOwnInbox(message("<q-1@client.test>", "Please send a quote"));
        mail.deliverToOwnInbox(message("<n-1@client.test>", "Newsletter"));
        var report = solo.emailPoller().pollOnce();
        assertThat(report.stored()).hasSize(2);
        assertThat(runs("on-email")).singleElement().satisfies(r -> {
            assertThat(r.trigger().get("kind").asString()).isEqualTo("email");
            assertThat(r.input().get("subject").asString()).isEqualTo("Please send a quote");
            assertThat(r.input().get("from").asString()).contains("bo@client.test");
        });
        Run run = waitForEnd(runs("on-email").getFirst().id());
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output().get("subject").asString()).isEqualTo("Please send a quote");
        solo.emailPoller().pollOnce();
        assertThat(runs("on-email")).hasSize(1);
    }

    @Test
    void webhook_and_email_triggers_are_validated_with_file_line_and_column() {
        Flows.write(company.dir(), "bad-triggers", """
                triggers:
                  - webhook: unknown-hook
                  - webhook: webform
                    when: "payload.email ==="
                  - email.received: yes please
                    extra: 1
                steps:
                  - id: a
                    agent: echo
                """);
        List<String> problems = solo.orchestrator().flows().validate();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("flows/bad-triggers.yaml:2:")
                .contains("no inbound hook 'unknown-hook'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("flows/bad-triggers.yaml:4:")
                .contains("bad expression"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("flows/bad-triggers.yaml:5:")
                .contains("email.received takes no value"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("flows/bad-triggers.yaml:6:")
                .contains("unknown key 'extra'"));
    }

    @Test
    void a_script_in_an_email_subject_comes_out_escaped_on_the_entity_page() {
        Entity bo = solo.store().create(Actor.OPERATOR, "test", "lead",
                Json.object().put("name", "Bo Client").put("email", "bo@client.com"));
        mail.deliverToOwnInbox(message("<x-1@client.test>", "<script>alert('subject')</script>")
                .replace("bo@client.test", "bo@client.com"));
        solo.emailPoller().pollOnce();
        Api.Answer page = api.withToken(token).get("/entities/" + bo.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    }

    static String message(String id, String subject) {
        return "Message-ID: " + id + "\n"
                + "From: Bo Client <bo@client.test>\n"
                + "To: Solo Test <solo@acme.test>\n"
                + "Subject: " + subject + "\n"
                + "Date: Mon, 2 Mar 2026 10:00:00 +0000\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n"
                + "Hello\n";
    }
}
