package solo.interfaces.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object as a list of named values for a page: text and numbers as they are, objects and lists as
 * indented JSON (shown in a block). Escaping is the template's (every value is escaped when rendered).
 */
final class Fields {
    private Fields() {}

    static List<Map<String, Object>> of(JsonNode node) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        node.properties().forEach(p -> out.add(field(p.getKey(), p.getValue())));
        return out;
    }

    static Map<String, Object> field(String name, JsonNode v) {
        boolean block = v.isContainer() && !v.isEmpty();
        return Map.of("name", name, "value", text(v), "block", block);
    }

    /** A value as the operator reads it: text unquoted, null as "—", the rest as (indented) JSON. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "—";
        }
        if (v.isString()) {
            return v.asString();
        }
        return v.isContainer() && !v.isEmpty() ? Json.pretty(v) : Json.write(v);
    }

    /** A value's JSON type, as an edit form keeps it: string, number, integer, boolean or json. */
    static String type(JsonNode v) {
        if (v == null || v.isNull()) {
            return "json";
        }
        if (v.isString()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        return v.isBoolean() ? "boolean" : "json";
    }
}
