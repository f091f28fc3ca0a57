package solo.interfaces.json;

import java.util.List;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Link;
import solo.state.Neighbour;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of state records, shared by the CLI's --json output and the HTTP API. */
public final class JsonViews {
    private JsonViews() {}

    public static ObjectNode entity(Entity e) {
        ObjectNode o = Json.object().put("id", e.id()).put("type", e.type()).put("version", e.version());
        o.set("body", e.body());
        return o.put("created_at", e.createdAt().toString()).put("updated_at", e.updatedAt().toString());
    }

    public static ArrayNode entities(List<Entity> entities) {
        ArrayNode a = Json.mapper().createArrayNode();
        entities.forEach(e -> a.add(entity(e)));
        return a;
    }

    public static ObjectNode link(Link l) {
        return Json.object().put("from", l.from()).put("type", l.type()).put("to", l.to())
                .put("created_at", l.createdAt().toString());
    }

    public static ObjectNode neighbour(Neighbour n) {
        ObjectNode o = Json.object().put("depth", n.depth()).put("direction", n.outgoing() ? "out" : "in");
        o.set("via", link(n.via()));
        o.set("entity", entity(n.entity()));
        return o;
    }

    /** An event with its before and after bodies as JSON rather than text. */
    public static ObjectNode event(Event e) {
        ObjectNode o = Json.object().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor().text())
                .put("reason", e.reason()).put("kind", e.kind()).put("subject", e.subject())
                .put("subject_type", e.subjectType()).put("object", e.object());
        if (e.version() == null) {
            o.putNull("version");
        } else {
            o.put("version", e.version().longValue());
        }
        o.set("before", parsed(e.before()));
        o.set("after", parsed(e.after()));
        return o.put("hash", e.hash());
    }

    public static ObjectNode artifact(Artifact a, boolean withText) {
        ObjectNode o = Json.object().put("id", a.id()).put("kind", a.kind()).put("title", a.title())
                .put("file_name", a.fileName()).put("media_type", a.mediaType()).put("size", a.size())
                .put("version", a.version()).put("created_at", a.createdAt().toString());
        o.set("entities", Json.tree(a.entityIds()));
        o.set("metadata", a.metadata());
        if (withText) {
            o.put("text", a.text());
        }
        return o;
    }

    private static JsonNode parsed(String json) {
        return json == null ? Json.mapper().nullNode() : Json.read(json);
    }
}
