package solo.interfaces.imports;

import java.math.BigDecimal;
import java.util.Locale;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a CSV cell into the JSON value its field's schema asks for: numbers, booleans
 * ({@code true/false/yes/no/1/0}), arrays split on {@code ;}, objects written as JSON, text as it is.
 * The schema's own rules (ranges, enums, formats) are checked afterwards by the write path.
 */
final class CellTypes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CellTypes() {}

    /** The value; an {@link IllegalArgumentException} says why the text does not fit. */
    static JsonNode convert(String text, JsonNode property) {
        String type = type(property);
        switch (type) {
            case "integer" -> {
                try {
                    return NODES.numberNode(new BigDecimal(text).toBigIntegerExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
            }
            case "number" -> {
                try {
                    return NODES.numberNode(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
            }
            case "boolean" -> {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "y", "1" -> NODES.booleanNode(true);
                    case "false", "no", "n", "0" -> NODES.booleanNode(false);
                    default -> throw new IllegalArgumentException("'" + text + "' is not true or false (or yes/no, 1/0)");
                };
            }
            case "array" -> {
                ArrayNode items = NODES.arrayNode();
                for (String part : text.split(";")) {
                    if (!part.isBlank()) {
                        items.add(convert(part.trim(), property.path("items")));
                    }
                }
                return items;
            }
            case "object" -> {
                try {
                    return Json.parse(text, "cell");
                } catch (InvalidJsonException e) {
                    throw new IllegalArgumentException("an object is written as JSON: " + e.getMessage());
                }
            }
            default -> {
                return NODES.stringNode(text);
            }
        }
    }

    /** The schema's type, the first that is not {@code null} when it lists several; text when none. */
    private static String type(JsonNode property) {
        JsonNode t = property.path("type");
        if (t.isString()) {
            return t.asString();
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asString())) {
                    return x.asString();
                }
            }
        }
        return "string";
    }
}
