package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.interfaces.http.server.ApiError;
import solo.memory.Memory;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Link;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** Entities by type, and one entity's page: its fields, links, artifacts, memory summary and the timeline of its events. */
final class EntityPages implements CockpitModule {
    private static final int PAGE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(EntityPages.class);
    private final Store store;
    private final Supplier<Memory> memory;

    EntityPages(Store store, Supplier<Memory> memory) {
        this.store = store;
        this.memory = memory;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.ENTITIES, "/entities");
        c.routes().page("/entities", ctx -> list(c, ctx));
        c.routes().page("/entities/{id}", ctx -> show(c, ctx));
        c.routes().page("/artifacts/{id}", ctx -> artifact(c, ctx));
    }

    private void list(Cockpit c, Context ctx) {
        List<Map<String, Object>> types = new ArrayList<>();
        store.schema().types().forEach((name, t) -> types.add(Map.of("name", name, "count", store.count(name))));
        String type = ctx.queryParam("type");
        if (type == null || store.schema().find(type).isEmpty()) {
            type = types.isEmpty() ? null : types.getFirst().get("name").toString();
        }
        List<Entity> page = type == null ? List.of() : store.list(type, blank(ctx.queryParam("after")), PAGE + 1);
        List<Map<String, Object>> rows = page.stream().limit(PAGE).map(e -> Map.<String, Object>of("id", e.id(),
                "label", e.label(), "version", e.version(), "updated", Forms.time(e.updatedAt()))).toList();
        c.page(ctx, NavSlot.ENTITIES, "Entities", "entities", Map.of("types", types, "type", type == null ? "" : type,
                "entities", rows, "next", page.size() > PAGE ? page.get(PAGE - 1).id() : ""));
    }

    private void show(Cockpit c, Context ctx) {
        Entity e = store.find(ctx.pathParam("id")).orElseThrow(() -> ApiError.notFound("no entity " + ctx.pathParam("id")));
        List<Map<String, Object>> fields = new ArrayList<>();
        e.body().properties().forEach(p -> fields.add(Fields.field(p.getKey(), p.getValue())));
        List<Map<String, Object>> links = new ArrayList<>();
        for (Link l : store.links(e.id())) {
            boolean out = l.from().equals(e.id());
            String other = out ? l.to() : l.from();
            String label = store.find(other).map(Entity::label).orElse(other);
            links.add(Map.of("type", l.type(), "direction", out ? "→" : "←", "other", other, "label", label));
        }
        List<Map<String, Object>> artifacts = new ArrayList<>();
        // the timeline: the entity's own events, and its artifacts as they arrived, newest first
        List<Map.Entry<Instant, Map<String, Object>>> timeline = new ArrayList<>();
        for (Artifact a : store.artifacts(e.id(), 50)) {
            String title = a.title() == null ? a.kind() : a.title();
            artifacts.add(Map.of("id", a.id(), "kind", a.kind(), "title", title, "created", Forms.time(a.createdAt()),
                    "excerpt", excerpt(a.text())));
            Map<String, Object> arrived = new HashMap<>();
            arrived.put("kind", a.kind() + " attached");
            arrived.put("at", Forms.time(a.createdAt()));
            arrived.put("artifact", a.id());
            arrived.put("title", title);
            arrived.put("changes", List.of());
            timeline.add(Map.entry(a.createdAt(), arrived));
        }
        for (Event ev : store.history(e.id())) {
            timeline.add(Map.entry(ev.at(), event(ev)));
        }
        timeline.sort(Map.Entry.<Instant, Map<String, Object>>comparingByKey().reversed());
        Map<String, Object> model = new HashMap<>();
        model.put("entity", Map.of("id", e.id(), "type", e.type(), "label", e.label(), "version", e.version(),
                "created", Forms.time(e.createdAt()), "updated", Forms.time(e.updatedAt())));
        model.put("fields", fields);
        model.put("links", links);
        model.put("artifacts", artifacts);
        model.put("timeline", timeline.stream().map(Map.Entry::getValue).toList());
        model.put("summary", summary(e.id()));
        c.page(ctx, NavSlot.ENTITIES, e.label(), "entity", model);
    }

    /** The entity's current summary from memory: its text, who wrote it, what it covers; empty when it has none. */
    private Map<String, Object> summary(String id) {
        try {
            return memory.get().summaries().currentArtifact(id, null).map(a -> {
                JsonNode m = a.metadata();
                Map<String, Object> s = new HashMap<>();
                s.put("id", a.id());
                s.put("text", a.text() == null ? "" : a.text());
                s.put("by", m.path("summarizer").asString("digest"));
                s.put("from", m.path("covers").path("from").asString(""));
                s.put("to", m.path("covers").path("to").asString(""));
                s.put("sources", m.path("sources").size());
                s.put("created", Forms.time(a.createdAt()));
                return s;
            }).orElse(Map.of());
        } catch (RuntimeException ex) {
            LOG.warn("entity {}: no summary shown: {}", id, ex.getMessage());
            return Map.of("problem", "memory is not available: " + ex.getMessage());
        }
    }

    private void artifact(Cockpit c, Context ctx) {
        String id = ctx.pathParam("id");
        Artifact a = store.artifact(id).orElseThrow(() -> ApiError.notFound("no artifact " + id));
        c.page(ctx, NavSlot.ENTITIES, a.title() == null ? a.kind() : a.title(), "artifact", Map.of("artifact", Map.of(
                "id", a.id(), "kind", a.kind(), "title", a.title() == null ? "" : a.title(), "created", Forms.time(a.createdAt()),
                "text", a.text() == null ? "(no text: " + a.mediaType() + ", " + a.size() + " bytes)" : a.text(),
                "metadata", Forms.json(a.metadata()), "entities", a.entityIds())));
    }

    static Map<String, Object> event(Event ev) {
        Map<String, Object> m = new HashMap<>();
        m.put("seq", ev.seq());
        m.put("at", Forms.time(ev.at()));
        m.put("actor", ev.actor().text());
        m.put("reason", ev.reason() == null ? "" : ev.reason());
        m.put("kind", ev.kind());
        m.put("subject", ev.subject());
        m.put("object", ev.object() == null ? "" : ev.object());
        m.put("version", ev.version() == null ? "" : ev.version().toString());
        m.put("changes", changes(ev));
        m.put("href", href(ev));
        return m;
    }

    /** The page of what an event is about: an entity's, an artifact's, a run's, else the audit's history of the id. */
    static String href(Event ev) {
        String k = ev.kind();
        if (k.startsWith("entity.") || k.startsWith("link.")) {
            return "/entities/" + ev.subject();
        }
        if (k.startsWith("artifact.")) {
            return "/artifacts/" + ev.subject();
        }
        if ("run".equals(ev.subjectType())) {
            return "/runs/" + ev.subject();
        }
        return "/audit?id=" + ev.subject();
    }

    /** What an entity event changed, field by field ("score: 40 → 82"). */
    private static List<String> changes(Event ev) {
        if (ev.after() == null || !ev.isEntityVersion()) {
            return List.of();
        }
        JsonNode before = ev.before() == null ? Json.object() : Json.read(ev.before());
        JsonNode after = Json.read(ev.after());
        List<String> out = new ArrayList<>();
        after.properties().forEach(p -> {
            JsonNode old = before.get(p.getKey());
            if (old == null) {
                out.add(p.getKey() + ": " + value(p.getValue()));
            } else if (!old.equals(p.getValue())) {
                out.add(p.getKey() + ": " + value(old) + " → " + value(p.getValue()));
            }
        });
        before.properties().forEach(p -> {
            if (!after.has(p.getKey())) {
                out.add(p.getKey() + ": removed");
            }
        });
        return out;
    }

    private static String value(JsonNode v) {
        return v.isString() ? v.asString() : Json.write(v);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
