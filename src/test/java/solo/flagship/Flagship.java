package solo.flagship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import solo.app.Solo;
import solo.company.Company;
import solo.execution.webhook.HookSignatures;
import solo.interfaces.http.Api;
import solo.interfaces.http.SoloServer;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.testing.CompanyConfigs;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import solo.testing.TestMail;

/**
 * A company as {@code solo init} makes it, with its shipped flows, running as {@code solo up} runs it: the
 * runtime with its triggers, the HTTP server, every model tier on a scripted OpenAI-compatible server, email
 * through a real SMTP server (GreenMail). The end-to-end tests of the flagship flows start from here.
 */
final class Flagship implements AutoCloseable {
    static final String WEBFORM_SECRET = "whsec-flagship-test";

    final OpenAiServer model = new OpenAiServer();
    final TestMail mail = TestMail.start();
    final Solo solo;
    final SoloServer server;
    final Api api;

    Flagship(TestCompany company) {
        Company configured = CompanyConfigs.append(company.dir(), """
                models:
                  scripted: {kind: openai, base_url: "%s", api_key: "env:TEST_API_KEY", timeout_seconds: 5,
                             max_retries: 2, retry_base_ms: 10, retry_max_ms: 50}
                tiers:
                  fast: scripted/gpt-test
                  standard: scripted/gpt-test
                  premium: scripted/gpt-test
                prices:
                  gpt-test: {input: 2.0, output: 8.0}
                """.formatted(model.baseUrl()) + mail.emailSection(true, false));
        solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl())
                .withEnvironment(java.util.Map.of("TEST_API_KEY", "sk-test")).open();
        solo.secrets().set("WEBFORM_HOOK_SECRET", WEBFORM_SECRET);
        solo.secrets().set("IMAP_PASSWORD", TestMail.PASSWORD);
        String token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
        server = SoloServer.start(solo, ServerSettings.defaults().withPort(0));
        api = new Api(server.uri(), token);
        // the summarizer (fast tier) writes summaries in the background when runs end: answered whenever it asks
        model.answerWhenAsked("Summarize ", SUMMARY);
        solo.orchestrator().start();
        solo.startMemory();
    }

    static final String SUMMARY = """
            {"summary": "A lead handled by the flagship flows.", "key_points": ["researched", "scored"],
             "open_questions": [], "confidence": 0.8}""";

    /** A form post to {@code POST /hooks/webform}, signed as the site would sign it. */
    Api.Answer webform(String json, String deliveryId) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return api.send("POST", "/hooks/webform", json, List.of("Content-Type", "application/json",
                "X-Solo-Signature", HookSignatures.sign(WEBFORM_SECRET, body), "X-Solo-Delivery", deliveryId));
    }

    List<Run> runs(String flow) {
        return solo.orchestrator().runs().list(flow, null, 100);
    }

    /** The one run of a flow, once there is one. */
    Run onlyRun(String flow) {
        await("a run of " + flow, () -> !runs(flow).isEmpty());
        assertThat(runs(flow)).hasSize(1);
        return runs(flow).getFirst();
    }

    Run awaitStatus(String runId, String status) {
        await("run " + runId + " " + status, () -> solo.orchestrator().runs().get(runId).status().text().equals(status)
                || solo.orchestrator().runs().get(runId).status().finished(), () -> describe(runId));
        Run run = solo.orchestrator().runs().get(runId);
        assertThat(run.status().text()).as("run %s: %s", runId, run.error()).isEqualTo(status);
        return run;
    }

    StepRecord step(Run run, String id) {
        return solo.orchestrator().runs().steps(run.id()).stream().filter(s -> s.stepId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run.id() + " has no step " + id));
    }

    /** The run's steps, for a failure message. */
    String describe(String runId) {
        StringBuilder sb = new StringBuilder();
        for (StepRecord s : solo.orchestrator().runs().steps(runId)) {
            sb.append("\n  ").append(s.stepId()).append(' ').append(s.status().text())
                    .append(s.waitingFor() == null ? "" : " for " + s.waitingFor())
                    .append(s.error() == null ? "" : ": " + s.error())
                    .append(s.detail() == null || s.waitingFor() == null ? "" : " " + s.detail());
        }
        return sb.toString();
    }

    static void await(String what, Supplier<Boolean> condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, Supplier<Boolean> condition, Supplier<String> state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + state.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
        solo.close();
        mail.close();
        model.close();
    }
}
