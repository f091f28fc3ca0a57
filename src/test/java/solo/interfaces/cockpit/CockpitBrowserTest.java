package solo.interfaces.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.http.ServerFixture;
import solo.memory.HashingEmbedder;
import solo.orchestration.Flows;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Write;
import solo.support.Json;
import solo.testing.TestCompany;

/**
 * The cockpit in a real browser (the system Chromium, driven by Playwright): log in with the token, approve an
 * inbox item from Today in one click, read the run's timeline, open the entity's page, search memory, look at the
 * KPI charts; move around from the keyboard; and a script planted in an entity, a note and an email subject never
 * runs on any page that shows them. Screenshots of the main pages go to {@code target/screenshots/}. Skipped when
 * there is no Chromium.
 */
class CockpitBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String SCRIPT = "<script>alert('owned')</script>";

    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance().withSolo(b -> b.withMemoryEmbedder(new HashingEmbedder()));

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).before(c -> Flows.write(c.dir(), "lead-follow-up", """
            description: research a lead, ask the operator, note the answer
            input: {required: [lead_id, subject]}
            steps:
              - id: research
                agent: echo
                input: {lead: "${input.lead_id}", score: 82}
              - id: ask
                gate: "Write to Ada today?"
                input: {subject: "${input.subject}"}
              - id: note
                action: note.add
                input: {entity: "${input.lead_id}", text: "Approved: write to them"}
            """));

    private Playwright playwright;
    private Browser browser;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

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
        // a script the Content-Security-Policy blocks, or htmx failing, shows up here; a planted alert() as a dialog
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url("/"));
    }

    private void waitForStatus(String runId, RunStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().get(runId).status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.solo().orchestrator().runs().get(runId).status()).isEqualTo(status);
    }

    private String start(Entity lead, String subject) throws InterruptedException {
        String run = server.solo().orchestrator().runs().start("lead-follow-up", Json.object().put("lead_id", lead.id())
                .put("subject", subject), null).id();
        waitForStatus(run, RunStatus.WAITING);
        return run;
    }

    @Test
    void the_operator_logs_in_approves_from_today_reads_the_timeline_opens_the_entity_and_searches() throws Exception {
        Entity ada = server.solo().store().create(Actor.OPERATOR, "met at the fair", "lead",
                Json.object().put("name", "Ada Park").put("email", "ada@acme.com").put("score", 82));
        server.solo().store().write(Write.of(Actor.OPERATOR, "call notes", new Change.AddArtifact(null, "note", "Call",
                "Ada wants the invoice in euros and a dark mode.", null, "text/plain", null, null, List.of(ada.id()))));
        String run = start(ada, "Hello Ada");
        String later = start(ada, "Hello again");

        logIn();
        Locator inbox = page.locator("section.panel").first();
        assertThat(inbox.textContent()).contains("Waiting for you").contains("Write to Ada today?");
        assertThat(page.locator("li.qitem").count()).isEqualTo(2);
        shot("today");

        page.locator("li.qitem").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve: Write to Ada today?"))
                .click();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().list("lead-follow-up", RunStatus.COMPLETED, 5).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String approved = server.solo().orchestrator().runs().list("lead-follow-up", RunStatus.COMPLETED, 5).getFirst().id();
        assertThat(List.of(run, later)).contains(approved);
        page.reload();
        assertThat(page.locator("li.qitem").count()).isEqualTo(1);

        page.navigate(url("/inbox"));
        assertThat(page.locator("table.inbox").textContent()).contains("Write to Ada today?");
        shot("inbox");
        page.locator("table.inbox a", new Page.LocatorOptions().setHasText("Write to Ada today?")).first().click();
        page.waitForURL(u -> u.contains("/inbox/in_"));
        assertThat(page.locator("main").textContent()).contains("Why it is here").contains("the flow asks you at step ask");
        page.locator("details.edit summary").click();
        assertThat(page.getByLabel("subject").inputValue()).startsWith("Hello");
        shot("inbox-item");
        page.getByLabel("subject").fill("Hello Ada Park");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and approve")).click();
        // the form posts through htmx and the item comes back decided (303 to itself)
        page.locator("main").filter(new Locator.FilterOptions().setHasText("edited by operator")).waitFor();
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.solo().orchestrator().runs().list("lead-follow-up", RunStatus.COMPLETED, 5).size() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        page.navigate(url("/runs/" + approved));
        assertThat(page.locator("ol.timeline").first().textContent()).contains("research").contains("ask").contains("note");
        assertThat(page.locator("#step-ask").textContent()).contains("done");
        page.locator("#step-research summary", new Page.LocatorOptions().setHasText("Output")).click();
        assertThat(page.locator("#step-research").textContent()).contains("\"score\" : 82");
        assertThat(page.locator("main").textContent()).contains("inbox.approved").contains("Roll back");
        shot("run");

        page.navigate(url("/entities/" + ada.id()));
        assertThat(page.locator("dl.fields").first().textContent()).contains("Ada Park").contains("ada@acme.com");
        assertThat(page.locator("ul.artifacts").textContent()).contains("Approved: write to them");
        assertThat(page.locator("ol.timeline").textContent()).contains("entity.created").contains("met at the fair")
                .contains("note attached");
        shot("entity");

        page.getByLabel("Search its memory").fill("invoice euros");
        page.getByLabel("Search its memory").press("Enter");
        page.waitForURL(u -> u.contains("/search?"));
        assertThat(page.locator("ol.hits").textContent()).contains("Ada wants the invoice in euros");
        shot("search");
        page.locator("ol.hits a", new Page.LocatorOptions().setHasText("Call")).first().click();
        page.waitForURL(u -> u.contains("/artifacts/"));
        assertThat(page.locator("pre.text").textContent()).contains("dark mode");

        page.navigate(url("/runs"));
        assertThat((Boolean) page.evaluate("typeof htmx !== 'undefined'")).as("htmx loaded").isTrue();
        page.getByLabel("Status").selectOption("completed");
        page.waitForURL(u -> u.contains("status=completed"));
        assertThat(page.locator("#runs").textContent()).contains(approved);
        page.getByLabel("Status").selectOption("failed");
        page.waitForURL(u -> u.contains("status=failed"));
        assertThat(page.locator("#runs").textContent()).contains("No runs match");
        page.getByLabel("Status").selectOption("");
        shot("runs");
        page.navigate(url("/flows/lead-follow-up"));
        assertThat(page.locator("figure.diagram svg g.node").count()).isEqualTo(3);
        assertThat(page.locator("table.kpis").textContent()).contains("last 7 days");
        shot("flow");
        page.navigate(url("/kpi"));
        assertThat(page.locator("figure.chart").count()).isEqualTo(4);
        assertThat(page.locator("figure.chart svg rect.c-ok").count()).isGreaterThan(0);
        shot("kpi");
        page.navigate(url("/entities?type=lead"));
        shot("entities");
        page.navigate(url("/audit?verify=1"));
        assertThat(page.textContent("main")).contains("chain verified");
        page.navigate(url("/audit?verify=1&id=" + approved));
        assertThat(page.textContent("main")).contains("inbox.approved").contains("State writes the run made");
        shot("audit");
        assertThat(consoleErrors).isEmpty();
        assertThat(dialogs).isEmpty();
    }

    @Test
    void the_cockpit_is_usable_from_the_keyboard() {
        logIn();
        page.keyboard().press("g");
        page.keyboard().press("i");
        page.waitForURL(url("/inbox"));
        page.keyboard().press("g");
        page.keyboard().press("r");
        page.waitForURL(url("/runs"));
        page.keyboard().press("g");
        page.keyboard().press("s");
        page.waitForURL(url("/search"));
        assertThat((String) page.evaluate("document.activeElement.name")).isEqualTo("q");
        page.keyboard().type("invoice");
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.contains("/search?q=invoice"));
        page.evaluate("document.activeElement.blur()");
        page.keyboard().press("g");
        page.keyboard().press("k");
        page.waitForURL(url("/kpi"));
        page.keyboard().press("/");
        assertThat((String) page.evaluate("document.activeElement.name")).isEqualTo("flow");
        page.evaluate("document.activeElement.blur()");
        page.keyboard().press("g");
        page.keyboard().press("f");
        page.waitForURL(url("/flows"));
        page.keyboard().press("Tab");
        assertThat((String) page.evaluate("document.activeElement.textContent")).contains("Skip to content");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void a_script_planted_in_an_entity_a_note_and_an_email_subject_never_runs() throws Exception {
        Entity evil = server.solo().store().create(Actor.OPERATOR, SCRIPT, "lead", Json.object().put("name", SCRIPT)
                .put("email", "ada@acme.com"));
        server.solo().store().write(Write.of(Actor.OPERATOR, SCRIPT, new Change.AddArtifact(null, "note", SCRIPT,
                "invoice " + SCRIPT, null, "text/plain", null, null, List.of(evil.id()))));
        CockpitPagesTest.ingestEmail(company, server.solo(), evil.id(), SCRIPT);
        String run = start(evil, SCRIPT);
        String item = server.solo().orchestrator().inbox().ofRun(run).getFirst().id();

        logIn();
        List<String> showing = List.of("/inbox/" + item, "/entities/" + evil.id(), "/entities?type=lead", "/runs/" + run,
                "/audit", "/audit?id=" + evil.id(), "/search?q=invoice", "/search?q=invoice&entity=" + evil.id());
        for (String path : java.util.stream.Stream.concat(showing.stream(), java.util.stream.Stream.of("/", "/inbox", "/kpi")).toList()) {
            page.navigate(url(path));
            page.waitForLoadState();
            // only the cockpit's own two scripts are on the page; where the planted one is shown, it is text
            assertThat(page.locator("script").count()).as(path).isEqualTo(2);
            if (showing.contains(path)) {
                assertThat(page.locator("main").textContent()).as(path).contains(SCRIPT);
            }
        }
        page.navigate(url("/entities/" + evil.id()));
        shot("xss-entity");
        assertThat(dialogs).isEmpty();
    }
}
