package solo.orchestration.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.company.Company;
import solo.execution.Configured;
import solo.orchestration.Flows;
import solo.orchestration.MutableClock;
import solo.orchestration.report.Digest;
import solo.orchestration.report.Kpis;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;

/**
 * The acceptance test of the inbox: flows driven through every inbox path — approve, edit, reject, answer, a
 * deadline's default, a failed run retried by its playbook, an automatic playbook — with agent steps against a
 * real HTTP server speaking OpenAI's protocol, on a clock the test moves; then the KPIs of those runs equal the
 * values worked out by hand below, and the day's digest says the same.
 */
class InboxAcceptanceTest {
    static final Instant T0 = Instant.parse("2030-01-07T09:00:00Z");
    static final String SCORE = """
            {"score": 82, "qualified": true, "reasons": ["budget fits"], "next_step": "draft_email", "confidence": 0.9}""";

    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    final MutableClock clock = new MutableClock(T0);
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    Solo solo;

    @BeforeEach
    void open() throws Exception {
        var config = company.dir().resolve(Company.CONFIG_FILE);
        Files.writeString(config, Files.readString(config).replace("  email: \"\"", "  email: \"me@solo.test\"") + "\n"
                + Configured.openAi(server.baseUrl(), ""));
        solo = Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl()).withClock(clock)
                .withEnvironment(Map.of("TEST_API_KEY", "sk-test"))
                .withAgentFunction("flaky", c -> {
                    int n = calls.computeIfAbsent(c.runId(), k -> new AtomicInteger()).incrementAndGet();
                    if (n <= c.input().path("fail_times").asInt()) {
                        throw new IllegalStateException("the service hiccupped (" + n + ")");
                    }
                    return Json.object().put("calls", n);
                }).open();
        Flows.write(company.dir(), "qualify", """
                steps:
                  - id: score
                    agent: qualifier
                    input: {lead: {id: lead_1, name: Ada Park}, criteria: budget above 5k}
                    retry: 1
                  - id: review
                    gate: "Qualified: send the first email?"
                    input: {subject: "Hello Ada", score: "${steps.score.output.score}"}
                """);
        Flows.write(company.dir(), "ask", """
                steps:
                  - id: research
                    agent: researcher
                    input: {entity_id: lead_1, name: Ada Park}
                """);
        Flows.write(company.dir(), "timed", """
                steps:
                  - id: publish
                    gate: {prompt: "Publish the post?", deadline: 1h, default: approve}
                """);
        Flows.write(company.dir(), "fragile", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 1}
                    retry: 1
                """);
        Flows.write(company.dir(), "auto", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 1}
                    retry: 1
                """);
        Files.writeString(company.dir().resolve("playbooks/hiccups.yaml"), """
                description: the service hiccups now and then
                on: {failure: step_error, flow: auto, error: IllegalStateException}
                automatic: true
                actions:
                  - retry: {after: 1s, attempts: 2}
                """);
        server.answer(SCORE, 1000, 200); // the only model call: the two later identical calls come from the cache
    }

    @AfterEach
    void close() {
        solo.close();
        server.close();
    }

    Run start(String flow) {
        Run run = solo.orchestrator().runs().start(flow, null, null);
        return drive(run);
    }

    Run drive(Run run) {
        return solo.orchestrator().worker().driveToRest(run.id(), Duration.ofSeconds(5));
    }

    String item(Run run) {
        return solo.orchestrator().inbox().ofRun(run.id()).stream().filter(InboxItem::open).findFirst().orElseThrow().id();
    }

    Inbox inbox() {
        return solo.orchestrator().inbox();
    }

    @Test
    void every_inbox_path_then_kpis_computed_by_hand() throws Exception {
        assertThat(solo.orchestrator().digest().tick()).isEmpty(); // no digest of a day before the company began

        // A: approve (waits 10 minutes)
        Run a = start("qualify");
        assertThat(a.status()).isEqualTo(RunStatus.WAITING);
        clock.advance(Duration.ofMinutes(10));
        a = drive(inbox().approve(item(a), "good fit", Actor.OPERATOR));
        assertThat(a.status()).isEqualTo(RunStatus.COMPLETED);

        // B: edit then approve (20 minutes); a bad edit first, refused
        Run b = start("qualify");
        String bItem = item(b);
        assertThatThrownBy(() -> inbox().edit(bItem, Json.parse("{\"score\": \"high\"}", "edit"), null, Actor.OPERATOR))
                .hasMessageContaining("score: must be number like the original, not string");
        clock.advance(Duration.ofMinutes(20));
        b = drive(inbox().edit(bItem, Json.parse("{\"subject\": \"Hello Ada, about the shop\"}", "edit"), "more precise",
                Actor.OPERATOR));
        assertThat(b.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(solo.orchestrator().runs().steps(b.id()).stream().filter(s -> s.stepId().equals("review")).findFirst()
                .orElseThrow().output().path("input").path("subject").asString())
                .isEqualTo("Hello Ada, about the shop");

        // C: reject (5 minutes): the run fails, as decided
        Run c = start("qualify");
        clock.advance(Duration.ofMinutes(5));
        c = inbox().reject(item(c), "not now", Actor.OPERATOR);
        assertThat(c.status()).isEqualTo(RunStatus.FAILED);

        // D: a task answered in the researcher's place (15 minutes); an answer that breaks the contract first
        Run d = start("ask");
        String dItem = item(d);
        assertThat(inbox().item(dItem).kind()).isEqualTo("task");
        assertThat(inbox().show(dItem).proposal().path("form").path("fields").size()).isGreaterThan(0);
        assertThatThrownBy(() -> inbox().answer(dItem, Json.parse("{\"facts\": []}", "answer"), null, Actor.OPERATOR))
                .hasMessageContaining("breaks researcher's output contract");
        clock.advance(Duration.ofMinutes(15));
        d = drive(inbox().answer(dItem, Json.parse("{\"summary\": \"Ada runs a shop\", \"facts\": [\"shop\"], \"gaps\": [],"
                + " \"confidence\": 0.9}", "answer"), null, Actor.OPERATOR));
        assertThat(d.status()).isEqualTo(RunStatus.COMPLETED);

        // E: nobody answers; the deadline passes and the default approves (61 minutes)
        Run e = start("timed");
        clock.advance(Duration.ofMinutes(61));
        e = drive(e);
        assertThat(e.status()).isEqualTo(RunStatus.COMPLETED);

        // F: a failed run, retried from the inbox by its playbook's action (30 minutes)
        Run f = start("fragile");
        assertThat(f.status()).isEqualTo(RunStatus.FAILED);
        String fItem = item(f);
        assertThat(inbox().show(fItem).actions()).extracting(PlaybookAction::name).startsWith("retry");
        clock.advance(Duration.ofMinutes(30));
        f = drive(inbox().act(fItem, "retry", null, null, "the service is back", Actor.OPERATOR));
        assertThat(f.status()).isEqualTo(RunStatus.COMPLETED);

        // G: a failed run retried by an automatic playbook (1 second later)
        Run g = start("auto");
        assertThat(g.status()).isEqualTo(RunStatus.FAILED);
        assertThat(inbox().sweep()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        g = drive(g);
        assertThat(g.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(inbox().list(0, 10, false).open()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);

        // KPIs, by hand. Completed runs' cycle times: G 1s, A 10m, D 15m, B 20m, F 30m, E 61m; their waits for the
        // operator: G 0 (the playbook's), A 10m, D 15m, B 20m, F 30m, E 61m (a deadline is a wait too). Nearest rank
        // of 6: p50 is the 3rd, p95 the 6th. Failed at least once: C (rejected), F, G. Needed the operator: A, B, C,
        // D, F (E was decided by its default, G by its playbook). Model calls: 3 qualifier calls of 1000 + 200
        // tokens, 1 paid (1000 × 2 + 200 × 8 millionths = 0.0036) and 2 from the cache.
        Kpis.Report r = solo.orchestrator().kpis().compute(null, T0, T0.plus(Duration.ofDays(1)));
        Kpis.FlowKpis all = r.overall();
        assertThat(all.runs()).isEqualTo(7);
        assertThat(all.completed()).isEqualTo(6);
        assertThat(all.failed()).isEqualTo(1);
        assertThat(all.cycleTime()).isEqualTo(new Kpis.Percentiles(minutes(15), minutes(61), 6));
        assertThat(all.operatorWait()).isEqualTo(new Kpis.Percentiles(minutes(15), minutes(61), 6));
        assertThat(all.failureRate()).isEqualTo(0.4286);
        assertThat(all.interventionRate()).isEqualTo(0.7143);
        assertThat(all.usage()).isEqualTo(new solo.orchestration.report.ModelUsage.Totals(3, 2, 3000, 600, 3600));
        assertThat(all.costPerRun()).isCloseTo(0.0036 / 7, within(1e-12));
        assertThat(all.cacheHitRate()).isEqualTo(0.6667);
        assertThat(r.currency()).isEqualTo("USD");

        Kpis.FlowKpis qualify = r.flows().stream().filter(k -> k.flow().equals("qualify")).findFirst().orElseThrow();
        assertThat(qualify.runs()).isEqualTo(3);
        assertThat(qualify.cycleTime()).isEqualTo(new Kpis.Percentiles(minutes(10), minutes(20), 2));
        assertThat(qualify.failureRate()).isEqualTo(0.3333);
        assertThat(qualify.interventionRate()).isEqualTo(1.0);
        assertThat(qualify.costPerRun()).isCloseTo(0.0012, within(1e-12));
        Kpis.FlowKpis auto = r.flows().stream().filter(k -> k.flow().equals("auto")).findFirst().orElseThrow();
        assertThat(auto.cycleTime()).isEqualTo(new Kpis.Percentiles(1000L, 1000L, 1));
        assertThat(auto.operatorWait()).isEqualTo(new Kpis.Percentiles(0L, 0L, 1));
        assertThat(auto.failureRate()).isEqualTo(1.0);
        assertThat(auto.interventionRate()).isEqualTo(0.0);
        assertThat(auto.cacheHitRate()).isNull();
        assertThat(solo.orchestrator().kpis().compute("timed", T0, T0.plus(Duration.ofDays(1))).flows())
                .extracting(Kpis.FlowKpis::flow).containsExactly("timed");

        // the day's digest: written once as an artifact, mailed to the operator (the outbox, without SMTP)
        clock.set(Instant.parse("2030-01-08T08:30:00Z"));
        Digest.Written w = solo.orchestrator().digest().tick().orElseThrow();
        assertThat(w.day()).isEqualTo(LocalDate.parse("2030-01-07"));
        assertThat(w.created()).isTrue();
        assertThat(w.sentTo()).isEqualTo("me@solo.test");
        assertThat(w.text()).contains("7 runs started.", "- qualify: 2 completed, 1 failed", "Nothing waits for you.",
                "3 model calls, 3000 tokens in and 600 out, 0.0036 USD; 2 answered from the cache.");
        assertThat(w.text()).contains("fragile " + f.id() + ": failed: step call failed after 1 attempt",
                "playbook:default/retry by operator", "playbook:hiccups/retry by system");
        assertThat(solo.store().artifact(w.artifactId()).orElseThrow().kind()).isEqualTo("digest");
        assertThat(Files.readString(company.dir().resolve(".solo/outbox/digest-2030-01-07.eml"))).contains("To: me@solo.test",
                "Message-ID: <digest-2030-01-07@solo.local>");
        assertThat(solo.orchestrator().digest().tick()).isEmpty();
        assertThat(solo.orchestrator().digest().write(LocalDate.parse("2030-01-07"), false).created()).isFalse();
    }

    static long minutes(int n) {
        return Duration.ofMinutes(n).toMillis();
    }
}
