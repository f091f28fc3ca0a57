package solo.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's sample business, Northwind Studio, a one-person design studio: a customer with a project, an
 * offer and an overdue invoice, two topics in the content backlog, notes — and a CSV of leads from a
 * conference, which the demo imports once the runtime runs, so that each new lead starts its qualification.
 */
final class SampleCompany {
    static final String LEADS_CSV = """
            name,email,company,role,source,need,budget,opted_out
            Ada Park,ada@acme.example.com,Acme Robotics,Head of Product,event,a redesign of their robot fleet dashboard,24000,
            Ben Ortiz,ben@globex.example.com,Globex,Engineering Manager,referral,an internal tool for their dispatch team,8000,
            Sam Lee,sam@uni.example.edu,,student,event,help with a class project,,
            Cy Dee,cy@initech.example.com,Initech,CTO,event,a design system for their three products,15000,true
            Dana Wu,dana-at-example.com,Hooli,,event,a new website,6000,
            """;

    private SampleCompany() {}

    /** The records the studio has before the demo starts its runtime. */
    static void fill(Store store, LocalDate today) {
        store.write(new Write(Actor.OPERATOR, "known companies", List.of(
                create("company", "acme", Json.object().put("name", "Acme Robotics").put("domain", "acme.example.com")
                        .put("industry", "robotics").put("size", "51-200")),
                create("company", "globex", Json.object().put("name", "Globex").put("domain", "globex.example.com")
                        .put("industry", "logistics").put("size", "201-1000")))));
        store.write(new Write(Actor.OPERATOR, "signed the first project", List.of(
                create("customer", "cust_acme", Json.object().put("name", "Acme Robotics (design)")
                        .put("email", "billing@acme.example.com").put("status", "active").put("since", "2026-02-01")
                        .put("payment_terms_days", 30)),
                create("project", "proj_fleet", Json.object().put("name", "Fleet dashboard redesign")
                        .put("status", "active").put("phase", "discovery").put("budget", 18000)),
                create("offer", "offer_fleet", Json.object().put("title", "Dashboard redesign, phase 1")
                        .put("amount", 18000).put("currency", "EUR").put("discount_percent", 10).put("status", "accepted")),
                create("invoice", "inv_2026_014", Json.object().put("number", "2026-014").put("amount", 6000)
                        .put("currency", "EUR").put("status", "sent").put("issued", today.minusDays(45).toString())
                        .put("due", today.minusDays(15).toString())),
                new Change.AddLink("cust_acme", "works_at", "acme"),
                new Change.AddLink("proj_fleet", "for_customer", "cust_acme"),
                new Change.AddLink("offer_fleet", "part_of", "proj_fleet"),
                new Change.AddLink("inv_2026_014", "part_of", "proj_fleet"),
                new Change.AddLink("inv_2026_014", "for_customer", "cust_acme"),
                note("Kick-off call", "The fleet map comes first; their ops team works night shifts, so dark mode matters.",
                        "acme", "proj_fleet"),
                note("Paying", "Acme pays late but always pays; their accounts team answers a friendly reminder.",
                        "cust_acme"))));
        store.write(new Write(Actor.OPERATOR, "ideas for the blog", List.of(
                create("topic", "topic_dark_mode", Json.object().put("title", "Dark mode is an accessibility feature")
                        .put("angle", "what night shifts taught us").put("priority", 80).put("status", "backlog")),
                create("topic", "topic_pricing", Json.object().put("title", "How we price a redesign")
                        .put("priority", 40).put("status", "backlog")))));
    }

    /** The conference's leads as a CSV file in the company folder (one row is broken, as real files are). */
    static Path leadsCsv(Path companyDir) {
        try {
            Path file = companyDir.resolve("samples/leads.csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, LEADS_CSV);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Change note(String title, String text, String... entities) {
        return new Change.AddArtifact(null, "note", title, text, null, "text/plain", null, null, List.of(entities));
    }

    private static Change create(String type, String id, ObjectNode body) {
        return new Change.CreateEntity(type, id, body);
    }
}
