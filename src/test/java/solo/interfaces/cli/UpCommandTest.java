package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.Main;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.testing.ChildJvm;
import solo.testing.CliRun;
import solo.testing.TestCompany;

/** {@code solo up} in a real process: it drives queued runs and durable waits, and SIGTERM stops it cleanly. */
class UpCommandTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    @Test
    void up_drives_queued_runs_until_sigterm_and_leaves_no_lease_behind() throws Exception {
        Flows.write(company.dir(), "slow", """
                steps:
                  - id: first
                    agent: echo
                    input: {n: 1}
                  - id: nap
                    wait: 1s
                  - id: last
                    agent: echo
                    input: {n: 2}
                """);
        CliRun queued = CliRun.in(company.dir(), "--json", "flow", "run", "slow", "--detach");
        String id = solo.support.Json.parse(queued.out(), "out").get("id").asString();
        try (ChildJvm up = ChildJvm.start(Main.class, company.dir().resolve("up.err"), "--company",
                company.dir().toString(), "up", "--port", "0")) {
            String first = up.nextLine(Duration.ofSeconds(60));
            assertThat(first).startsWith("solo up: Test Company on ");
            String tokenLine = up.nextLine(Duration.ofSeconds(10));
            var served = java.util.regex.Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)").matcher(first);
            assertThat(served.find()).as(first).isTrue();
            String token = tokenLine.substring(tokenLine.lastIndexOf(' ') + 1);
            var api = new solo.interfaces.http.Api(java.net.URI.create(served.group(1)), token);
            assertThat(api.get("/api/runs").status()).isEqualTo(200);
            assertThat(api.withToken(null).get("/api/runs").status()).isEqualTo(401);
            Run run = waitForEnd(id);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.output()).isEqualTo(solo.support.Json.object().put("n", 2));

            up.terminate();
            assertThat(up.waitFor(Duration.ofSeconds(30))).isEqualTo(143);
        }
        try (Solo solo = company.reopen()) {
            assertThat(solo.orchestrator().runs().list(null, RunStatus.RUNNING, 10)).isEmpty();
        }
    }

    private Run waitForEnd(String id) throws InterruptedException {
        try (Solo solo = company.reopen()) {
            long deadline = System.currentTimeMillis() + 30_000;
            Run run = solo.orchestrator().runs().get(id);
            while (!run.status().finished() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                run = solo.orchestrator().runs().get(id);
            }
            return run;
        }
    }
}
