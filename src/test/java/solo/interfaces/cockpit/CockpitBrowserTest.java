package solo.interfaces.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.http.ServerFixture;
import solo.orchestration.Flows;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Entity;
import solo.support.Json;
import solo.testing.TestCompany;

/**
 * The cockpit in a real browser (the system Chromium, driven by Playwright): log in with the token,
 * approve a waiting gate, read a run's timeline, open an entity page, move around from the keyboard.
 * Screenshots of the main pages go to {@code target/screenshots/}. Skipped when there is no Chromium.
 */
class CockpitBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> Flows.write(c.dir(), "lead-follow-up", """
            description: research a lead, ask the operator, note the answer
            input: {required: [lead_id]}
            steps:
              - id: research
                agent: echo
                input: {lead: "${input.lead_id}", score: 82}
              - id: ask
                gate: "Write to Ada today?"
              - id: note
                action: note.add
                input: {entity: "${input.lead_id}", text: "Approved: write to them"}
            """));

    private Playwright playwright;
    private Browser browser;
    private Page page;
    private final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "no Chromium at /usr/bin/chromium: the browser tests are skipped (apt-get install chromium; ./run-tests does)");
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync")));
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860)).newPage();
        page.setDefaultTimeout(15_000);
        // a script the Content-Security-Policy blocks, or htmx failing, shows up here
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return server.server().uri() + path;
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private void logIn() {
        page.navigate(url("/"));
        assertThat(page.url()).contains("/login");
        shot("login");
        page.getByLabel("Access token").fill(server.token());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url("/"));
    }

    private void waitForStatus(String runId, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().get(runId).status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.solo().orchestrator().runs().get(runId).status()).isEqualTo(status);
    }

    @Test
    void the_operator_logs_in_approves_a_gate_reads_the_timeline_and_opens_the_entity() throws Exception {
        Entity ada = server.solo().store().create(Actor.OPERATOR, "met at the fair", "lead",
                Json.object().put("name", "Ada Park").put("email", "ada@acme.com").put("score", 82));
        String run = server.solo().orchestrator().runs().start("lead-follow-up", Json.object().put("lead_id", ada.id()), null).id();
        waitForStatus(run, RunStatus.WAITING);

        logIn();
        assertThat(page.locator("section.panel").first().textContent()).contains("Waiting for you").contains("Write to Ada today?");
        shot("today");

        page.locator("li.gate").first().getByLabel("Reason").fill("looks right");
        page.locator("li.gate").first().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve")).click();
        page.waitForLoadState();
        waitForStatus(run, RunStatus.COMPLETED);
        page.reload();
        assertThat(page.locator("section.panel").first().textContent()).contains("Nothing waits for you");

        page.navigate(url("/runs/" + run));
        assertThat(page.locator("ol.timeline").textContent()).contains("research").contains("ask").contains("note");
        assertThat(page.locator("#step-ask").textContent()).contains("done");
        page.locator("#step-research summary", new Page.LocatorOptions().setHasText("Output")).click();
        assertThat(page.locator("#step-research").textContent()).contains("\"score\" : 82");
        shot("run");

        page.navigate(url("/entities/" + ada.id()));
        assertThat(page.locator("dl.fields").textContent()).contains("Ada Park").contains("ada@acme.com");
        assertThat(page.locator("ul.artifacts").textContent()).contains("Approved: write to them");
        assertThat(page.locator("ol.timeline").textContent()).contains("entity.created").contains("met at the fair");
        shot("entity");

        page.navigate(url("/runs"));
        assertThat((Boolean) page.evaluate("typeof htmx !== 'undefined'")).as("htmx loaded").isTrue();
        page.getByLabel("Status").selectOption("completed");
        page.waitForURL(u -> u.contains("status=completed"));
        assertThat(page.locator("#runs").textContent()).contains(run);
        page.getByLabel("Status").selectOption("failed");
        page.waitForURL(u -> u.contains("status=failed"));
        assertThat(page.locator("#runs").textContent()).contains("No runs match");
        page.getByLabel("Status").selectOption("");
        shot("runs");
        page.navigate(url("/flows/lead-follow-up"));
        assertThat(page.locator("figure.diagram svg g.node").count()).isEqualTo(3);
        shot("flow");
        page.navigate(url("/entities?type=lead"));
        shot("entities");
        page.navigate(url("/audit?verify=1"));
        assertThat(page.textContent("main")).contains("chain verified");
        shot("audit");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void the_cockpit_is_usable_from_the_keyboard() {
        logIn();
        page.keyboard().press("g");
        page.keyboard().press("r");
        page.waitForURL(url("/runs"));
        page.keyboard().press("g");
        page.keyboard().press("f");
        page.waitForURL(url("/flows"));
        page.keyboard().press("Tab");
        assertThat((String) page.evaluate("document.activeElement.textContent")).contains("Skip to content");
    }
}
