package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.interfaces.http.server.ApiError;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Link;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** Entities by type, and one entity's page: its fields, links, artifacts and the timeline of its events. */
final class EntityPages implements CockpitModule {
    private static final int PAGE = 50;
    private final Store store;

    EntityPages(Store store) {
        this.store = store;
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
        e.body().properties().forEach(p -> fields.add(Map.of("name", p.getKey(), "value", value(p.getValue()))));
        List<Map<String, Object>> links = new ArrayList<>();
        for (Link l : store.links(e.id())) {
            boolean out = l.from().equals(e.id());
            String other = out ? l.to() : l.from();
            String label = store.find(other).map(Entity::label).orElse(other);
            links.add(Map.of("type", l.type(), "direction", out ? "→" : "←", "other", other, "label", label));
        }
        List<Map<String, Object>> artifacts = new ArrayList<>();
        for (Artifact a : store.artifacts(e.id(), 50)) {
            artifacts.add(Map.of("id", a.id(), "kind", a.kind(), "title", a.title() == null ? a.kind() : a.title(),
                    "created", Forms.time(a.createdAt()), "excerpt", excerpt(a.text())));
        }
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Event ev : store.history(e.id()).reversed()) {
            timeline.add(event(ev));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("entity", Map.of("id", e.id(), "type", e.type(), "label", e.label(), "version", e.version(),
                "created", Forms.time(e.createdAt()), "updated", Forms.time(e.updatedAt())));
        model.put("fields", fields);
        model.put("links", links);
        model.put("artifacts", artifacts);
        model.put("timeline", timeline);
        c.page(ctx, NavSlot.ENTITIES, e.label(), "entity", model);
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
        return m;
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
