package solo.execution.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.CompanyConfigs;
import solo.testing.TestCompany;

/**
 * {@code email.send} and {@code http} as actions of flows: each carries the step's idempotency key to the
 * outside world, and an email whose outcome a crash left unknown waits for the operator, never sent blindly.
 */
class ActionsInFlowsTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    Solo solo;
    HttpServer hook;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    Run drive(String runId) {
        return solo.orchestrator().worker().driveToRest(runId, Duration.ofSeconds(10));
    }

    StepRecord step(Run run, String id) {
        return solo.orchestrator().runs().steps(run.id()).stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void an_http_action_sends_the_steps_idempotency_key_and_keeps_the_answer() throws Exception {
        List<String> keys = new CopyOnWriteArrayList<>();
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/crm", ex -> {
            keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
            ex.getRequestBody().readAllBytes();
            byte[] out = "{\"id\": \"crm-7\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        hook.start();
        String base = "http://127.0.0.1:" + hook.getAddress().getPort();
        var configured = CompanyConfigs.append(company.dir(), "hooks:\n  outbound:\n    allow: [\"" + base + "/\"]\n");
        solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl()).open();
        Flows.write(company.dir(), "sync", """
                steps:
                  - id: call
                    action: http
                    input: {url: "%s/crm", body: {event: lead.created}}
                """.formatted(base));

        Run run = drive(solo.orchestrator().runs().startLeased("sync", Json.object(), null).id());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output().get("status").asInt()).isEqualTo(201);
        assertThat(run.output().at("/body/id").asString()).isEqualTo("crm-7");
        assertThat(keys).containsExactly(run.id() + "/call");
        assertThat(step(run, "call").detail().at("/policy/type").asString()).isEqualTo("call_webhook");
    }

    /** A run whose email step finds its key left "sending" by an earlier attempt over SMTP, now configured away. */
    Run unknownOutcome() {
        solo = Solo.builder(company.company()).withDatabaseUrl(company.databaseUrl()).open();
        String ada = solo.store().create(Actor.OPERATOR, "t", "lead", Json.parse("""
                {"name": "Ada Park", "email": "ada@acme.com"}""", "lead")).id();
        Flows.write(company.dir(), "mail", """
                input: {required: [lead]}
                steps:
                  - id: send
                    action: email.send
                    input: {to: ["${input.lead}"], subject: Hello, text: Good to meet you.}
                """);
        Run queued = solo.orchestrator().runs().start("mail", Json.object().put("lead", ada), null);
        String key = queued.id() + "/send";
        OutgoingEmail email = new OutgoingEmail(null, List.of("ada@acme.com"), List.of(), "Hello", "Good to meet you.", null,
                List.of(ada));
        solo.store().storage().write(tx -> {
            SendLedger.begin(tx, key, MessageIds.messageId(key, "solo.local"), "smtp", email.digest(), "ada@acme.com", "Hello",
                    System.currentTimeMillis());
            return null;
        });
        return drive(queued.id());
    }

    long outbox() throws Exception {
        var dir = company.dir().resolve(".solo/outbox");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void an_email_whose_outcome_is_unknown_waits_for_the_operator_and_goes_when_they_say_it_did_not() throws Exception {
        Run run = unknownOutcome();

        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        StepRecord send = step(run, "send");
        assertThat(send.waitingFor()).isEqualTo("outcome");
        assertThat(send.detail().get("reason").asString()).contains("may or may not have gone out").contains("smtp");
        assertThat(solo.orchestrator().runs().waitingForOperator(10)).extracting(StepRecord::stepId).containsExactly("send");
        assertThat(outbox()).isZero();

        solo.orchestrator().runs().answer(run.id(), "send", false, "not in my sent folder", Actor.OPERATOR);
        Run done = drive(run.id());

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outbox()).isEqualTo(1);
        assertThat(solo.email().record(run.id() + "/send").orElseThrow().state()).isEqualTo("sent");
    }

    @Test
    void an_email_whose_outcome_is_unknown_is_not_sent_again_when_the_operator_says_it_went() throws Exception {
        Run run = unknownOutcome();

        solo.orchestrator().runs().answer(run.id(), "send", true, "it is in my sent folder", Actor.OPERATOR);
        Run done = drive(run.id());

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outbox()).isZero();
    }
}
