package solo.demo;

import java.util.List;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Store;
import solo.state.Write;
import solo.state.WriteResult;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/** The demo's sample business: a small design studio with leads, a customer, a project and money. */
record SampleCompany(Entity acme, Entity ada) {

    static SampleCompany fill(Store store) {
        WriteResult companies = store.write(new Write(Actor.OPERATOR, "known companies", List.of(
                create("company", "acme", Json.object().put("name", "Acme Robotics").put("domain", "acme.example.com")
                        .put("industry", "robotics").put("size", "51-200")),
                create("company", "globex", Json.object().put("name", "Globex").put("domain", "globex.example.com")
                        .put("industry", "logistics").put("size", "201-1000")))));
        WriteResult people = store.write(new Write(Actor.OPERATOR, "leads from the conference", List.of(
                create("lead", "lead_ada", Json.object().put("name", "Ada Park").put("email", "ada@acme.example.com")
                        .put("company", "Acme Robotics").put("role", "Head of Product").put("source", "event")
                        .put("status", "new").put("need", "a redesign of their robot fleet dashboard")),
                create("lead", "lead_ben", Json.object().put("name", "Ben Ortiz").put("email", "ben@globex.example.com")
                        .put("company", "Globex").put("source", "webform").put("status", "new")),
                create("customer", "cust_acme", Json.object().put("name", "Acme Robotics (design)")
                        .put("email", "billing@acme.example.com").put("status", "active").put("since", "2026-02-01")
                        .put("payment_terms_days", 30)),
                new Change.AddLink("lead_ada", "works_at", "acme"),
                new Change.AddLink("lead_ben", "works_at", "globex"))));
        store.write(new Write(Actor.OPERATOR, "signed the first project", List.of(
                create("project", "proj_fleet", Json.object().put("name", "Fleet dashboard redesign")
                        .put("status", "active").put("phase", "discovery").put("budget", 18000)),
                create("offer", "offer_fleet", Json.object().put("title", "Dashboard redesign, phase 1")
                        .put("amount", 18000).put("currency", "EUR").put("discount_percent", 10).put("status", "accepted")),
                create("invoice", "inv_2026_014", Json.object().put("number", "2026-014").put("amount", 6000)
                        .put("currency", "EUR").put("status", "sent").put("issued", "2026-10-01").put("due", "2026-10-31")),
                new Change.AddLink("cust_acme", "works_at", "acme"),
                new Change.AddLink("proj_fleet", "for_customer", "cust_acme"),
                new Change.AddLink("offer_fleet", "part_of", "proj_fleet"),
                new Change.AddLink("inv_2026_014", "part_of", "proj_fleet"),
                new Change.AddArtifact(null, "note", "Kick-off call", "Ada wants the fleet map first; "
                        + "their ops team works night shifts, so dark mode matters.", null, "text/plain", null, null,
                        List.of("acme", "proj_fleet")))));
        Entity ada = store.get("lead_ada");
        ada = store.update(new Actor.Agent("qualifier"), "fits the ideal customer profile: product lead, budget known",
                ada.id(), ada.version(), ((ObjectNode) ada.body().deepCopy()).put("status", "qualified").put("score", 82));
        ada = store.update(Actor.OPERATOR, "typo in the score", ada.id(), ada.version(),
                ((ObjectNode) ada.body().deepCopy()).put("score", 28));
        ada = store.revert(Actor.OPERATOR, "the old score was right", ada.id(), 2, ada.version());
        return new SampleCompany(companies.entities().getFirst(), people.entities().getFirst());
    }

    private static Change create(String type, String id, ObjectNode body) {
        return new Change.CreateEntity(type, id, body);
    }
}
