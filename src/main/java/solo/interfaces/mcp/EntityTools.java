package solo.interfaces.mcp;

import java.util.List;
import java.util.Map;
import solo.interfaces.json.JsonViews;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Link;
import solo.state.Store;
import solo.state.Violation;
import solo.state.Write;
import solo.state.schema.EntityType;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entities and notes for the assistant. Reads go straight to the {@link Store}; every write is checked
 * first against the entity type's schema (a refusal names the argument), then by the company's policies
 * as a {@code write_entity} of {@code assistant:NAME}, and only then goes through {@link Store#write} —
 * the one write path, with its validation, event and hash chain, exactly as the CLI's writes do.
 */
final class EntityTools {
    private static final String WRITE = "write_entity";
    private static final int NEWEST_NOTES = 20;

    private final Store store;
    private final PolicyCheck policies;

    EntityTools(Store store, PolicyCheck policies) {
        this.store = store;
        this.policies = policies;
    }

    Map<String, SoloTool> tools() {
        return Map.of("get_entity", this::get, "list_entities", this::list, "create_entity", this::create,
                "update_entity", this::update, "add_note", this::addNote);
    }

    private ObjectNode get(ToolCall c) {
        Entity e = existing(c.text("id"), "/id");
        ObjectNode out = Json.object();
        out.set("entity", JsonViews.entity(e));
        ArrayNode links = out.putArray("links");
        for (Link l : store.links(e.id())) {
            links.add(JsonViews.link(l));
        }
        ArrayNode notes = out.putArray("artifacts");
        for (Artifact a : store.artifacts(e.id(), NEWEST_NOTES)) {
            notes.addObject().put("id", a.id()).put("kind", a.kind()).put("title", a.title())
                    .put("created_at", a.createdAt().toString());
        }
        return out;
    }

    private ObjectNode list(ToolCall c) {
        String type = c.text("type");
        if (type != null) {
            type(type, "/type");
        }
        int limit = c.integer("limit", 50);
        List<Entity> page = store.list(type, c.text("after"), limit);
        ObjectNode out = Json.object();
        out.set("entities", JsonViews.entities(page));
        out.put("next", page.size() == limit ? page.getLast().id() : null);
        if (type == null) {
            ObjectNode types = out.putObject("types");
            store.schema().types().keySet().forEach(t -> types.put(t, store.count(t)));
        }
        return out;
    }

    private ObjectNode create(ToolCall c) {
        String type = c.text("type");
        ObjectNode body = c.object("body");
        checkSchema(type(type, "/type"), body, "/body");
        policies.require(c, WRITE, List.of(), body, c.text("reason"));
        Entity e = store.write(Write.of(c.assistant(), c.text("reason"), new Change.CreateEntity(type, null, body))).entity();
        ObjectNode out = Json.object();
        out.set("entity", JsonViews.entity(e));
        return out;
    }

    private ObjectNode update(ToolCall c) {
        ObjectNode set = c.object("set");
        ObjectNode replace = c.object("replace");
        if ((set == null) == (replace == null)) {
            throw new ToolError(set == null ? "/set" : "/replace", "give either set (fields to change) or replace (a whole"
                    + " new body), not " + (set == null ? "neither" : "both"));
        }
        Entity current = existing(c.text("id"), "/id");
        Long version = c.optionalLong("version");
        JsonNode body = replace != null ? replace : mergePatch(current.body(), set);
        checkSchema(type(current.type(), "/id"), body, replace != null ? "/replace" : "/set");
        policies.require(c, WRITE, List.of(current.id()), replace != null ? replace : set, c.text("reason"));
        Entity updated = store.update(c.assistant(), c.text("reason"), current.id(),
                version != null ? version : current.version(), body);
        ObjectNode out = Json.object().put("changed", updated.version() != current.version());
        out.set("entity", JsonViews.entity(updated));
        return out;
    }

    private ObjectNode addNote(ToolCall c) {
        List<String> entities = c.texts("entities");
        for (int i = 0; i < entities.size(); i++) {
            existing(entities.get(i), "/entities/" + i);
        }
        ObjectNode params = Json.object().put("kind", "note").put("title", c.text("title")).put("text", c.text("text"));
        policies.require(c, WRITE, entities, params, c.text("reason"));
        Artifact a = store.write(Write.of(c.assistant(), c.text("reason"), new Change.AddArtifact(null, "note",
                c.text("title"), c.text("text"), null, "text/plain", null, null, entities))).artifact();
        ObjectNode out = Json.object();
        out.set("note", JsonViews.artifact(a, false));
        return out;
    }

    private Entity existing(String id, String field) {
        return store.find(id).orElseThrow(() -> new ToolError(field, "no entity " + id + " (list_entities shows the ids)"));
    }

    private EntityType type(String type, String field) {
        return store.schema().find(type).orElseThrow(() -> new ToolError(field, "unknown entity type '" + type
                + "': declared types are " + String.join(", ", store.schema().types().keySet())));
    }

    /** The body against its type's schema before the policies are asked: a refusal names the argument to fix. */
    private static void checkSchema(EntityType type, JsonNode body, String at) {
        List<Violation> bad = type.validate(body);
        if (!bad.isEmpty()) {
            Violation v = bad.getFirst();
            String field = at + v.field();
            throw new ToolError(field, type.name() + " refused: " + field.substring(1) + ": " + v.message() + " [" + v.rule()
                    + (v.where() == null ? "" : " at " + v.where()) + "]" + (bad.size() > 1 ? " (and " + (bad.size() - 1)
                    + " more)" : "") + "; nothing was written");
        }
    }

    /** RFC 7386: objects merge field by field, null removes a field, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        for (var field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
