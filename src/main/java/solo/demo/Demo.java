package solo.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.interfaces.http.SoloServer;
import solo.interfaces.http.server.ServerSettings;
import solo.interfaces.imports.CsvImport;
import solo.interfaces.imports.ImportReport;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.report.Kpis;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.state.Entity;
import solo.state.Event;
import solo.support.Json;

/**
 * {@code solo demo}: a sample company in a temporary folder, running its flagship flows end to end on the
 * embedded defaults — SQLite, the local outbox, no model — exactly as {@code solo up} runs them: leads are
 * imported and arrive by the web form, are qualified, drafted, checked by the policies and sent; an overdue
 * invoice is reminded; a post is published. With no model, agent steps are tasks, which the demo answers with
 * its own labelled answers; with a model in the company's solo.yaml (or {@code SOLO_DEMO_CONFIG}), the agents write.
 */
public final class Demo {
    /** The operator's stand-in: the demo's decisions are recorded as its own, never as the operator's. */
    static final Actor DEMO = new Actor.Assistant("solo-demo");
    private final PrintWriter out;

    public Demo(PrintWriter out) {
        this.out = out;
    }

    public void run(Path where) {
        run(where, null);
    }

    /** @param models the models:, tiers: (prices:, budgets:) sections to give the company, or null for none */
    public void run(Path where, String models) {
        Path dir = where != null ? where : tempDir();
        Company company = CompanyTemplate.init(dir, "Northwind Studio");
        if (models != null) {
            company = withModels(company, models);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        section("Northwind Studio, a sample company in " + company.dir());
        say("A one-person design studio: solo.yaml, schema/, flows/, agents/, policies/ and playbooks/ as `solo init`");
        say("makes them, its data in an SQLite file in .solo/. No mail server is configured: email goes to the outbox");
        say(models == null ? "folder .solo/outbox/. No model is either: every agent step becomes a task in the operator's inbox."
                : "folder .solo/outbox/. The agents ask the models --models gave; tiers without one are the operator's tasks.");
        try (Solo solo = Solo.open(company)) {
            SampleCompany.fill(solo.store(), today);
            DemoRuns runs = new DemoRuns(solo, new DemoAnswers(solo.store()), out);
            solo.orchestrator().start(); // what `solo up` runs: the worker, the triggers, the schedules
            solo.startMemory();
            try (SoloServer server = SoloServer.start(solo, ServerSettings.defaults().withPort(0))) {
                leadsArrive(solo, server, runs);
            }
            decide(solo, runs);
            invoicesAndContent(solo, runs);
            showResults(solo, company);
            showKpis(solo);
            section("Audit");
            say(solo.store().verify().toString());
        }
        pointAtAModel(company);
        out.flush();
    }

    private void leadsArrive(Solo solo, SoloServer server, DemoRuns runs) {
        section("1. Leads arrive");
        Path csv = SampleCompany.leadsCsv(solo.company().dir());
        say("$ solo import samples/leads.csv --type lead");
        ImportReport report = new CsvImport(solo.store()).run(csv, "lead", false, p -> { });
        say("  " + report.summary());
        report.refusals().forEach(r -> say("  refused: " + r));
        say("A visitor fills in the contact form on the studio's site; it posts to POST /hooks/webform, signed:");
        int status = runs.postWebform(server, """
                {"name": "Lin Wu", "email": "lin@newco.example.com", "company": "NewCo",
                 "message": "We need a dashboard for our warehouse robots, within two months.", "budget": 12000}""");
        say("  " + status + " accepted; the lead-intake flow records Lin Wu once, and each new lead starts lead-qualification");
        section("2. The agents at work");
        say("An agent step whose tier has no model waits in the inbox as a task: its prompt, its context pack and a");
        say("form. The demo answers those by simple rules so that you can see the flows go on; every answer marked");
        say(DemoAnswers.LABEL + " is the demo's own. Steps a model served are not listed here: `solo runs show`.");
        runs.settle(() -> runs.count("lead-qualification") >= 5);
        runs.showQualifications();
    }

    private void decide(Solo solo, DemoRuns runs) {
        section("3. What waits for you: the inbox (solo inbox list)");
        runs.showInbox();
        section("4. You decide (here the demo decides for you, recorded as assistant:solo-demo)");
        for (InboxItem item : runs.decisions()) {
            say("approve " + item.id() + " — " + item.title() + " (" + runs.label(item) + ")");
            solo.orchestrator().inbox().approve(item.id(), "a good first note", DEMO);
        }
        runs.settle(() -> runs.decisions().isEmpty());
        for (InboxItem item : runs.open(InboxItem.FAILURE)) {
            say("leave " + item.id() + " for you — " + (item.title().length() > 90 ? item.title().substring(0, 89) + "…"
                    : item.title()));
            var entry = solo.orchestrator().inbox().show(item.id());
            if (entry.playbook() != null) {
                say("  its playbook offers: solo inbox do " + item.id() + " " + String.join(" | ",
                        entry.actions().stream().map(a -> a.name()).distinct().toList()));
            }
        }
    }

    private void invoicesAndContent(Solo solo, DemoRuns runs) {
        section("5. This morning's invoices and this week's post (runs you would leave to their schedules)");
        say("$ solo flow run invoice-follow-up      (every morning at 8)");
        solo.orchestrator().runs().start("invoice-follow-up", Json.object(), null);
        runs.settle(() -> runs.count("invoice-reminder") >= 1 && !runs.decisions().isEmpty());
        for (InboxItem item : runs.decisions()) {
            say("  " + item.title() + " — " + runs.label(item) + ": approve " + item.id());
            solo.orchestrator().inbox().approve(item.id(), "they always pay, remind them", DEMO);
        }
        runs.settle(() -> runs.decisions().isEmpty());
        say("$ solo flow run content-pipeline       (every Monday at 9)");
        solo.orchestrator().runs().start("content-pipeline", Json.object(), null);
        runs.settle(() -> !runs.decisions().isEmpty());
        for (InboxItem item : runs.decisions()) {
            say("  " + item.title() + " — " + runs.label(item) + ": approve " + item.id());
            solo.orchestrator().inbox().approve(item.id(), "ship it", DEMO);
        }
        runs.settle(() -> runs.decisions().isEmpty() && runs.finished("content-pipeline"));
        runs.showRuns();
    }

    private void showResults(Solo solo, Company company) {
        section("6. What Solo did");
        say("The outbox (" + company.dir().relativize(company.dataDir().resolve("outbox")) + "):");
        for (String line : Outbox.describe(company.dataDir().resolve("outbox"))) {
            say("  " + line);
        }
        Path published = company.dir().resolve("published");
        if (Files.isDirectory(published)) {
            try (var files = Files.list(published)) {
                files.sorted().forEach(f -> say("Published: " + company.dir().relativize(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        say("Leads:");
        for (Entity lead : solo.store().list("lead", null, 50)) {
            say(String.format(Locale.ROOT, "  %-10s %-13s score %-4s %s", lead.label(), lead.body().path("status").asString("-"),
                    lead.body().has("score") ? lead.body().get("score").asString() : "-",
                    lead.body().path("opted_out").asBoolean(false) ? "(opted out: the policy refused the email)" : ""));
        }
        Entity ada = solo.store().list("lead", null, 50).stream().filter(e -> e.label().equals("Ada Park")).findFirst().orElse(null);
        if (ada != null) {
            say("History of Ada Park — who changed what, when and why:");
            for (Event e : solo.store().history(ada.id())) {
                if (e.isEntityVersion()) {
                    say(String.format(Locale.ROOT, "  v%d %-15s by %-45s — %s", e.version(), e.kind(), e.actor().text(),
                            e.reason()));
                }
            }
            solo.memory().summaries().refresh(ada.id(), "the demo shows it");
            solo.memory().summaries().currentArtifact(ada.id(), null).ifPresent(s -> {
                say("Memory's summary of Ada Park (kept with links to its sources):");
                s.text().lines().limit(8).forEach(l -> say("  " + l));
            });
        }
    }

    private static Company withModels(Company company, String models) {
        try {
            Path config = company.dir().resolve(Company.CONFIG_FILE);
            String text = Files.readString(config);
            // the template writes these sections only as comments; the demo's own come last, once
            Files.writeString(config, text + "\n# The models `solo demo --models` gave:\n" + models + "\n");
            return Company.open(company.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void showKpis(Solo solo) {
        section("7. KPIs (solo kpi)");
        var now = solo.orchestrator().clockNow();
        Kpis.Report r = solo.orchestrator().kpis().compute(null, now.minusSeconds(86_400), now.plusMillis(1));
        say(String.format(Locale.ROOT, "  %-20s %5s %5s %5s %10s %9s %9s", "flow", "runs", "done", "fail", "cycle p50",
                "failure", "human"));
        for (Kpis.FlowKpis k : r.flows()) {
            say(String.format(Locale.ROOT, "  %-20s %5d %5d %5d %10s %9s %9s", k.flow(), k.runs(), k.completed(), k.failed(),
                    k.cycleTime().p50() == null ? "-" : k.cycleTime().p50() + "ms", pct(k.failureRate()),
                    pct(k.interventionRate())));
        }
        say("(human: runs that needed the operator — a task, a gate, an approval; with models for every tier, only the gates)");
    }

    private void pointAtAModel(Company company) {
        section("Point Solo at a real model");
        say("Add the models and map the tiers in " + company.dir().resolve("solo.yaml") + ", for example a local Ollama:");
        say("  models:");
        say("    local: {kind: openai, base_url: \"http://127.0.0.1:11434/v1\"}");
        say("  tiers: {fast: local/llama3.2, standard: local/qwen2.5:14b, premium: local/qwen2.5:14b}");
        say("or Anthropic: `solo secret set ANTHROPIC_API_KEY`, then models: {claude: {kind: anthropic, api_key:");
        say("secret:ANTHROPIC_API_KEY}} and tiers: {premium: claude/claude-sonnet-4-5}. The agents then write, and");
        say("the inbox keeps only what needs you: the gates, the escalations, the failures. To see this demo with your");
        say("models: put those models: and tiers: sections in a file and run ./solo demo --models FILE.");
        section("Explore it yourself");
        say("./solo --company " + company.dir() + " inbox list");
        say("./solo --company " + company.dir() + " runs list");
        say("./solo --company " + company.dir() + " kpi");
        say("./solo --company " + company.dir() + " token new && ./solo --company " + company.dir() + " up   # the cockpit");
    }

    private static String pct(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void say(String line) {
        out.println(line);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("solo-demo-").resolve("northwind");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
