package solo.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.state.Actor;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Neighbour;
import solo.state.Store;
import solo.state.audit.ChainReport;
import solo.support.Json;

/**
 * {@code solo demo}: creates a sample company, fills it with a small consulting business, and shows
 * what Solo holds: entities, the graph, notes, history with provenance, and a verified audit chain.
 */
public final class Demo {
    private final PrintWriter out;

    public Demo(PrintWriter out) {
        this.out = out;
    }

    public void run(Path where) {
        Path dir = where != null ? where : tempDir();
        Company company = CompanyTemplate.init(dir, "Northwind Studio");
        section("A sample company in " + company.dir());
        try (Solo solo = Solo.open(company)) {
            Store store = solo.store();
            SampleCompany sample = SampleCompany.fill(store);
            showContents(store);
            showGraph(store, sample.acme());
            showHistory(store, sample.ada());
            showAudit(store);
        }
        section("Explore it yourself");
        say("./solo --company " + company.dir() + " entity list");
        say("./solo --company " + company.dir() + " entity neighbours <id> --depth 2");
        say("./solo --company " + company.dir() + " audit verify");
        out.flush();
    }

    private void showContents(Store store) {
        section("What the store holds");
        for (String type : store.schema().types().keySet()) {
            List<Entity> entities = store.list(type, null, 10);
            say(String.format("%-9s %d", type, store.count(type)));
            entities.forEach(e -> say(String.format("    %-26s %s", e.id(), e.label())));
        }
    }

    private void showGraph(Store store, Entity acme) {
        section("The operational graph around " + acme.label() + " (2 links deep)");
        java.util.Map<String, String> labels = new java.util.HashMap<>(java.util.Map.of(acme.id(), acme.label()));
        for (Neighbour n : store.neighbours(acme.id(), 2)) {
            labels.put(n.entity().id(), n.entity().label());
            String from = n.outgoing() ? n.via().from() : n.via().to();
            String arrow = n.outgoing() ? " -" + n.via().type() + "-> " : " <-" + n.via().type() + "- ";
            say("  " + labels.get(from) + arrow + n.entity().type() + " " + n.entity().label());
        }
        store.artifacts(acme.id(), 5).forEach(a -> say("  note: " + a.title() + " — " + a.text()));
    }

    private void showHistory(Store store, Entity lead) {
        section("History of " + lead.label() + ": who changed what, when and why");
        for (Event e : store.history(lead.id())) {
            if (!e.isEntityVersion()) {
                continue;
            }
            say(String.format("v%d %-16s by %-9s %s", e.version(), e.kind(), e.actor().text(),
                    e.reason() == null ? "" : "— " + e.reason()));
        }
        say("now: " + Json.write(store.get(lead.id()).body()));
    }

    private void showAudit(Store store) {
        section("Audit");
        ChainReport report = store.verify();
        say(report.toString());
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
