package solo.interfaces.cockpit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import solo.interfaces.http.server.ApiError;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A form field's text turned into the JSON value of its type (what an edit or a task's answer is made of);
 * a value that is not of its type is refused naming the field. The types come from the server's own record
 * (the input being edited, the agent's output contract), never from the form.
 */
final class FormValues {
    private FormValues() {}

    /**
     * @param type string, integer, number, boolean, array, object, json or any
     * @param itemType for arrays: the items' type (string and number arrays are written one item per line)
     */
    static JsonNode parse(String field, String type, String itemType, String text) {
        String t = text.replace("\r\n", "\n");
        return switch (type) {
            case "string" -> JsonNodeFactory.instance.stringNode(t);
            case "integer" -> {
                try {
                    yield JsonNodeFactory.instance.numberNode(Long.parseLong(t.strip()));
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest(field, field + ": '" + t.strip() + "' is not a whole number");
                }
            }
            case "number" -> {
                try {
                    yield JsonNodeFactory.instance.numberNode(new BigDecimal(t.strip()));
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest(field, field + ": '" + t.strip() + "' is not a number");
                }
            }
            case "boolean" -> switch (t.strip()) {
                case "true", "on", "yes" -> JsonNodeFactory.instance.booleanNode(true);
                case "false", "no" -> JsonNodeFactory.instance.booleanNode(false);
                default -> throw ApiError.badRequest(field, field + ": choose true or false");
            };
            case "array" -> lines(itemType) ? array(field, itemType, t) : json(field, t, true);
            default -> json(field, t, false);
        };
    }

    /** Whether an array of this item type is written one item per line. */
    static boolean lines(String itemType) {
        return "string".equals(itemType) || "number".equals(itemType) || "integer".equals(itemType);
    }

    private static ArrayNode array(String field, String itemType, String text) {
        ArrayNode a = Json.mapper().createArrayNode();
        List<String> items = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                items.add(line.strip());
            }
        }
        for (int i = 0; i < items.size(); i++) {
            a.add(parse(field + "/" + i, itemType, null, items.get(i)));
        }
        return a;
    }

    private static JsonNode json(String field, String text, boolean mustBeArray) {
        try {
            JsonNode n = Json.parse(text, field);
            if (mustBeArray && !n.isArray()) {
                throw ApiError.badRequest(field, field + ": must be a JSON list, like [\"a\", \"b\"]");
            }
            return n;
        } catch (InvalidJsonException e) {
            throw ApiError.badRequest(field, field + ": " + e.getMessage());
        }
    }

    /** How a value is shown in its form field: text as it is, list items one per line, the rest as JSON. */
    static String shown(JsonNode v, String type, String itemType) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isString()) {
            return v.asString();
        }
        if ("array".equals(type) && lines(itemType) && v.isArray()) {
            List<String> out = new ArrayList<>();
            v.forEach(x -> out.add(x.isString() ? x.asString() : Json.write(x)));
            return String.join("\n", out);
        }
        return v.isContainer() ? Json.pretty(v) : Json.write(v);
    }
}
