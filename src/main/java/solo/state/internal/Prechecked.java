package solo.state.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Bodies already checked against their type's schema and serialized, on the writer's own thread. The
 * write path then only compares versions and writes rows: its single thread is the bottleneck of every
 * durable write, so work that can happen before it, does.
 */
final class Prechecked {
    static final Prechecked NONE = new Prechecked();

    private record Body(String type, String text) {}

    private final Map<JsonNode, Body> bodies = new IdentityHashMap<>();

    void put(JsonNode body, String type, String text) {
        bodies.put(body, new Body(type, text));
    }

    /** The serialized body if this very node was checked for this type, else null. */
    String text(JsonNode body, String type) {
        Body b = bodies.get(body);
        return b != null && b.type().equals(type) ? b.text() : null;
    }
}
