package solo.execution.agent;

import java.util.List;
import solo.state.Violation;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Reads a model's answer as one JSON object. Local models often wrap JSON in a ``` fence or a sentence;
 * that wrapping is removed, but anything that is not one JSON object is a violation the repair shows.
 */
final class AnswerParser {
    private AnswerParser() {}

    sealed interface Parsed {}

    record Ok(JsonNode object) implements Parsed {}

    record Broken(Violation violation) implements Parsed {}

    static Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return broken("empty", "the answer is empty; it must be one JSON object");
        }
        t = unwrap(t);
        try {
            JsonNode node = Json.parse(t, "the answer");
            if (!node.isObject()) {
                return broken("type", "the answer must be a JSON object, not " + node.getNodeType().name().toLowerCase());
            }
            return new Ok(node);
        } catch (InvalidJsonException e) {
            return broken("json", e.getMessage());
        }
    }

    private static String unwrap(String t) {
        if (t.startsWith("```")) {
            int firstLine = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (firstLine > 0 && end > firstLine) {
                return t.substring(firstLine + 1, end).strip();
            }
        }
        if (!t.startsWith("{")) {
            int open = t.indexOf('{');
            int close = t.lastIndexOf('}');
            if (open >= 0 && close > open) {
                return t.substring(open, close + 1);
            }
        }
        return t;
    }

    private static Broken broken(String rule, String message) {
        return new Broken(new Violation("", rule, message, null));
    }

    static List<Violation> violations(Parsed p) {
        return p instanceof Broken b ? List.of(b.violation()) : List.of();
    }
}
