package solo.interfaces.mcp;

import java.util.ArrayList;
import java.util.List;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call of a tool: who calls (the assistant, as it will be named in events and policies) and its
 * arguments, already checked against the tool's input schema — so these readers only apply defaults.
 */
record ToolCall(Actor.Assistant assistant, ObjectNode args) {

    String text(String name) {
        return args.path(name).asString(null);
    }

    int integer(String name, int otherwise) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? otherwise : v.asInt();
    }

    Long optionalLong(String name) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? null : v.asLong();
    }

    /** An object argument, or null when absent. */
    ObjectNode object(String name) {
        JsonNode v = args.get(name);
        return v instanceof ObjectNode o ? o : null;
    }

    ObjectNode objectOrEmpty(String name) {
        ObjectNode o = object(name);
        return o == null ? Json.object() : o;
    }

    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        args.path(name).forEach(n -> out.add(n.asString()));
        return out;
    }
}
